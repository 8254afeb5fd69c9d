import { readFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/store/database';
import { bundledMigrations, migrate, toMigration } from '../../../src-main/store/migrations';
import { tempDir } from '../../helpers/temp-dir';

const m1 = toMigration('001-one.sql', 'CREATE TABLE a (id INTEGER PRIMARY KEY, name TEXT);');
const m2 = toMigration('002-two.sql', 'CREATE TABLE b (id INTEGER PRIMARY KEY, a_id INTEGER REFERENCES a(id));');
const m3bad = toMigration('003-bad.sql', 'CREATE TABLE c (id INTEGER PRIMARY KEY); INSERT INTO nope VALUES (1);');

describe('migrations on a real database file', () => {
  let dir: ReturnType<typeof tempDir>;
  let file: string;
  beforeEach(() => {
    dir = tempDir();
    file = `${dir.path}/junction.db`;
  });
  afterEach(() => dir.cleanup());

  const tables = (db: Database.Database) =>
    (db.prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);

  it('brings an empty database to the latest bundled schema with the recommended pragmas', () => {
    const db = openDatabase(file);
    const latest = bundledMigrations().at(-1)!;
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('user_version', { simple: true })).toBe(latest.version);
    const applied = db.prepare('SELECT name, checksum FROM schema_migrations ORDER BY version').all();
    expect(applied).toEqual(bundledMigrations().map((m) => ({ name: m.name, checksum: m.checksum })));
    expect(tables(db)).toContain('settings');
    db.close();
  });

  it('re-running is a no-op', () => {
    openDatabase(file).close();
    const db = new Database(file);
    const before = db.prepare('SELECT * FROM schema_migrations').all();
    expect(migrate(db).applied).toEqual([]);
    expect(db.prepare('SELECT * FROM schema_migrations').all()).toEqual(before);
    db.close();
  });

  it('upgrades from the previous version and applies only what is new', () => {
    const db = new Database(file);
    expect(migrate(db, [m1]).applied).toEqual(['001-one.sql']);
    db.prepare('INSERT INTO a (name) VALUES (?)').run('kept');
    expect(migrate(db, [m1, m2]).applied).toEqual(['002-two.sql']);
    expect(db.prepare('SELECT name FROM a').get()).toEqual({ name: 'kept' });
    expect(tables(db)).toEqual(expect.arrayContaining(['a', 'b']));
    db.close();
  });

  it('refuses an edited, already-applied migration with a clear error and changes nothing', () => {
    const db = new Database(file);
    migrate(db, [m1]);
    const edited = toMigration('001-one.sql', 'CREATE TABLE a (id INTEGER PRIMARY KEY, name TEXT, extra TEXT);');
    expect(() => migrate(db, [edited, m2])).toThrow(/001-one\.sql was edited after it was applied/);
    expect(tables(db)).not.toContain('b');
    db.close();
  });

  it('refuses a database written by a newer Junction and leaves the file unchanged', () => {
    const db = new Database(file);
    migrate(db, [m1, m2]);
    db.close();
    const before = readFileSync(file);
    expect(() => openDatabase(file, { migrations: [m1] })).toThrow(/newer version of Junction \(schema 2; this version knows up to 1\)/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('rolls a failing migration back whole: its table does not exist and it is not recorded', () => {
    const db = new Database(file);
    expect(() => migrate(db, [m1, m2, m3bad])).toThrow(/no such table: nope/);
    expect(tables(db)).not.toContain('c');
    expect((db.prepare('SELECT max(version) v FROM schema_migrations').get() as { v: number }).v).toBe(2);
    db.close();
  });

  it('tells the user when the file is not a database, without touching it', () => {
    writeFileSync(file, 'this is not sqlite'.repeat(100));
    expect(() => openDatabase(file)).toThrow(/not a readable Junction database/);
    expect(readFileSync(file, 'utf8')).toBe('this is not sqlite'.repeat(100));
  });
});
