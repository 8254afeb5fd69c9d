import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../src-shared/domain/result';
import { createLogger } from '../../../src-main/log/logger';
import { PORTAL_DEMO_CREDENTIALS } from '../../../src-main/sandbox/portal/index';
import { startSandboxServer, type SandboxServer } from '../../../src-main/sandbox/server';
import type { SrsSandbox } from '../../../src-main/sandbox/srs/index';
import { createAppContext, type AppContext } from '../../../src-main/services/context';
import { CatalogService } from '../../../src-main/services/portal/catalog-service';
import { portalLogin } from '../../../src-main/services/portal/login-service';
import { portalClient } from '../../../src-main/services/portal/portal-client';
import { ProposalsService } from '../../../src-main/services/portal/proposals-service';
import { SrsAccountService } from '../../../src-main/services/srs/account-service';
import { SrsPricingService } from '../../../src-main/services/srs/pricing-service';
import { SrsProductsService } from '../../../src-main/services/srs/products-service';
import { srsClient } from '../../../src-main/services/srs/srs-client';
import { OrderActions } from '../../../src-main/services/orders/order-actions';
import { createOutbox } from '../../../src-main/services/orders/outbox-runner';
import { OrderTracker } from '../../../src-main/services/orders/tracking-service';
import { vaultFile, openHeadlessVault } from '../../../src-main/vault/open-vault';
import { tempDir } from '../../helpers/temp-dir';
import { portalEnv } from '../portal/harness';
import { snapshot } from './lib/db-snapshot';
import { startFuzzProxy, type FuzzProxy } from './lib/fuzz-proxy';
import { applyPlan, planArbitrary, type Plan } from './lib/mutations';
import { sandboxDraft, sandboxHeader } from './lib/orders';
import { count, record, SEED } from './lib/soak';

const TOTAL_CASES = count(300, 10_000);
/** Codes a vendor problem may surface as; anything else (INTERNAL, a TypeError...) is a crash. */
const EXPECTED_CODES = new Set([
  'VENDOR_BAD_RESPONSE',
  'VENDOR_ERROR',
  'VALIDATION',
  'UNAUTHORIZED',
  'NO_PERMISSION',
  'NOT_FOUND',
  'CONFLICT',
  'SUBSCRIPTION_REQUIRED',
  'CLOCK_SKEW',
  'RATE_LIMITED',
  'VENDOR_UNAVAILABLE',
]);
const CONTACT_TABLES = ['portal_contacts', 'portal_contact_locations'];
const HTTP = { maxAttempts: 1, breakerThreshold: 1_000_000, timeoutMs: 20_000 };

interface Target {
  name: string;
  vendor: 'Portal.io' | 'SRS';
  /** "METHOD /vendor/path" of the forged endpoint. */
  match: RegExp;
  run(): Promise<unknown>;
  /**
   * Tables the forged answer feeds, when the operation stores other (accepted) answers
   * before it: a sync saves proposals before it fetches contacts. Default: every table.
   */
  feeds?: string[];
  /** Runs with real answers before the case (e.g. places the order the case then tracks). */
  prepare?(): Promise<unknown>;
  /** Extra check after a refusal: a problem, or null. */
  afterRefusal?(): string | null;
}

/** The outbox worker does not throw: an attempt SRS's answer failed is an outcome whose detail says why. */
class WorkerRefusal extends Error {}

