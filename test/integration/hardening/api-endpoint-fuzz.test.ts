import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../../src-shared/ipc/contract';
import { silentLogger } from '../../../src-main/log/logger';
import { createAppContext, type AppContext } from '../../../src-main/services/context';
import { createHandlers } from '../../../src-main/services/handlers';
import { createApiEndpoint, type ApiEndpoint } from '../../../src-main/services/ipc/api-endpoint';
import { createDispatcher } from '../../../src-main/services/ipc/dispatch';
import { openHeadlessVault } from '../../../src-main/vault/open-vault';
import { tempDir } from '../../helpers/temp-dir';
import { count, record, SEED } from './lib/soak';

const RUNS = count(400, 10_000);
const TOKEN = 'launch-token-0123456789abcdefghijklmnop';
const ORIGIN = 'junction://app';

/**
 * The transport in front of the dispatcher (the desktop window's junction: scheme and the
 * web host serve the same endpoint): random methods, paths, headers and bodies. Every answer
 * is a contract reply with a 2xx/4xx status; nothing is written unless the request carried
 * the launch token, came from the page's origin and was a well-formed call.
 */
describe(`API endpoint fuzz: ${RUNS.toLocaleString('en-US')} random requests`, () => {
  const dir = tempDir('junction-endpoint-fuzz-');
  let ctx: AppContext;
  let endpoint: ApiEndpoint;
  const statuses = new Map<number, number>();

  beforeAll(async () => {
    ctx = await createAppContext({ dataDir: dir.path, env: {}, vault: openHeadlessVault(dir.path, {}), log: silentLogger, sandbox: 'off' });
    const dispatch = createDispatcher(contract, createHandlers(ctx, { version: 'fuzz', openInBrowser: async () => false }), silentLogger);
    endpoint = createApiEndpoint({ dispatch, events: ctx.events, token: TOKEN, origins: () => [ORIGIN], origin: 'ipc', log: silentLogger });
  });
  afterAll(async () => {
    await ctx.close();
    dir.cleanup();
  });

  const channel = fc.oneof(fc.constantFrom(...Object.keys(contract)), fc.string({ maxLength: 40 }), fc.constantFrom('settings:update', '../settings:update', '%00', '__proto__'));
  // Weighted toward well-formed calls, so the dispatcher behind the checks gets fuzzed too.
  const path = fc.oneof(
    { arbitrary: channel.map((c) => `/api/call/${encodeURIComponent(c)}`), weight: 4 },
    fc.constantFrom('/api/events', '/api/', '/api/call/', '/api/call', '/api/../index.html'),
    fc.webPath().map((p) => `/api${p}`),
  );
  const auth = fc.oneof({ arbitrary: fc.constant(`Bearer ${TOKEN}`), weight: 5 }, fc.constant(undefined), fc.constant(`Bearer ${TOKEN}x`), fc.constant(TOKEN), fc.string({ maxLength: 60 }));
  const origin = fc.oneof({ arbitrary: fc.constant(ORIGIN), weight: 3 }, { arbitrary: fc.constant(undefined), weight: 2 }, fc.constantFrom('https://evil.example', 'null', 'junction://other', 'http://127.0.0.1:1'));
  const body = fc.oneof(
    fc.json(),
    fc.string({ maxLength: 200 }),
    fc.constantFrom('{"theme":"dark"}', '{"priceBatchSize":-1}', '{"__proto__":{"x":1}}', '[', 'null', ''),
    fc.uint8Array({ maxLength: 200 }),
  );
  const method = fc.oneof({ arbitrary: fc.constant('POST'), weight: 5 }, fc.constantFrom('GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'));

  it('answers every request with a contract reply and never writes without the token and origin', async () => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(method, path, auth, origin, body, async (m, p, a, o, b) => {
        const before = JSON.stringify(ctx.settings.get());
        const headers: Record<string, string> = { 'Content-Type': 'application/json' };
        if (a !== undefined) headers.Authorization = a;
        if (o !== undefined) headers.Origin = o;
        const request = new Request(`${ORIGIN}${p}`, { method: m, headers, ...(m === 'GET' ? {} : { body: b }) });
        const res = await endpoint(request);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        expect(res.status).toBeLessThan(500);
        if (p === '/api/events' && res.status === 200) {
          await res.body!.cancel();
          return;
        }
        const reply = (await res.json()) as { ok: boolean; error?: { code: string; message: string } };
        expect(typeof reply.ok).toBe('boolean');
        if (!reply.ok) expect(reply.error!.message.length).toBeGreaterThan(0);
        const trusted = a === `Bearer ${TOKEN}` && (o === undefined || o === ORIGIN) && m === 'POST' && p.startsWith('/api/call/');
        if (!trusted) expect(JSON.stringify(ctx.settings.get())).toBe(before);
        if (res.status === 200) {
          expect(trusted).toBe(true);
          accepted += 1;
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
    expect(ctx.events.listenerCount()).toBe(0);
    record('API endpoint fuzz', { requests: RUNS, accepted, byStatus: [...statuses].sort(([x], [y]) => x - y).map(([s, n]) => `${s}: ${n}`).join(' ') });
  }, 300_000);
});
