import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./electron-fake')).electronModule());

const { fake, FakeBrowserWindow } = await import('./electron-fake');
const { createMainWindow, guardWebContents } = await import('../../../src-main/app/window');

beforeEach(() => fake.reset());

const URL = 'junction://app/index.html#token=t0k3n';
const onLoadFailed = vi.fn();

describe('main window', () => {
  it('is isolated, sandboxed, has no Node and no preload, in its own session', () => {
    createMainWindow(URL, onLoadFailed);
    const win = FakeBrowserWindow.instances[0]!;
    const prefs = win.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      partition: 'persist:junction',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      nodeIntegrationInWorker: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(prefs).not.toHaveProperty('preload');
    expect(win.loadURL).toHaveBeenCalledWith(URL);
  });

  it('hands a failed load (its error names the URL and token) to the caller, not to stderr', async () => {
    FakeBrowserWindow.failLoads = true;
    onLoadFailed.mockClear();
    createMainWindow(URL, onLoadFailed);
    await vi.waitFor(() => expect(onLoadFailed).toHaveBeenCalledWith(expect.objectContaining({ message: expect.stringContaining('#token=t0k3n') })));
  });

  it('denies every navigation; only allow-listed https links go to the browser', async () => {
    createMainWindow(URL, onLoadFailed);
    const contents = FakeBrowserWindow.instances[0]!.webContents;
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'http://portal.io/', 'https://api.portal.io/docs', 'junction://app/other.html']) {
      expect(contents.fire('will-navigate', url), url).toBe(true);
    }
    await vi.waitFor(() => expect(fake.openExternal).toHaveBeenCalledTimes(1));
    expect(fake.openExternal).toHaveBeenCalledWith('https://api.portal.io/docs');
  });

  it('denies window.open, handing only allow-listed links to the browser', async () => {
    createMainWindow(URL, onLoadFailed);
    const open = FakeBrowserWindow.instances[0]!.webContents.windowOpenHandler!;
    expect(open({ url: 'https://attacker.example/phish' })).toEqual({ action: 'deny' });
    expect(open({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(open({ url: 'junction://app/index.html' })).toEqual({ action: 'deny' });
    expect(open({ url: 'https://www.srsdistribution.com/' })).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(fake.openExternal).toHaveBeenCalledTimes(1));
    expect(fake.openExternal).toHaveBeenCalledWith('https://www.srsdistribution.com/');
  });

  it('refuses webviews and guards each web contents once', async () => {
    const win = createMainWindow(URL, onLoadFailed) as unknown as InstanceType<typeof FakeBrowserWindow>;
    const contents = win.webContents;
    guardWebContents(contents as never);
    expect(contents.fire('will-attach-webview')).toBe(true);
    contents.fire('will-navigate', 'https://portal.io/');
    await vi.waitFor(() => expect(fake.openExternal).toHaveBeenCalledTimes(1));
    await new Promise((r) => setTimeout(r, 10));
    expect(fake.openExternal).toHaveBeenCalledTimes(1);
  });
});
