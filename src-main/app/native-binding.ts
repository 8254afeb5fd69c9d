import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Path of the better-sqlite3 addon that scripts/electron-native.mjs builds for Electron. */
export function electronNativeBindingPath(appRoot: string): string {
  return join(appRoot, '.electron-native', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
}

/** The Electron build when it exists; undefined lets better-sqlite3 load its default (Node) build. */
export function findElectronNativeBinding(appRoot: string): string | undefined {
  const path = electronNativeBindingPath(appRoot);
  return existsSync(path) ? path : undefined;
}
