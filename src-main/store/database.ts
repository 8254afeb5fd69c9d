import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../src-shared/domain/result';
import { assertCompatible, migrate, type Migration } from './migrations';
import { storageError } from './storage-errors';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path of the better-sqlite3 addon built for Electron (see scripts/electron-native.mjs). */
  nativeBinding?: string;
  migrations?: Migration[];
  readonly?: boolean;
}

export function databasePath(dataDir: string): string {
  return join(dataDir, 'junction.db');
}

/** Opens (creating if needed) the one database file and migrates it to the latest schema. */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  let db: Db;
  try {
    mkdirSync(dirname(file), { recursive: true });
    db = new Database(file, {
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      ...(options.readonly ? { readonly: true } : {}),
    });
  } catch (e) {
    throw storageError(e, dirname(file)) ?? new AppError('STORAGE', `Cannot open the database at ${file}: ${(e as Error).message}`);
  }
  try {
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Read-only checks first, so a damaged or newer database is refused before anything is written.
    const quick = db.pragma('quick_check', { simple: true });
    if (quick !== 'ok') {
      // quick_check reports many lines ("*** in database main ***", then each problem): name the first problem only.
      const first = String(quick).split('\n').find((l) => l.trim() && !l.startsWith('***')) ?? 'failed its integrity check';
      throw new AppError('STORAGE', `The database at ${file} is damaged (${first.trim().slice(0, 160)}). Restore it from a backup or move it aside to start fresh.`);
    }
    assertCompatible(db, options.migrations);
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      // Orders must survive a power cut: FULL syncs the WAL on every commit.
      db.pragma('synchronous = FULL');
      migrate(db, options.migrations);
    }
    return db;
  } catch (e) {
    db.close();
    if (e instanceof AppError) throw e;
    const msg = (e as Error).message;
    if (/not a database|malformed|corrupt/i.test(msg)) {
      throw new AppError('STORAGE', `The file at ${file} is not a readable Junction database (${msg}). It was left untouched; move it aside to start fresh.`);
    }
    throw storageError(e, dirname(file)) ?? new AppError('STORAGE', `Cannot prepare the database at ${file}: ${msg}`);
  }
}
