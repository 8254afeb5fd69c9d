import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { AppError } from '../../src-shared/domain/result';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

const files = import.meta.glob('./migrations/*.sql', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export function checksum(sql: string): string {
  return createHash('sha256').update(sql.replace(/\r\n/g, '\n')).digest('hex');
}

export function toMigration(fileName: string, sql: string): Migration {
  const m = /^(\d{3})-([a-z0-9-]+)\.sql$/.exec(fileName);
  if (!m) throw new Error(`migration file name must look like 001-name.sql: ${fileName}`);
  return { version: Number(m[1]), name: fileName, sql, checksum: checksum(sql) };
}

/** The migrations shipped with this build, in order. */
export function bundledMigrations(): Migration[] {
  return Object.entries(files)
    .map(([path, sql]) => toMigration(path.split('/').pop()!, sql))
    .sort((a, b) => a.version - b.version);
}

/**
 * Brings the database to the latest schema, one transaction per migration.
 * Refuses (and changes nothing) when an applied migration was edited or when the
 * database comes from a newer Junction.
 */
export function migrate(db: Database.Database, migrations: Migration[] = bundledMigrations()): { applied: string[] } {
  const rows = assertCompatible(db, migrations);
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const done = new Set(rows.map((r) => r.version));
  const insert = db.prepare('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)');
  const applied: string[] = [];
  for (const m of migrations) {
    if (done.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      insert.run(m.version, m.name, m.checksum, new Date().toISOString());
      db.pragma(`user_version = ${m.version}`);
    })();
    applied.push(m.name);
  }
  return { applied };
}

/** Reads only: throws when the database is newer than this build or an applied migration was edited. */
export function assertCompatible(db: Database.Database, migrations: Migration[] = bundledMigrations()) {
  const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  const rows = (hasTable ? db.prepare('SELECT version, name, checksum FROM schema_migrations ORDER BY version').all() : []) as {
    version: number;
    name: string;
    checksum: string;
  }[];
  const known = new Map(migrations.map((m) => [m.version, m]));
  const latest = migrations.at(-1)?.version ?? 0;

  for (const row of rows) {
    if (row.version > latest) {
      throw new AppError(
        'STORAGE',
        `This database was written by a newer version of Junction (schema ${row.version}; this version knows up to ${latest}). Update Junction. The database was not changed.`,
      );
    }
    const m = known.get(row.version);
    if (m && m.checksum !== row.checksum) {
      throw new AppError(
        'STORAGE',
        `Migration ${row.name} was edited after it was applied (checksum ${row.checksum.slice(0, 12)} in the database, ${m.checksum.slice(0, 12)} in this build). Restore the original file and add a new migration instead. The database was not changed.`,
      );
    }
  }
  return rows;
}
