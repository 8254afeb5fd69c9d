import { accessSync, constants } from 'node:fs';
import { AppError } from '../../src-shared/domain/result';

/** False when the folder exists but cannot be written (a read-only file system or its modes). */
function notWritable(dir: string | undefined): boolean {
  if (!dir) return false;
  try {
    accessSync(dir, constants.W_OK);
    return false;
  } catch (e) {
    return ['EROFS', 'EACCES', 'EPERM'].includes(String((e as { code?: unknown }).code));
  }
}

/**
 * Turns a failure of the disk or the database file (a full disk, a read-only folder, a
 * damaged file, another process holding a lock) into an AppError that says what happened
 * and what to do. SQLite rolls back the interrupted transaction, so "nothing saved before
 * was lost" is true whenever this is raised from a write. Returns null for anything else.
 */
export function storageError(e: unknown, where?: string): AppError | null {
  if (e instanceof AppError) return null;
  const code = String((e as { code?: unknown })?.code ?? '');
  const message = (e as Error)?.message ?? String(e);
  const place = where ? ` (${where})` : '';
  if (code === 'SQLITE_FULL' || code.startsWith('SQLITE_FULL') || code === 'ENOSPC' || code === 'EDQUOT') {
    return new AppError(
      'STORAGE',
      `The disk holding Junction's data${place} is full. The last change was not saved; everything saved before it is intact. Free some space and try again.`,
    );
  }
  // SQLite cannot even open a database in WAL mode when its folder is read-only: it says CANTOPEN.
  const readOnlyFolder = (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_IOERR')) && notWritable(where);
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM' || readOnlyFolder) {
    return new AppError(
      'STORAGE',
      `Junction cannot write to its data folder${place}: it is read-only or not writable for this user. Nothing was changed. Make the folder writable, or set JUNCTION_DATA_DIR to a writable folder.`,
    );
  }
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return new AppError('STORAGE', `Junction's database${place} is damaged (${message}). It was not changed; restore it from a backup or move it aside to start fresh.`);
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new AppError('STORAGE', `Junction's database${place} is busy: another Junction process kept it locked too long. Nothing was changed; try again.`);
  }
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN') || code === 'EIO') {
    return new AppError('STORAGE', `A disk error stopped Junction from using its data${place} (${message}). The last change was not saved; check the disk and try again.`);
  }
  return null;
}
