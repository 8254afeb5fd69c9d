import { BrowserWindow, shell, type WebContents } from 'electron';
import { isAllowedExternalUrl } from './external-links';
import { APP_PARTITION } from './app-protocol';

/** Opens the URL in the user's browser if it passes the allow-list; false when refused. */
export async function openExternalIfAllowed(url: string, open: (url: string) => Promise<void> = shell.openExternal): Promise<boolean> {
  if (!isAllowedExternalUrl(url)) return false;
  await open(url);
  return true;
}

const guarded = new WeakSet<WebContents>();

/**
 * Every web contents stays on our page: navigation, new windows and webviews are denied.
 * A link to an allow-listed https host is handed to the user's browser instead.
 */
export function guardWebContents(contents: WebContents): void {
  // Both the window factory and app-wide 'web-contents-created' call this; guard once.
  if (guarded.has(contents)) return;
  guarded.add(contents);
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    void openExternalIfAllowed(url);
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    void openExternalIfAllowed(url);
    return { action: 'deny' };
  });
}

/**
 * The one window. It has no preload: the page reaches main only through the contract on
 * junction://app (see serveApp), in a session of its own. `url` carries the launch token.
 */
export function createMainWindow(url: string, onLoadFailed: (error: unknown) => void): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Junction',
    backgroundColor: '#0f1115',
    autoHideMenuBar: true,
    // Written out here, not built by a helper, so a scanner (Electronegativity) and a reader
    // see the real values at the one place a window is created.
    webPreferences: {
      partition: APP_PARTITION,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // Middle-click would otherwise try to open links in a new window.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  guardWebContents(win.webContents);
  win.once('ready-to-show', () => win.show());
  // A failed load's error names the URL, token included: it goes to the (redacting) logger, not stderr.
  win.loadURL(url).catch(onLoadFailed);
  return win;
}
