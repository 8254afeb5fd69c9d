import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where all local state lives: JUNCTION_DATA_DIR, else the same folder Electron uses as
 * userData for this app, so the desktop app, the web host and the CLI share one database.
 */
export function resolveDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.JUNCTION_DATA_DIR) return env.JUNCTION_DATA_DIR;
  const home = homedir();
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'junction');
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'junction');
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'junction');
}
