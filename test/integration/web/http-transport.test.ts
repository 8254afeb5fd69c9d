import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { contract, events } from '../../../src-shared/ipc/contract';
import { buildApi } from '../../../src-shared/ipc/define';
import { silentLogger } from '../../../src-main/log/logger';
import { createAppContext, type AppContext } from '../../../src-main/services/context';
import { openHeadlessVault } from '../../../src-main/vault/open-vault';
import { startWebHost, type WebHost } from '../../../src-main/web/host';
import { createHttpTransport, type ConnectionStatus } from '../../../src-renderer/transport/http-transport';

let dir: string;
let ctx: AppContext;
let host: WebHost;
const token = 'fixed-test-token-0123456789abcdefghij';
const base = () => `http://127.0.0.1:${host.port}`;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'junction-http-'));
  ctx = await createAppContext({ dataDir: dir, env: {}, vault: openHeadlessVault(dir, {}), log: silentLogger, sandbox: 'off' });
  host = await startWebHost({ ctx, rendererDir: dir, token });
});
afterAll(async () => {
  await host.close();
  await ctx.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The renderer's transport (the same code the desktop window and a browser tab run) against the web host. */
describe('renderer HTTP transport against the web host', () => {
  it('answers calls in order and opens the event stream', async () => {
    const transport = createHttpTransport(base(), token);
    const api = buildApi(contract, events, transport);
    expect(transport.status()).toBe('connecting');
    const a = await api.settings.update({ orderPollSeconds: 300 });
    const b = await api.settings.get();
    expect(a).toMatchObject({ ok: true, value: { orderPollSeconds: 300 } });
    expect(b).toMatchObject({ ok: true, value: { orderPollSeconds: 300 } });
    await vi.waitFor(() => expect(transport.status()).toBe('open'));
  });

  it('delivers contract events to subscribers', async () => {
    const transport = createHttpTransport(base(), token);
    const api = buildApi(contract, events, transport);
    await vi.waitFor(() => expect(transport.status()).toBe('open'));
    const seen: string[] = [];
    const off = api.events.on('job:finished', (p) => seen.push(`${p.kind}:${p.outcome}`));
    await ctx.jobs.start('transport-test', async () => 'ok').done;
    await vi.waitFor(() => expect(seen).toEqual(['transport-test:done']));
    off();
  });

  it('without a token, calls fail at once with a reason and nothing is sent', async () => {
    const transport = createHttpTransport(base(), null);
    expect(transport.status()).toBe('no-token');
    const reply = await buildApi(contract, events, transport).app.info();
    expect(reply).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED', message: expect.stringContaining('npm run web') } });
  });

  it('a wrong token is reported as such and stops trying', async () => {
    const transport = createHttpTransport(base(), 'not-the-token');
    await vi.waitFor(() => expect(transport.status()).toBe('no-token'));
    const reply = await buildApi(contract, events, transport).settings.update({ theme: 'dark' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(ctx.settings.get().theme).not.toBe('dark');
  });

  it('a host that goes away fails calls with a reason, reports it, and reconnects when it is back', async () => {
    const transport = createHttpTransport(base(), token);
    const api = buildApi(contract, events, transport);
    const statuses: ConnectionStatus[] = [];
    transport.onStatus((s) => statuses.push(s));
    await vi.waitFor(() => expect(transport.status()).toBe('open'));

    const port = host.port;
    await host.close();
    await vi.waitFor(() => expect(statuses).toContain('reconnecting'));
    const reply = await api.jobs.list();
    expect(reply).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('lost the connection') } });

    host = await startWebHost({ ctx, rendererDir: dir, token, port });
    await vi.waitFor(() => expect(transport.status()).toBe('open'), { timeout: 8000 });
    await expect(api.settings.get()).resolves.toMatchObject({ ok: true });
    // Events flow again on the new stream.
    const seen: string[] = [];
    api.events.on('job:finished', (p) => seen.push(p.kind));
    await ctx.jobs.start('after-reconnect', async () => 'ok').done;
    await vi.waitFor(() => expect(seen).toEqual(['after-reconnect']));
  });
});
