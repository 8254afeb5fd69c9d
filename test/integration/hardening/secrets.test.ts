import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../../src-shared/domain/result';
import { contract, events } from '../../../src-shared/ipc/contract';
import { buildApi } from '../../../src-shared/ipc/define';
import { createLogger } from '../../../src-main/log/logger';
import type { SrsSandbox } from '../../../src-main/sandbox/srs/index';
import { startSandboxServer, type SandboxServer } from '../../../src-main/sandbox/server';
import { createAppContext, defaultLogFile, type AppContext } from '../../../src-main/services/context';
import { createHandlers } from '../../../src-main/services/handlers';
import { createDispatcher } from '../../../src-main/services/ipc/dispatch';
import { CRASH_ENV } from '../../../src-main/services/orders/crash-points';
import { openHeadlessVault, vaultFile } from '../../../src-main/vault/open-vault';
import { tempDir } from '../../helpers/temp-dir';
import { makeSubmittable } from '../orders/world';
import { CANARY, canarySandboxConfig, canaryValues, fileHaystacks, findLeaks } from './lib/canaries';
import { assertBuilt, runCli, type ChildRun } from './lib/child';
import { startFuzzProxy, type FuzzProxy } from './lib/fuzz-proxy';
import { record } from './lib/soak';

/**
 * Canary credentials through every path: stored from Settings, Portal sign-in (a wrong
 * password first), proposals and catalog sync, SRS validation, token refresh after expiry,
 * a wrong SRS secret, pricing, order submission and sync, then the command line with the
 * canaries in its environment, killed mid-submission. Nothing may hold a canary: log files
 * (debug level), the database and its WAL, the vault file (encrypted), IPC replies, events
 * sent to the renderer, child stdout/stderr.
 */
