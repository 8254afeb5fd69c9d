import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./electron-fake')).electronModule());

const { fake, FakeBrowserWindow, FakeWebContents } = await import('./electron-fake');
const electron = await import('electron');
const { contract } = await import('../../../src-shared/ipc/contract');
const { createAppContext } = await import('../../../src-main/services/context');
const { createHandlers } = await import('../../../src-main/services/handlers');
const { createDispatcher } = await import('../../../src-main/services/ipc/dispatch');
const { openHeadlessVault } = await import('../../../src-main/vault/open-vault');
const { silentLogger } = await import('../../../src-main/log/logger');
const { forwardEvents, registerIpc } = await import('../../../src-main/app/ipc');

type Ctx = Awaited<ReturnType<typeof createAppContext>>;
const location = { kind: 'file' as const, file: '/app/out/renderer/index.html' };
let dir: string;
let ctx: Ctx;
let win: InstanceType<typeof FakeBrowserWindow>;

beforeEach(async () => {
  fake.reset();
  dir = mkdtempSync(join(tmpdir(), 'junction-ipc-'));
  ctx = await createAppContext({ dataDir: dir, env: {}, vault: openHeadlessVault(dir, {}), log: silentLogger, sandbox: 'off' });
  const dispatch = createDispatcher(contract, createHandlers(ctx, { version: '1.0.0', openInBrowser: async () => false }), silentLogger);
  win = new FakeBrowserWindow({});
  await win.loadFile(location.file);
  registerIpc({ ipcMain: electron.ipcMain, contract, dispatch, window: () => win as never, location });
});
afterEach(async () => {
  await ctx.close();
  rmSync(dir, { recursive: true, force: true });
});

const call = (channel: string, sender: unknown, senderFrame: unknown, req: unknown) =>
  fake.handlers.get(channel)!({ sender, senderFrame }, req) as Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;

describe('IPC wiring', () => {
  it('handles exactly the contract channels', () => {
    expect([...fake.handlers.keys()].sort()).toEqual(Object.keys(contract).sort());
  });

  it("answers our window's main frame through the dispatcher", async () => {
    const reply = await call('settings:update', win.webContents, win.webContents.mainFrame, { theme: 'dark' });
    expect(reply).toMatchObject({ ok: true, value: { theme: 'dark' } });
    expect(ctx.settings.get().theme).toBe('dark');
  });

  it('passes malformed requests to the dispatcher, which refuses them', async () => {
    const reply = await call('settings:update', win.webContents, win.webContents.mainFrame, { theme: 'purple' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(ctx.settings.get().theme).toBe('system');
  });

  it.each([
    ['a subframe of our window', () => [win.webContents, { ...win.webContents.mainFrame, routingId: 7, parent: win.webContents.mainFrame }]],
    ['another web contents', () => [new FakeWebContents(), win.webContents.mainFrame]],
    ['our main frame after it navigated away', () => [win.webContents, { ...win.webContents.mainFrame, url: 'https://evil.example/' }]],
    ['another file page', () => [win.webContents, { ...win.webContents.mainFrame, url: 'file:///tmp/evil.html' }]],
    ['a missing frame', () => [win.webContents, null]],
  ])('refuses %s with FORBIDDEN_SENDER and changes nothing', async (_name, who) => {
    const [sender, frame] = who();
    const reply = await call('settings:update', sender, frame, { theme: 'dark' });
    expect(reply).toEqual({ ok: false, error: { code: 'FORBIDDEN_SENDER', message: expect.any(String) } });
    expect(ctx.settings.get().theme).toBe('system');
  });

  it('refuses everyone once the window is gone', async () => {
    win.destroyed = true;
    const reply = await call('app:info', win.webContents, win.webContents.mainFrame, {});
    expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
  });

  it('forwards main-side events to the window on their own channel', () => {
    const stop = forwardEvents(ctx.events, () => win as never);
    const job = ctx.jobs.start('demo', async () => 'done');
    expect(win.webContents.send).toHaveBeenCalledWith('job:progress', expect.objectContaining({ jobId: job.jobId, kind: 'demo' }));
    stop();
  });
});
