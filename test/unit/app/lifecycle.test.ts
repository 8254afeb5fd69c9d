import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./electron-fake')).electronModule());

const { fake, FakeBrowserWindow, FakeWebContents } = await import('./electron-fake');
const { runApp } = await import('../../../src-main/app/lifecycle');
const { CSP_HEADER } = await import('../../../src-main/app/csp');
const electron = await import('electron');

let dir: string;
let paths: { indexHtml: string };

beforeEach(() => {
  fake.reset();
  dir = mkdtempSync(join(tmpdir(), 'junction-app-'));
  const renderer = mkdtempSync(join(tmpdir(), 'junction-renderer-'));
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Junction</title>');
  paths = { indexHtml: join(renderer, 'index.html') };
  vi.stubEnv('JUNCTION_DATA_DIR', dir);
});
afterEach(async () => {
  // before-quit closes the context (database, sandbox) the way quitting the app does.
  fake.appEvents.emit('before-quit', { preventDefault: () => undefined });
  await vi.waitFor(() => expect(fake.quit).toHaveBeenCalled());
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
  rmSync(join(paths.indexHtml, '..'), { recursive: true, force: true });
});

/** What the window's page sees: the junction: scheme of its own session, and the token its URL carried. */
function windowPage() {
  const win = FakeBrowserWindow.instances[0]!;
  const url = new URL(win.loadURL.mock.calls[0]![0]);
  const token = new URLSearchParams(url.hash.slice(1)).get('token')!;
  const handler = fake.partitions.get((win.options.webPreferences as { partition: string }).partition)!.schemes.get('junction')!;
  const call = async (channel: string, req: unknown, headers: Record<string, string> = {}) => {
    const res = await handler(
      new Request(`junction://app/api/call/${channel}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, Origin: 'junction://app', 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify(req),
      }),
    );
    return { status: res.status, reply: (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string } } };
  };
  return { win, url, token, handler, call };
}

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

  it('keeps its data in JUNCTION_DATA_DIR and answers the window over the contract on its own scheme', async () => {
    await runApp(paths);
    const page = windowPage();
    expect(`${page.url.protocol}//${page.url.host}${page.url.pathname}`).toBe('junction://app/index.html');
    expect(page.token.length).toBeGreaterThanOrEqual(32);
    const info = await page.call('app:info', {});
    expect(info).toMatchObject({ status: 200, reply: { ok: true, value: { dataDir: dir, version: '9.9.9-test' } } });
    expect(readdirSync(dir)).toContain('junction.db');
    // The default session knows nothing of the scheme: only the window's partition serves it.
    expect(fake.defaultSession.schemes.size).toBe(0);
  });

  it('registers junction: as a secure fetchable scheme, neither CORS-enabled nor bypassing the CSP', async () => {
    await runApp(paths);
    expect(fake.privilegedSchemes).toEqual([{ scheme: 'junction', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('serves the page with the CSP, and nothing outside the renderer folder', async () => {
    await runApp(paths);
    const { handler } = windowPage();
    const page = await handler(new Request('junction://app/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CSP_HEADER);
    expect(await page.text()).toContain('<title>Junction</title>');
    for (const url of ['junction://app/../junction.db', 'junction://app/%2e%2e/%2e%2e/etc/passwd', 'junction://other/index.html']) {
      expect((await handler(new Request(url))).status, url).toBe(404);
    }
  });

  it('refuses calls without the launch token or from another origin, changing nothing', async () => {
    await runApp(paths);
    const page = windowPage();
    const before = await page.call('settings:get', {});
    expect((await page.call('settings:update', { theme: 'dark' }, { Authorization: 'Bearer guess' })).status).toBe(401);
    expect((await page.call('settings:update', { theme: 'dark' }, { Authorization: '' })).status).toBe(401);
    expect((await page.call('settings:update', { theme: 'dark' }, { Origin: 'https://evil.example' })).status).toBe(403);
    expect((await page.call('settings:get', {})).reply).toEqual(before.reply);
  });

  it('streams main-side events to the page', async () => {
    await runApp(paths);
    const page = windowPage();
    const res = await page.handler(new Request('junction://app/api/events', { headers: { Authorization: `Bearer ${page.token}` } }));
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    expect((await reader.read()).value).toBe('{"ready":true}\n');
    // A catalog sync (against the embedded sandbox) is a job: its progress reaches the page.
    expect((await page.call('catalog:sync', {})).reply).toMatchObject({ ok: true });
    const next = await reader.read();
    expect(JSON.parse(next.value!.split('\n')[0]!)).toMatchObject({ event: 'job:progress', payload: { kind: expect.any(String) } });
    await reader.cancel();
  });

  it('stores credentials encrypted through safeStorage, never in plain text', async () => {
    await runApp(paths);
    const canary = 'canary-secret-7f3a9c';
    const { reply } = await windowPage().call('credentials:set', { vendor: 'portal', values: { appId: 'app', secretKey: canary, userKey: 'uk' } });
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

  it('loads a crashed page again with its token, and leaves a cleanly closed one alone', async () => {
    await runApp(paths);
    const win = FakeBrowserWindow.instances[0]!;
    const first = win.loadURL.mock.calls[0]![0];
    expect(first).toMatch(/^junction:\/\/app\/index\.html#token=/);
    win.webContents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    expect(win.loadURL).toHaveBeenCalledTimes(1);
    win.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    expect(win.loadURL).toHaveBeenCalledTimes(2);
    expect(win.loadURL).toHaveBeenLastCalledWith(first);
    // Crashing again and again ends in an explanation, not a reload loop.
    const showErrorBox = vi.mocked(electron.dialog.showErrorBox);
    showErrorBox.mockClear();
    for (let i = 0; i < 5; i++) win.webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 1 });
    expect(win.loadURL).toHaveBeenCalledTimes(4);
    expect(showErrorBox).toHaveBeenCalledWith('Junction stopped responding', expect.stringContaining('crashed repeatedly (oom)'));
  });

  it('logs a failed page load with the token masked', async () => {
    FakeBrowserWindow.failLoads = true;
    await runApp(paths);
    const { token } = windowPage();
    await vi.waitFor(() => expect(readFileSync(join(dir, 'logs', 'junction.log'), 'utf8')).toContain('window page failed to load'));
    const log = readFileSync(join(dir, 'logs', 'junction.log'), 'utf8');
    expect(log).toContain("ERR_ABORTED (-3) loading 'junction://app/index.html#token=");
    expect(log).not.toContain(token);
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

  it("hardens both the default session and the window's own: CSP header, no permissions", async () => {
    await runApp(paths);
    for (const session of [fake.defaultSession, fake.partitions.get('persist:junction')!]) {
      let out: { responseHeaders: Record<string, string[]> } | undefined;
      session.headersListener!({ responseHeaders: {} }, (r) => (out = r as typeof out));
      expect(out!.responseHeaders['Content-Security-Policy']?.[0]).toBe(CSP_HEADER);
      expect(session.permissionCheck!()).toBe(false);
    }
  });
});