describe('canary secrets through every path', () => {
  let dir: ReturnType<typeof tempDir>;
  let server: SandboxServer;
  let proxy: FuzzProxy;
  let ctx: AppContext;
  const tokens = new Set<string>();
  const replies: { channel: string; reply: Reply<unknown> }[] = [];
  const emitted: unknown[] = [];
  const children: { name: string; run: ChildRun }[] = [];

  beforeAll(async () => {
    assertBuilt();
    dir = tempDir('junction-secrets-');
    server = await startSandboxServer({ dataDir: join(dir.path, 'vendor'), log: createLogger({ level: 'error' }), only: ['portal', 'srs'], config: canarySandboxConfig });
    proxy = await startFuzzProxy(server.port);
    // The proxy passes everything through and notes each SRS access token: they are secrets too.
    proxy.target(/^POST \/srs\/authentication\/token/, (real) => {
      try {
        const t = (JSON.parse(real.body) as { access_token?: string }).access_token;
        if (t) tokens.add(t);
      } catch {
        // not a token answer
      }
      return { status: real.status, contentType: String(real.headers['content-type'] ?? 'application/json'), body: real.body };
    });
    const env = { JUNCTION_VAULT_PASSPHRASE: 'canary test passphrase', JUNCTION_LOG_LEVEL: 'debug' };
    const dataDir = join(dir.path, 'data');
    ctx = await createAppContext({ dataDir, env, vault: openHeadlessVault(dataDir, env), log: createLogger({ file: defaultLogFile(dataDir), level: 'debug' }), sandbox: 'off' });
    ctx.events.onAny((name, payload) => emitted.push({ name, payload }));
  });
  afterAll(async () => {
    await ctx?.close();
    await proxy?.close();
    await server?.close();
    dir?.cleanup();
  });

  it('no canary in logs, database, vault file, IPC replies, events or child output', async () => {
    const dispatch = createDispatcher(contract, createHandlers(ctx, { version: 'canary', openInBrowser: async () => false }), ctx.log.child('ipc'));
    const call = async (channel: string, req: unknown = {}) => {
      const reply = await dispatch(channel, req, { origin: 'test' });
      replies.push({ channel, reply });
      return reply;
    };
    const ok = async <T>(channel: string, req: unknown = {}): Promise<T> => {
      const r = await call(channel, req);
      if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
      return r.value as T;
    };
    const jobDone = (jobId: string) =>
      new Promise<void>((resolve) => {
        const off = ctx.events.onAny((name, payload) => {
          if (name === 'job:finished' && (payload as { jobId: string }).jobId === jobId) {
            off();
            resolve();
          }
        });
      });

    // Settings: where the vendors are, and the keys, as the Settings screen sends them.
    await ok('settings:update', { portalBaseUrl: proxy.baseUrl('portal'), srsBaseUrl: proxy.baseUrl('srs') });
    await ok('credentials:set', { vendor: 'portal', values: { appId: CANARY.portal.appId, secretKey: CANARY.portal.secretKey } });
    await ok('credentials:set', { vendor: 'srs', values: { clientId: CANARY.srs.clientId, clientSecret: CANARY.srs.clientSecret, customerCode: 'DEMO001', integrationKey: CANARY.srs.integrationKey } });

    // Portal sign-in: a wrong password is refused, the right one stores the user key.
    const wrong = await call('portal:login', { username: CANARY.portal.username, password: CANARY.wrongPassword });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(await ok('portal:login', { username: CANARY.portal.username, password: CANARY.portal.password })).toMatchObject({ stored: true, mode: 'live' });
    expect(ctx.vault.get('portal.userKey')).toBe(CANARY.portal.userKey);

    // Portal data: proposals and the catalog (a job whose progress events reach the renderer).
    await ok('proposals:sync');
    await ok('proposals:get', { id: 1003, refresh: true });
    const { jobId } = await ok<{ jobId: string }>('catalog:sync', { full: true });
    await jobDone(jobId);
    expect((await ok<{ itemCount: number }>('catalog:status')).itemCount).toBeGreaterThan(0);

    // SRS: validation (integration key in a query string), branches, job accounts, products, prices.
    expect(await ok('srs:validate')).toMatchObject({ valid: true });
    await ok('srs:branches', { refresh: true });
    await ok('srs:jobAccounts', { refresh: true });
    await ok('srs:setDefaults', { branchCode: 'BRRIV', jobAccountNumber: 1 });
    const sync = await ok<{ jobId: string }>('srs:syncProducts', { branchCodes: ['BRRIV'] });
    await jobDone(sync.jobId);
    await ok('srs:price', { lines: [{ productId: 75664, uom: 'BD', quantity: 30 }], refresh: true });
    // The token expires at SRS: one refresh, the call succeeds.
    server.get<SrsSandbox>('srs').expireTokens();
    await ok('srs:branches', { refresh: true });
    expect(tokens.size).toBeGreaterThanOrEqual(2);

    // A wrong SRS secret: a readable refusal that does not repeat it.
    await ok('credentials:set', { vendor: 'srs', values: { clientId: CANARY.srs.clientId, clientSecret: CANARY.wrongSrsSecret, customerCode: 'DEMO001', integrationKey: CANARY.srs.integrationKey } });
    const refused = await call('srs:branches', { refresh: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    await ok('credentials:set', { vendor: 'srs', values: { clientId: CANARY.srs.clientId, clientSecret: CANARY.srs.clientSecret, customerCode: 'DEMO001', integrationKey: CANARY.srs.integrationKey } });

    // Submission of a real order, then tracking.
    const api = buildApi(contract, events, { call: (channel, req) => call(channel, req), subscribe: (name, l) => ctx.events.onAny((n, p) => n === name && l(p)) });
    await makeSubmittable(api, 1003);
    const placed = await ok<{ outcome: string }>('orders:submit', { proposalId: 1003 });
    expect(placed.outcome).toBe('placed');
    await ok('orders:sync', {});
    await ok('credentials:status');

    // The command line with the canaries in its environment: a normal run, a failing one, a crash.
    const cliEnv = {
      JUNCTION_DATA_DIR: join(dir.path, 'cli-data'),
      JUNCTION_LOG_LEVEL: 'debug',
      JUNCTION_PORTAL_URL: proxy.baseUrl('portal'),
      JUNCTION_PORTAL_APP_ID: CANARY.portal.appId,
      JUNCTION_PORTAL_SECRET: CANARY.portal.secretKey,
      JUNCTION_PORTAL_USER_KEY: CANARY.portal.userKey,
      JUNCTION_PORTAL_USERNAME: CANARY.portal.username,
      JUNCTION_PORTAL_PASSWORD: CANARY.portal.password,
      JUNCTION_SRS_URL: proxy.baseUrl('srs'),
      JUNCTION_SRS_CLIENT_ID: CANARY.srs.clientId,
      JUNCTION_SRS_CLIENT_SECRET: CANARY.srs.clientSecret,
      JUNCTION_SRS_CUSTOMER_CODE: 'DEMO001',
      JUNCTION_SRS_INTEGRATION_KEY: CANARY.srs.integrationKey,
    };
    const child = async (name: string, args: string[], extra: Record<string, string> = {}) => {
      const run = await runCli({ ...cliEnv, ...extra }, args);
      children.push({ name, run });
      return run;
    };
    expect((await child('portal login (wrong password)', ['portal', 'login'], { JUNCTION_PORTAL_PASSWORD: CANARY.wrongPassword })).code).toBe(1);
    expect((await child('srs validate', ['srs', 'validate', '--json'])).code).toBe(0);
    expect((await child('srs validate (wrong secret)', ['srs', 'validate'], { JUNCTION_SRS_CLIENT_SECRET: CANARY.wrongSrsSecret })).code).toBe(1);
    const crashed = await child('convert --submit killed after SRS stored the order', ['convert', '1003', '--submit', '--again', '--json', '--option', '70528=Weathered Wood', '--option', '71322=White', '--option', '70638=Weathered Wood', '--option', '72734=Black', '--option', '73444=Clear', '--option', '70370=Driftwood', '--remove', '1000175', '--remove', '1000199', '--remove', '1000198'], { [CRASH_ENV]: 'after-srs-stored' });
    expect(crashed.signal).toBe('SIGKILL');
    expect((await child('orders sync (restart)', ['orders', 'sync', '--json'])).code).toBe(0);

    // Where to look: every file the app wrote, every reply and event, every child's output.
    await ctx.close();
    const secrets = [...canaryValues(), ...tokens];
    const places = [
      ...fileHaystacks(ctx.dataDir).map((p) => ({ ...p, name: `app data ${p.name}` })),
      ...fileHaystacks(join(dir.path, 'cli-data')).map((p) => ({ ...p, name: `cli data ${p.name}` })),
      { name: 'IPC replies', text: JSON.stringify(replies) },
      { name: 'events to the renderer', text: JSON.stringify(emitted) },
      ...children.flatMap(({ name, run }) => [
        { name: `${name} stdout`, text: run.stdout },
        { name: `${name} stderr`, text: run.stderr },
      ]),
    ];
    const leaks = findLeaks(secrets, places);
    const log = places.find((p) => p.name === 'app data /logs/junction.log')!;
    const debugLines = String(log.text).split('\n').filter((l) => l.includes('"level":"debug"')).length;
    record('Secrets: canaries', {
      canaries: secrets.length,
      srsTokensWatched: tokens.size,
      placesSearched: places.length,
      filesSearched: places.filter((p) => p.name.includes(' data ')).length,
      ipcReplies: replies.length,
      events: emitted.length,
      childRuns: children.length,
      debugLogLines: debugLines,
      leaks: leaks.length,
    });
    expect(leaks).toEqual([]);
    // The search can find things: the log is at debug level and shows redactions, the database holds the customer code.
    expect(debugLines).toBeGreaterThan(10);
    expect(String(log.text)).toContain('[REDACTED]');
    expect(findLeaks(['DEMO001'], places.filter((p) => p.name.startsWith('app data /junction.db')))).not.toEqual([]);
    expect(places.some((p) => p.name === `app data /${vaultFile('').replace(/^\//, '')}`)).toBe(true);
  }, 300_000);
});
