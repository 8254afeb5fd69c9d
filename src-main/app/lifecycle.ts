import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, Menu, safeStorage, session } from 'electron';
import { contract } from '../../src-shared/ipc/contract';
import { registerSecret } from '../log/redact';
import { createAppContext, type AppContext } from '../services/context';
import { createHandlers, type Platform } from '../services/handlers';
import { createApiEndpoint } from '../services/ipc/api-endpoint';
import { createDispatcher } from '../services/ipc/dispatch';
import { SafeStorageVault } from '../vault/safe-storage-vault';
import { APP_ORIGIN, APP_PARTITION, registerAppScheme, serveApp } from './app-protocol';
import { menuTemplate } from './menu';
import { findElectronNativeBinding } from './native-binding';
import { resolveRendererLocation } from './renderer-location';
import { hardenSession } from './session-security';
import { createMainWindow, guardWebContents, openExternalIfAllowed } from './window';

export interface AppPaths {
  indexHtml: string;
}

/** Bundle layout: out/main/index.js beside out/renderer/index.html. */
export function appPaths(mainDir: string): AppPaths {
  return { indexHtml: join(mainDir, '../renderer/index.html') };
}

const MAX_RELOADS_PER_MINUTE = 3;

/** Brings the existing window to the front (a second launch lands here). */
function focus(win: BrowserWindow | null): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

/**
 * The desktop app: one instance, one window, one context. Returns false when another
 * instance already runs (that one is focused instead and this one quits).
 */
export async function runApp(paths: AppPaths): Promise<boolean> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  registerAppScheme();
  let win: BrowserWindow | null = null;
  app.on('second-instance', () => focus(win));
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  app.on('window-all-closed', () => app.quit());

  await app.whenReady();
  hardenSession(session.defaultSession);
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ isMac: process.platform === 'darwin', isPackaged: app.isPackaged })));

  const dataDir = process.env.JUNCTION_DATA_DIR ?? app.getPath('userData');
  const nativeBinding = findElectronNativeBinding(app.getAppPath());
  let context: AppContext;
  try {
    context = await createAppContext({ dataDir, vault: new SafeStorageVault(safeStorage, dataDir), nativeBinding, sandbox: 'auto', background: true });
  } catch (e) {
    const hint = nativeBinding ? '' : '\n\nThe database driver has not been built for Electron yet: start the app with `npm start`, which builds it.';
    dialog.showErrorBox('Junction cannot start', (e as Error).message + hint);
    app.quit();
    return true;
  }

  const platform: Platform = { version: app.getVersion(), openInBrowser: (url) => openExternalIfAllowed(url) };
  const dispatch = createDispatcher(contract, createHandlers(context, platform), context.log.child('ipc'));
  const location = resolveRendererLocation(paths.indexHtml, app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL);
  // A fresh token per launch: the window gets it in its URL's fragment, nothing else has it.
  const token = randomBytes(24).toString('base64url');
  registerSecret(token);
  const appSession = session.fromPartition(APP_PARTITION);
  hardenSession(appSession);
  serveApp(appSession, createApiEndpoint({ dispatch, events: context.events, token, origins: () => [APP_ORIGIN], origin: 'ipc', log: context.log.child('ipc') }), location);

  const pageUrl = `${APP_ORIGIN}/index.html#token=${token}`;
  const loadFailed = (error: unknown) => context.log.error('window page failed to load', { error });
  const open = () => {
    const created = createMainWindow(pageUrl, loadFailed);
    created.on('closed', () => (win = null));
    const crashes: number[] = [];
    created.webContents.on('render-process-gone', (_event, details) => {
      context.log.error('renderer process gone', { reason: details.reason, exitCode: details.exitCode });
      if (details.reason === 'clean-exit' || created.isDestroyed()) return;
      // A crashed page is reloaded rather than leaving a blank window, but not in a loop.
      const now = Date.now();
      crashes.push(now);
      if (crashes.filter((t) => now - t < 60_000).length > MAX_RELOADS_PER_MINUTE) {
        dialog.showErrorBox('Junction stopped responding', `The window crashed repeatedly (${details.reason}). Restart Junction; the log is in ${dataDir}.`);
        return;
      }
      // Loaded afresh with the token rather than reloaded: the crashed page's session storage may be gone.
      created.loadURL(pageUrl).catch(loadFailed);
    });
    win = created;
  };
  open();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) open();
  });

  let closed = false;
  app.on('before-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    closed = true;
    context.close().finally(() => app.quit());
  });
  return true;
}
