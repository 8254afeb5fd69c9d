import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src-shared/ipc/settings';
import { databasePath, openDatabase, type Db } from '../../../src-main/store/database';
import { SettingsRepo } from '../../../src-main/store/settings-repo';
import { tempDir } from '../../helpers/temp-dir';

describe('settings', () => {
  let dir: ReturnType<typeof tempDir>;
  let db: Db;
  beforeEach(() => {
    dir = tempDir();
    db = openDatabase(databasePath(dir.path));
  });
  afterEach(() => {
    db.close();
    dir.cleanup();
  });

  it('starts from the defaults', () => {
    expect(new SettingsRepo(db).get()).toEqual(DEFAULT_SETTINGS);
  });

  it('changes only the keys a patch names, and keeps them across a reopen', () => {
    const repo = new SettingsRepo(db);
    repo.update({ priceBatchSize: 75 });
    expect(repo.update({ theme: 'dark' })).toEqual({ ...DEFAULT_SETTINGS, priceBatchSize: 75, theme: 'dark' });
    db.close();
    db = openDatabase(databasePath(dir.path));
    expect(new SettingsRepo(db).get()).toMatchObject({ priceBatchSize: 75, theme: 'dark' });
  });

  it('refuses an invalid value or an unknown key and changes nothing', () => {
    const repo = new SettingsRepo(db);
    repo.update({ priceBatchSize: 75 });
    expect(() => repo.update({ priceBatchSize: 0, theme: 'dark' })).toThrow();
    expect(() => repo.update({ nope: 1 } as never)).toThrow();
    expect(repo.get()).toEqual({ ...DEFAULT_SETTINGS, priceBatchSize: 75 });
  });

  it('a damaged stored value falls back to its own default without resetting the others', () => {
    const repo = new SettingsRepo(db);
    repo.update({ priceBatchSize: 75, orderPollSeconds: 300 });
    db.prepare("UPDATE settings SET value = '\"lots\"' WHERE key = 'priceBatchSize'").run();
    expect(repo.get()).toMatchObject({ priceBatchSize: 50, orderPollSeconds: 300 });
  });
});
