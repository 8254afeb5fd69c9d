import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./electron-fake')).electronModule());

const { fake, FakeBrowserWindow } = await import('./electron-fake');
const { createMainWindow, guardWebContents } = await import('../../../src-main/app/window');

beforeEach(() => fake.reset());

describe('main window', () => {
  it('is isolated, sandboxed and has no Node, with our preload', () => {
    createMainWindow('/app/out/preload/index.cjs', { kind: 'file', file: '/app/out/renderer/index.html' });
    const win = FakeBrowserWindow.instances[0]!;
    expect(win.options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
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
    expect(win.loadFile).toHaveBeenCalledWith('/app/out/renderer/index.html');
    expect(win.loadURL).not.toHaveBeenCalled();
  });

  it('loads the dev server URL when one is given', () => {
    createMainWindow('/p.cjs', { kind: 'url', url: 'http://localhost:5173' });
    expect(FakeBrowserWindow.instances[0]!.loadURL).toHaveBeenCalledWith('http://localhost:5173');
  });

  it('denies every navigation; only allow-listed https links go to the browser', async () => {
    createMainWindow('/p.cjs', { kind: 'file', file: '/r/index.html' });
    const contents = FakeBrowserWindow.instances[0]!.webContents;
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'http://portal.io/', 'https://api.portal.io/docs']) {
      expect(contents.fire('will-navigate', url), url).toBe(true);
    }
    await vi.waitFor(() => expect(fake.openExternal).toHaveBeenCalledTimes(1));
    expect(fake.openExternal).toHaveBeenCalledWith('https://api.portal.io/docs');
  });

  it('denies window.open, handing only allow-listed links to the browser', async () => {
    createMainWindow('/p.cjs', { kind: 'file', file: '/r/index.html' });
    const open = FakeBrowserWindow.instances[0]!.webContents.windowOpenHandler!;
    expect(open({ url: 'https://attacker.example/phish' })).toEqual({ action: 'deny' });
    expect(open({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(open({ url: 'https://www.srsdistribution.com/' })).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(fake.openExternal).toHaveBeenCalledTimes(1));
    expect(fake.openExternal).toHaveBeenCalledWith('https://www.srsdistribution.com/');
  });

  it('refuses webviews and guards each web contents once', async () => {
    const win = createMainWindow('/p.cjs', { kind: 'file', file: '/r/index.html' }) as unknown as InstanceType<typeof FakeBrowserWindow>;
    const contents = win.webContents;
    guardWebContents(contents as never);
    expect(contents.fire('will-attach-webview')).toBe(true);
    contents.fire('will-navigate', 'https://portal.io/');
    await vi.waitFor(() => expect(fake.openExternal).toHaveBeenCalledTimes(1));
    await new Promise((r) => setTimeout(r, 10));
    expect(fake.openExternal).toHaveBeenCalledTimes(1);
  });
});