describe('vendor fuzzing: damaged answers from every Portal and SRS endpoint in use', () => {
  let dir: ReturnType<typeof tempDir>;
  let server: SandboxServer;
  let proxy: FuzzProxy;
  let ctx: AppContext;
  let targets: Target[];
  const unhandled: unknown[] = [];
  const onUnhandled = (e: unknown) => unhandled.push(e);

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    dir = tempDir('junction-vendor-fuzz-');
    server = await startSandboxServer({ dataDir: join(dir.path, 'vendors'), log: createLogger({ level: 'error' }), only: ['portal', 'srs'] });
    proxy = await startFuzzProxy(server.port);
    const srs = server.vendors.find((v) => v.vendor === 'srs')!.credentials;
    const env = {
      ...portalEnv(proxy.baseUrl('portal')),
      JUNCTION_SRS_URL: proxy.baseUrl('srs'),
      JUNCTION_SRS_CLIENT_ID: srs.clientId!,
      JUNCTION_SRS_CLIENT_SECRET: srs.clientSecret!,
      JUNCTION_SRS_CUSTOMER_CODE: srs.customerCode!,
      JUNCTION_SRS_INTEGRATION_KEY: srs.integrationKey!,
      JUNCTION_VAULT_PASSPHRASE: 'vendor fuzz passphrase',
    };
    const dataDir = join(dir.path, 'data');
    ctx = await createAppContext({ dataDir, env, vault: openHeadlessVault(dataDir, env), log: createLogger({ file: join(dataDir, 'logs', 'junction.log'), level: 'debug' }), sandbox: 'off' });

    // Real services; only the transport is tuned (one attempt, no breaker) so each case meets its damaged answer once.
    const portal = () => portalClient(ctx, HTTP);
    srsClient(ctx, { http: HTTP, submitAttempts: 1 });
    const proposals = new ProposalsService(ctx, portal);
    const catalog = new CatalogService(ctx, portal);
    const account = new SrsAccountService(ctx);
    const products = new SrsProductsService(ctx);
    const pricing = new SrsPricingService(ctx);
    const sandbox = server.get<SrsSandbox>('srs');

    // Warm-up with real answers: the cache holds a proposal with change orders, the catalog, the SRS account.
    await proposals.sync();
    await catalog.startSync({ full: true }).done;
    await account.validate();
    await account.branches(true);
    await account.jobAccounts(true);
    await products.startSync(['BRRIV']).done;
    const withChangeOrders = ctx.db.prepare('SELECT proposal_id AS p, id FROM portal_change_orders ORDER BY id LIMIT 1').get() as { p: number; id: number };
    const itemId = (ctx.db.prepare('SELECT id FROM portal_catalog_items ORDER BY id LIMIT 1').get() as { id: number }).id;
    const priceReq = { branchCode: 'BRRIV', jobAccountNumber: 1, refresh: true, lines: [{ productId: 75664, uom: 'BD', quantity: 30 }, { productId: 71322, uom: 'PC', quantity: 10 }] };
    await pricing.price(priceReq);

    // Orders for the submission and tracking targets: a fresh one per case, placed with real answers.
    const outbox = createOutbox(ctx, { retryDelayMs: () => 3_600_000 });
    const tracker = new OrderTracker(ctx);
    const actions = new OrderActions(ctx);
    let current = 0;
    let proposal = 600_000;
    const newOrder = () => {
      const draft = sandboxDraft(String(proposal++));
      return outbox.orders.createOrder(draft, sandboxHeader(draft));
    };
    /** A submitted order; SRS moves its orders on every `stepMs` (1: delivered and invoiced at once). */
    const placed = async (stepMs: number) => {
      sandbox.configure({ statusStepMs: stepMs });
      current = newOrder().id;
      const [outcome] = await outbox.worker.drain();
      if (outcome?.status !== 'submitted') throw new Error(`could not place order #${current}: ${outcome?.detail}`);
    };

    targets = [
      { name: 'Portal key exchange (login)', vendor: 'Portal.io', match: /^GET \/portal\/authenticate\/apikeyexchange/, run: () => portalLogin(ctx, { username: PORTAL_DEMO_CREDENTIALS.username, password: PORTAL_DEMO_CREDENTIALS.password }) },
      { name: 'Portal proposal list (sync)', vendor: 'Portal.io', match: /^GET \/portal\/proposals$/, run: () => proposals.sync() },
      { name: 'Portal proposal details', vendor: 'Portal.io', match: /^GET \/portal\/proposals\/\d+$/, run: () => proposals.get(withChangeOrders.p, true) },
      { name: 'Portal change order list', vendor: 'Portal.io', match: /^GET \/portal\/proposals\/\d+\/changeorders$/, run: () => proposals.get(withChangeOrders.p, true) },
      {
        name: 'Portal change order details',
        vendor: 'Portal.io',
        match: /^GET \/portal\/changeorders\/\d+$/,
        // An earlier case may have stored a (valid) damaged change-order list: fetch the real one first.
        prepare: () => proposals.get(withChangeOrders.p, true),
        run: () => proposals.changeOrder(withChangeOrders.id, true),
      },
      { name: 'Portal contact list (sync)', vendor: 'Portal.io', match: /^GET \/portal\/contacts$/, run: () => proposals.sync(), feeds: CONTACT_TABLES },
      { name: 'Portal contact locations (sync)', vendor: 'Portal.io', match: /^GET \/portal\/contacts\/\d+\/locations$/, run: () => proposals.sync(), feeds: CONTACT_TABLES },
      { name: 'Portal catalog categories (sync)', vendor: 'Portal.io', match: /^GET \/portal\/catalog\/categories$/, run: () => catalog.startSync().done },
      { name: 'Portal catalog items (sync)', vendor: 'Portal.io', match: /^GET \/portal\/catalog\/items$/, run: () => catalog.startSync({ full: true }).done, feeds: ['portal_catalog_items', 'sync_state'] },
      { name: 'Portal catalog item details', vendor: 'Portal.io', match: /^GET \/portal\/catalog\/items\/\d+$/, run: () => catalog.item(itemId) },
      {
        name: 'SRS token (refresh after 401)',
        vendor: 'SRS',
        match: /^POST \/srs\/authentication\/token/,
        run: async () => {
          sandbox.expireTokens();
          return account.branches(true);
        },
      },
      { name: 'SRS customer validation', vendor: 'SRS', match: /^GET \/srs\/customers\/validate/, run: () => account.validate() },
      { name: 'SRS branches', vendor: 'SRS', match: /^GET \/srs\/branches\/v2\/branchLocations/, run: () => account.branches(true) },
      { name: 'SRS job accounts', vendor: 'SRS', match: /^GET \/srs\/branches\/v2\/customerBranchLocations/, run: () => account.jobAccounts(true) },
      { name: 'SRS branch products (sync)', vendor: 'SRS', match: /^GET \/srs\/branches\/v2\/activeBranchProducts/, run: () => products.startSync(['BRRIV']).done },
      { name: 'SRS pricing', vendor: 'SRS', match: /^POST \/srs\/products\/v2\/price/, run: () => pricing.price(priceReq) },
      {
        name: 'SRS order submission (outbox)',
        vendor: 'SRS',
        match: /^POST \/srs\/orders\/v2\/Submit/i,
        prepare: async () => (current = newOrder().id),
        run: async () => {
          const [outcome] = await outbox.worker.drain();
          if (!outcome || outcome.orderId !== current) throw new Error(`the worker did not take order #${current}`);
          if (outcome.result === 'retry-scheduled' || outcome.result === 'failed') throw new WorkerRefusal(outcome.detail);
          return outcome;
        },
        // Bookkeeping of the failed attempt is expected (timeline note, outbox retry); nothing from the answer is.
        feeds: [],
        afterRefusal: () => {
          const o = outbox.orders.get(current);
          return o.supplierOrderId === null && o.queueId === null && (o.status === 'submitting' || o.status === 'failed')
            ? null
            : `order #${current} took data from a refused answer: ${o.status} ${o.supplierOrderId} ${o.queueId}`;
        },
      },
      {
        name: 'SRS order status (tracking)',
        vendor: 'SRS',
        match: /^GET \/srs\/orders\/v2\/status/,
        prepare: () => placed(1),
        run: () => tracker.sync(current),
      },
      {
        name: 'SRS deliveries (tracking)',
        vendor: 'SRS',
        match: /^GET \/srs\/deliveries\/v2\/list/,
        prepare: () => placed(1),
        run: () => tracker.sync(current),
      },
      {
        name: 'SRS invoices (tracking)',
        vendor: 'SRS',
        match: /^GET \/srs\/invoices\/v2\/list/,
        prepare: () => placed(1),
        run: () => tracker.sync(current),
      },
      {
        name: 'SRS order cancel',
        vendor: 'SRS',
        match: /^POST \/srs\/orders\/v2\/cancel/,
        prepare: () => placed(3_600_000),
        run: () => actions.cancel(current, 'fuzz'),
        // The proxy forwarded the request, so SRS may really have cancelled; after a refused answer
        // Junction asks SRS again (real answers) and may record that. It must never record more than SRS says.
        feeds: [],
        afterRefusal: () => {
          const o = outbox.orders.get(current);
          const atSrs = sandbox.orders().find((x) => x.transactionID === o.transactionId);
          return o.status === 'cancelled' && atSrs?.status !== 'Cancelled' ? `order #${current} marked cancelled, SRS says ${atSrs?.status}` : null;
        },
      },
    ];
  }, 120_000);

  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    await ctx?.close();
    await proxy?.close();
    await server?.close();
    dir?.cleanup();
  });

  const vault = () => (existsSync(vaultFile(ctx.dataDir)) ? readFileSync(vaultFile(ctx.dataDir), 'utf8') : '');

  it(`${TOTAL_CASES.toLocaleString('en-US')} damaged answers: only readable AppErrors naming the vendor, nothing stored from a rejected answer`, async () => {
    const perTarget = Math.ceil(TOTAL_CASES / targets.length);
    const tally = { cases: 0, rejected: 0, accepted: 0, crashes: 0, unreadable: 0, dbChangedOnReject: 0 };
    const byCode: Record<string, number> = {};
    const byKind: Record<string, number> = {};
    const problems: string[] = [];

    const msPerCase: Record<string, number> = {};
    /** The figures so far (written after each endpoint, so a stopped soak still leaves its real counts). */
    const summary = (endpointsDone: number, integrity: string) =>
      record('Vendor fuzzing', {
        endpoints: endpointsDone,
        ...(endpointsDone < targets.length ? { partial: true, ofEndpoints: targets.length } : {}),
        cases: tally.cases,
        rejected: tally.rejected,
        accepted: tally.accepted,
        crashes: tally.crashes,
        unhandledRejections: unhandled.length,
        unreadableErrors: tally.unreadable,
        writesFromRejected: tally.dbChangedOnReject,
        integrity,
        slowest: Object.entries(msPerCase).sort((a, b) => b[1] - a[1]).slice(0, 4).map(([k, v]) => `${k}:${v}ms`).join(' '),
        codes: Object.entries(byCode).map(([k, v]) => `${k}:${v}`).join(' '),
      });
    for (const [i, t] of targets.entries()) {
      const started = Date.now();
      await fc.assert(
        fc.asyncProperty(planArbitrary, async (plan: Plan) => {
          await t.prepare?.();
          const db = snapshot(ctx.db, { ignoreClock: true });
          const storedKeys = vault();
          proxy.target(t.match, (real) => applyPlan(plan, real));
          let error: unknown = null;
          try {
            await t.run();
          } catch (e) {
            error = e;
          } finally {
            proxy.target(null, null);
          }
          tally.cases += 1;
          byKind[plan.kind] = (byKind[plan.kind] ?? 0) + 1;
          const where = `${t.name} ${JSON.stringify(plan).slice(0, 160)}`;
          if (error === null) {
            tally.accepted += 1;
            return true;
          }
          tally.rejected += 1;
          if (error instanceof WorkerRefusal) {
            byCode.WORKER_RETRY = (byCode.WORKER_RETRY ?? 0) + 1;
            const problem = !error.message.includes(t.vendor) || /\[object Object\]|undefined|at \w+ \(/.test(error.message) ? `unreadable reason: ${error.message.slice(0, 300)}` : t.afterRefusal?.() ?? null;
            if (problem) {
              tally.unreadable += 1;
              problems.push(`${where}: ${problem}`);
              return false;
            }
            return true;
          }
          if (!(error instanceof AppError) || !EXPECTED_CODES.has(error.code)) {
            tally.crashes += 1;
            problems.push(`${where}: crash ${(error as Error)?.constructor?.name} ${(error as AppError).code ?? ''} ${String((error as Error)?.message).slice(0, 200)}`);
            return false;
          }
          byCode[error.code] = (byCode[error.code] ?? 0) + 1;
          const m = error.message;
          if (!m.includes(t.vendor) || m.length > 600 || /\[object Object\]|undefined|at \w+ \(/.test(m)) {
            tally.unreadable += 1;
            problems.push(`${where}: unreadable message: ${m.slice(0, 300)}`);
            return false;
          }
          const after = snapshot(ctx.db, { ignoreClock: true });
          const changed = Object.keys(after).filter((k) => after[k] !== db[k] && (!t.feeds || t.feeds.includes(k)));
          const extra = t.afterRefusal?.() ?? null;
          if (extra) problems.push(`${where}: ${extra}`);
          if (changed.length || vault() !== storedKeys || extra) {
            tally.dbChangedOnReject += 1;
            problems.push(`${where}: rejected (${error.code}) but changed ${changed.join(', ') || 'the vault'}`);
            return false;
          }
          return true;
        }),
        { numRuns: perTarget, seed: SEED + i, endOnFailure: true },
      ).catch((e: unknown) => problems.push(`${t.name}: ${(e as Error).message.split('\n').slice(0, 6).join(' | ')}`));
      msPerCase[t.name] = Math.round((Date.now() - started) / perTarget);
      if (i < targets.length - 1) summary(i + 1, 'not checked yet');
    }
    await new Promise((r) => setTimeout(r, 50));
    const integrity = ctx.db.pragma('integrity_check', { simple: true });
    summary(targets.length, String(integrity));
    expect(problems).toEqual([]);
    expect(unhandled).toEqual([]);
    expect(tally.cases).toBeGreaterThanOrEqual(TOTAL_CASES);
    expect(tally.rejected).toBeGreaterThan(tally.cases / 2);
    expect(integrity).toBe('ok');
    // Every kind of damage was tried.
    expect(Object.keys(byKind).length).toBe(12);
  }, 3_600_000);
});
