import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./electron-fake')).electronModule());

const { fake, FakeBrowserWindow, FakeWebContents } = await import('./electron-fake');
const { contract } = await import('../../../src-shared/ipc/contract');
const { runApp } = await import('../../../src-main/app/lifecycle');
const electron = await import('electron');

const paths = { preload: '/app/out/preload/index.cjs', indexHtml: '/app/out/renderer/index.html' };
let dir: string;

beforeEach(() => {
  fake.reset();
  dir = mkdtempSync(join(tmpdir(), 'junction-app-'));
  vi.stubEnv('JUNCTION_DATA_DIR', dir);
});
afterEach(async () => {
  // before-quit closes the context (database, sandbox) the way quitting the app does.
  fake.appEvents.emit('before-quit', { preventDefault: () => undefined });
  await vi.waitFor(() => expect(fake.quit).toHaveBeenCalled());
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

describe('desktop app lifecycle', () => {
  it('a second instance quits at once without opening a window or the database', async () => {
    fake.lock = false;
    expect(await runApp(paths)).toBe(false);
    expect(fake.quit).toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('the first instance opens one window and focuses it when launched again', async () => {
    expect(await runApp(paths)).toBe(true);
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    const win = FakeBrowserWindow.instances[0]!;
    win.minimized = true;
    fake.appEvents.emit('second-instance', {}, ['junction'], '/');
    expect(win.restore).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(1);
  });

  it('keeps its data in JUNCTION_DATA_DIR and answers the window over the contract', async () => {
    await runApp(paths);
    const win = FakeBrowserWindow.instances[0]!;
    expect([...fake.handlers.keys()].sort()).toEqual(Object.keys(contract).sort());
    const info = (await fake.handlers.get('app:info')!({ sender: win.webContents, senderFrame: win.webContents.mainFrame }, {})) as {
      ok: boolean;
      value: { dataDir: string; version: string };
    };
    expect(info).toMatchObject({ ok: true, value: { dataDir: dir, version: '9.9.9-test' } });
    expect(readdirSync(dir)).toContain('junction.db');
  });

  it('stores credentials encrypted through safeStorage, never in plain text', async () => {
    await runApp(paths);
    const win = FakeBrowserWindow.instances[0]!;
    const canary = 'canary-secret-7f3a9c';
    const reply = (await fake.handlers.get('credentials:set')!(
      { sender: win.webContents, senderFrame: win.webContents.mainFrame },
      { vendor: 'portal', values: { appId: 'app', secretKey: canary, userKey: 'uk' } },
    )) as { ok: boolean; value: unknown };
    expect(reply).toMatchObject({ ok: true, value: { vendor: 'portal', source: 'vault' } });
    expect(JSON.stringify(reply)).not.toContain(canary);
    expect(readFileSync(join(dir, 'vault.json'), 'utf8')).not.toContain(canary);
  });

  it('guards every web contents the app creates', async () => {
    await runApp(paths);
    const stray = new FakeWebContents();
    fake.appEvents.emit('web-contents-created', {}, stray);
    expect(stray.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(stray.fire('will-navigate', 'https://example.com/')).toBe(true);
  });

  it('installs the application menu, without developer tools in a packaged app', async () => {
    await runApp(paths);
    expect(JSON.stringify(fake.menu)).toContain('editMenu');
    expect(JSON.stringify(fake.menu)).not.toContain('toggleDevTools');
  });

  it('reloads a crashed page, and leaves a cleanly closed one alone', async () => {
    await runApp(paths);
    const contents = FakeBrowserWindow.instances[0]!.webContents;
    contents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    expect(contents.reload).not.toHaveBeenCalled();
    contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    expect(contents.reload).toHaveBeenCalledTimes(1);
    // Crashing again and again ends in an explanation, not a reload loop.
    const showErrorBox = vi.mocked(electron.dialog.showErrorBox);
    showErrorBox.mockClear();
    for (let i = 0; i < 5; i++) contents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 1 });
    expect(contents.reload).toHaveBeenCalledTimes(3);
    expect(showErrorBox).toHaveBeenCalledWith('Junction stopped responding', expect.stringContaining('crashed repeatedly (oom)'));
  });

  it('explains a failed start in a dialog and quits without a window', async () => {
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, 'x');
    vi.stubEnv('JUNCTION_DATA_DIR', file);
    const showErrorBox = vi.mocked(electron.dialog.showErrorBox);
    showErrorBox.mockClear();
    expect(await runApp(paths)).toBe(true);
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    expect(fake.quit).toHaveBeenCalled();
    const [title, message] = showErrorBox.mock.calls[0]!;
    expect(title).toBe('Junction cannot start');
    expect(message).toContain(file);
    expect(message).toContain('npm start');
  });

  it('sends the CSP header from the default session', async () => {
    await runApp(paths);
    let out: { responseHeaders: Record<string, string[]> } | undefined;
    fake.headersListener!({ responseHeaders: {} }, (r) => (out = r as typeof out));
    expect(out!.responseHeaders['Content-Security-Policy']?.[0]).toContain("script-src 'self'");
  });
});
