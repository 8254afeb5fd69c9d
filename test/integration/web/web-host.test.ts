import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CSP_HEADER } from '../../../src-main/app/csp';
import { silentLogger } from '../../../src-main/log/logger';
import { createAppContext, type AppContext } from '../../../src-main/services/context';
import { openHeadlessVault } from '../../../src-main/vault/open-vault';
import { startWebHost, type WebHost } from '../../../src-main/web/host';
import { apiCall, openEvents } from '../../helpers/api-call';

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

  it('refuses odd methods and request targets with a status, and keeps running', async () => {
    const raw = (line: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = connect(host.port, '127.0.0.1', () => socket.end(`${line}\r\nHost: 127.0.0.1:${host.port}\r\n\r\n`));
        let answer = '';
        socket.on('data', (d) => (answer += d.toString()));
        socket.on('end', () => resolve(answer.split('\r\n')[0]!));
        socket.on('error', reject);
      });
    expect(await raw('TRACE / HTTP/1.1')).toMatch(/^HTTP\/1\.1 405/);
    expect(await raw('DELETE /api/call/settings:update HTTP/1.1')).toMatch(/^HTTP\/1\.1 405/);
    expect(await raw('GET http://[::1 HTTP/1.1')).toMatch(/^HTTP\/1\.1 (400|405)/);
    expect(await raw('GET http://evil.example/index.html HTTP/1.1')).toMatch(/^HTTP\/1\.1 405/);
    // A path that looks like another host stays a path on this one.
    expect((await get('//evil.example/index.html')).status).toBe(404);
    expect((await get('/')).status).toBe(200);
  });
});

describe('web host: the contract over HTTP', () => {
  it('refuses a call or the event stream without the token, or with a wrong one (HTTP 401), changing nothing', async () => {
    const before = ctx.settings.get();
    for (const token of [null, '', `${host.token.slice(0, -1)}x`, `${host.token}extra`]) {
      const { status, reply } = await apiCall(origin(), token, 'settings:update', { theme: 'dark' });
      expect(status, String(token)).toBe(401);
      expect(reply).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    }
    expect((await openEvents(origin(), 'guess')).status).toBe(401);
    expect(ctx.settings.get()).toEqual(before);
  });

  it('refuses the right token from a foreign page (HTTP 403)', async () => {
    const { status, reply } = await apiCall(origin(), host.token, 'settings:update', { theme: 'dark' }, { Origin: 'https://evil.example' });
    expect(status).toBe(403);
    expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect((await openEvents(origin(), host.token, { Origin: 'http://127.0.0.1:1' })).status).toBe(403);
    expect(ctx.settings.get().theme).not.toBe('dark');
  });

  it('round-trips a call with the token and changes state', async () => {
    const update = await apiCall(origin(), host.token, 'settings:update', { theme: 'dark', priceBatchSize: 25 }, { Origin: origin() });
    expect(update).toMatchObject({ status: 200, reply: { ok: true, value: { theme: 'dark', priceBatchSize: 25 } } });
    const read = await apiCall(origin(), host.token, 'settings:get', {});
    expect(read.reply).toMatchObject({ ok: true, value: { theme: 'dark', priceBatchSize: 25 } });
    const info = await apiCall(origin(), host.token, 'app:info');
    expect(info.reply).toMatchObject({ ok: true, value: { version: '1.2.3' } });
  });

  it('refuses malformed requests, unknown channels, garbage and oversized bodies, changing nothing', async () => {
    const before = ctx.settings.get();
    const bad = await apiCall(origin(), host.token, 'settings:update', { priceBatchSize: -5 });
    expect(bad.reply).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringContaining('priceBatchSize') } });
    const unknown = await apiCall(origin(), host.token, 'vault:dump', {});
    expect(unknown.reply).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    const garbage = await apiCall(origin(), host.token, 'settings:update', 'not json');
    expect(garbage).toMatchObject({ status: 400, reply: { ok: false, error: { code: 'BAD_REQUEST', message: expect.stringContaining('not valid JSON') } } });
    const huge = await apiCall(origin(), host.token, 'settings:update', { theme: 'x'.repeat(2 * 1024 * 1024) });
    expect(huge).toMatchObject({ status: 413, reply: { ok: false, error: { code: 'BAD_REQUEST' } } });
    const get = await fetch(`${origin()}/api/call/settings:update`, { headers: { Authorization: `Bearer ${host.token}` } });
    expect(get.status).toBe(405);
    expect(ctx.settings.get()).toEqual(before);
  });

  it('streams job progress events to connected pages, and stops when the page goes away', async () => {
    const stream = await openEvents(origin(), host.token);
    expect(stream.status).toBe(200);
    await vi.waitFor(() => expect(stream.lines).toEqual([{ ready: true }]));
    let release!: () => void;
    const job = ctx.jobs.start('web-test', (_signal, report) => new Promise<void>((r) => {
      report(1, 2, 'halfway');
      release = r;
    }));
    release();
    await job.done;
    await vi.waitFor(() => expect(stream.lines).toHaveLength(4));
    const seen = stream.lines.slice(1) as { event: string; payload: { kind: string } }[];
    expect(seen.map((m) => m.event)).toEqual(['job:progress', 'job:progress', 'job:finished']);
    expect(seen[1]).toMatchObject({ event: 'job:progress', payload: { kind: 'web-test', done: 1, total: 2, phase: 'halfway' } });
    stream.stop();
    // The host drops its listener once the page is gone: later events go nowhere, nothing piles up.
    await vi.waitFor(() => expect(ctx.events.listenerCount()).toBe(0));
  });
});
