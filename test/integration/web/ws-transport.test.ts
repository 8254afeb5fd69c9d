import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket as NodeWebSocket } from 'ws';
import { contract, events } from '../../../src-shared/ipc/contract';
import { buildApi } from '../../../src-shared/ipc/define';
import { silentLogger } from '../../../src-main/log/logger';
import { createAppContext, type AppContext } from '../../../src-main/services/context';
import { openHeadlessVault } from '../../../src-main/vault/open-vault';
import { startWebHost, type WebHost } from '../../../src-main/web/host';
import { createWsTransport, type ConnectionStatus } from '../../../src-renderer/transport/ws-transport';

/** The renderer's transport runs in a browser; here `ws` plays the browser's WebSocket, sending the page's Origin. */
let origin = '';
class BrowserLikeWebSocket extends NodeWebSocket {
  constructor(url: string) {
    super(url, { origin });
  }
}

let dir: string;
let ctx: AppContext;
let host: WebHost;
const token = 'fixed-test-token-0123456789abcdefghij';

beforeAll(async () => {
  vi.stubGlobal('WebSocket', BrowserLikeWebSocket);
  dir = mkdtempSync(join(tmpdir(), 'junction-wst-'));
  ctx = await createAppContext({ dataDir: dir, env: {}, vault: openHeadlessVault(dir, {}), log: silentLogger, sandbox: 'off' });
  host = await startWebHost({ ctx, rendererDir: dir, token });
  origin = `http://127.0.0.1:${host.port}`;
});
afterAll(async () => {
  await host.close();
  await ctx.close();
  vi.unstubAllGlobals();
  rmSync(dir, { recursive: true, force: true });
});

describe('renderer WebSocket transport against the web host', () => {
  it('queues calls made while connecting, then answers them in order', async () => {
    const transport = createWsTransport(`ws://127.0.0.1:${host.port}/ws?token=${token}`);
    const api = buildApi(contract, events, transport);
    expect(transport.status()).toBe('connecting');
    const [a, b] = await Promise.all([api.settings.update({ orderPollSeconds: 300 }), api.settings.get()]);
    expect(a).toMatchObject({ ok: true, value: { orderPollSeconds: 300 } });
    expect(b).toMatchObject({ ok: true, value: { orderPollSeconds: 300 } });
    expect(transport.status()).toBe('open');
  });

  it('delivers contract events to subscribers', async () => {
    const api = buildApi(contract, events, createWsTransport(`ws://127.0.0.1:${host.port}/ws?token=${token}`));
    await api.app.info();
    const seen: string[] = [];
    const off = api.events.on('job:finished', (p) => seen.push(`${p.kind}:${p.outcome}`));
    await ctx.jobs.start('transport-test', async () => 'ok').done;
    await vi.waitFor(() => expect(seen).toEqual(['transport-test:done']));
    off();
  });

  it('without a token, calls fail at once with a reason and nothing is sent', async () => {
    const transport = createWsTransport(null);
    expect(transport.status()).toBe('no-token');
    const reply = await buildApi(contract, events, transport).app.info();
    expect(reply).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED', message: expect.stringContaining('npm run web') } });
  });

  it('a dropped connection fails the calls in flight, reports it, and reconnects', async () => {
    const transport = createWsTransport(`ws://127.0.0.1:${host.port}/ws?token=${token}`);
    const api = buildApi(contract, events, transport);
    const statuses: ConnectionStatus[] = [];
    transport.onStatus((s) => statuses.push(s));
    await api.app.info();

    // The host goes away in the same tick the call is sent: it can never answer it.
    const port = host.port;
    const pending = api.jobs.list();
    const closing = host.close();
    const reply = await pending;
    expect(reply).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('lost the connection') } });
    await closing;
    host = await startWebHost({ ctx, rendererDir: dir, token, port });
    await vi.waitFor(() => expect(statuses).toContain('reconnecting'));
    await vi.waitFor(() => expect(transport.status()).toBe('open'), { timeout: 5000 });
    await expect(api.settings.get()).resolves.toMatchObject({ ok: true });
  });
});
