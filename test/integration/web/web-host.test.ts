import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CSP_HEADER } from '../../../src-main/app/csp';
import { silentLogger } from '../../../src-main/log/logger';
import { createAppContext, type AppContext } from '../../../src-main/services/context';
import { openHeadlessVault } from '../../../src-main/vault/open-vault';
import { startWebHost, type WebHost } from '../../../src-main/web/host';

let dir: string;
let ctx: AppContext;
let host: WebHost;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'junction-web-'));
  const rendererDir = join(dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Junction</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'outside.txt'), 'not for the browser');
  ctx = await createAppContext({ dataDir: join(dir, 'data'), env: {}, vault: openHeadlessVault(join(dir, 'data'), {}), log: silentLogger, sandbox: 'off' });
  host = await startWebHost({ ctx, rendererDir, version: '1.2.3' });
});
afterAll(async () => {
  await host.close();
  await ctx.close();
  rmSync(dir, { recursive: true, force: true });
});

function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const origin = () => `http://127.0.0.1:${host.port}`;

/** Opens a socket; resolves with it once open, or with the HTTP status that refused it. */
function connect(query: string, headers: Record<string, string> = { Origin: origin() }): Promise<WebSocket | number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws${query}`, { headers });
    ws.on('open', () => resolve(ws));
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('error', () => resolve(-1));
  });
}

function rpc(ws: WebSocket, msg: unknown): Promise<{ id: unknown; reply: { ok: boolean; value?: unknown; error?: { code: string; message: string } } }> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const parsed = JSON.parse(data.toString());
      if ('reply' in parsed) {
        ws.off('message', onMessage);
        resolve(parsed);
      }
    };
    ws.on('message', onMessage);
    ws.send(typeof msg === 'string' ? msg : JSON.stringify(msg));
  });
}

describe('web host: static files', () => {
  it('serves the renderer on 127.0.0.1 with the CSP header, and prints a URL carrying the token', async () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Junction</title>');
    expect(page.headers['content-security-policy']).toBe(CSP_HEADER);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    const asset = await get('/assets/app.js');
    expect(asset.headers['content-type']).toMatch(/^text\/javascript/);
  });

  it('serves nothing outside the renderer folder', async () => {
    for (const path of ['/../outside.txt', '/%2e%2e/outside.txt', '/assets/..%2f..%2foutside.txt', '/missing.js']) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.body).not.toContain('not for the browser');
    }
  });

  it('answers only requests addressed to itself (DNS rebinding)', async () => {
    expect((await get('/', { Host: 'evil.example' })).status).toBe(421);
  });
});

describe('web host: the contract over a WebSocket', () => {
  it('refuses a connection without the token, or with a wrong one (HTTP 401)', async () => {
    expect(await connect('')).toBe(401);
    expect(await connect('?token=')).toBe(401);
    expect(await connect(`?token=${host.token.slice(0, -1)}x`)).toBe(401);
    expect(await connect(`?token=${host.token}extra`)).toBe(401);
  });

  it('refuses the right token from a foreign page (HTTP 403)', async () => {
    expect(await connect(`?token=${host.token}`, { Origin: 'https://evil.example' })).toBe(403);
    expect(await connect(`?token=${host.token}`, {})).toBe(403);
  });

  it('round-trips a call with the token and changes state', async () => {
    const ws = (await connect(`?token=${host.token}`)) as WebSocket;
    expect(ws).toBeInstanceOf(WebSocket);
    const update = await rpc(ws, { id: 1, channel: 'settings:update', req: { theme: 'dark', priceBatchSize: 25 } });
    expect(update).toMatchObject({ id: 1, reply: { ok: true, value: { theme: 'dark', priceBatchSize: 25 } } });
    const read = await rpc(ws, { id: 'two', channel: 'settings:get', req: {} });
    expect(read).toMatchObject({ id: 'two', reply: { ok: true, value: { theme: 'dark', priceBatchSize: 25 } } });
    const info = await rpc(ws, { id: 3, channel: 'app:info', req: {} });
    expect(info.reply).toMatchObject({ ok: true, value: { version: '1.2.3' } });
    ws.close();
  });

  it('refuses malformed requests, unknown channels and garbage, changing nothing', async () => {
    const ws = (await connect(`?token=${host.token}`)) as WebSocket;
    const before = ctx.settings.get();
    const bad = await rpc(ws, { id: 4, channel: 'settings:update', req: { priceBatchSize: -5 } });
    expect(bad.reply).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringContaining('priceBatchSize') } });
    const unknown = await rpc(ws, { id: 5, channel: 'vault:dump', req: {} });
    expect(unknown.reply).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    const garbage = await rpc(ws, 'not json');
    expect(garbage).toMatchObject({ id: null, reply: { ok: false, error: { code: 'BAD_REQUEST' } } });
    expect(ctx.settings.get()).toEqual(before);
    ws.close();
  });

  it('pushes job progress events to connected pages', async () => {
    const ws = (await connect(`?token=${host.token}`)) as WebSocket;
    const seen: { event: string; payload: { kind: string } }[] = [];
    ws.on('message', (d) => seen.push(JSON.parse(d.toString())));
    let release!: () => void;
    const job = ctx.jobs.start('web-test', (_signal, report) => new Promise<void>((r) => {
      report(1, 2, 'halfway');
      release = r;
    }));
    release();
    await job.done;
    await new Promise((r) => setTimeout(r, 100));
    expect(seen.map((m) => m.event)).toEqual(['job:progress', 'job:progress', 'job:finished']);
    expect(seen[1]).toMatchObject({ event: 'job:progress', payload: { kind: 'web-test', done: 1, total: 2, phase: 'halfway' } });
    ws.close();
  });
});
