import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../../src-shared/ipc/contract';
import { createLogger } from '../../../src-main/log/logger';
import { defaultOrderHeader } from '../../../src-main/orders/submit-body';
import type { SrsSandbox } from '../../../src-main/sandbox/srs/index';
import { startSandboxServer, type SandboxServer } from '../../../src-main/sandbox/server';
import { createAppContext, type AppContext } from '../../../src-main/services/context';
import { createHandlers } from '../../../src-main/services/handlers';
import { createDispatcher } from '../../../src-main/services/ipc/dispatch';
import { defaultRetryDelayMs } from '../../../src-main/orders/outbox-worker';
import { createOutbox, type OutboxSetup } from '../../../src-main/services/orders/outbox-runner';
import { srsClient } from '../../../src-main/services/srs/srs-client';
import { openHeadlessVault } from '../../../src-main/vault/open-vault';
import { tempDir } from '../../helpers/temp-dir';
import { startFuzzProxy, type FuzzProxy } from './lib/fuzz-proxy';
import { sandboxDraft } from './lib/orders';
import { count, record, rng } from './lib/soak';

const ORDERS = count(30, 300);
const DOWN_MS = count(4_000, 120_000);
/** The worker's real retry delays (5 s, 10 s, 20 s... up to 5 min), divided by this so an outage fits in the run. */
const RETRY_SCALE = count(10, 2);
const FAULT_RATE = 0.35;
const SUBMIT = 'POST /orders/v2/Submit';
const STATUS = 'GET /orders/v2/status';
/** Short timings so a storm fits in a test: the shapes (timeout, Retry-After cap, breaker) are the product's. */
const HTTP = { timeoutMs: 1_000, baseDelayMs: 20, maxDelayMs: 200, retryAfterCapMs: 1_500, breakerThreshold: 5, breakerHalfOpenAfterMs: 1_500 };

describe('network faults against the SRS sandbox, through the real outbox and services', () => {
  let dir: ReturnType<typeof tempDir>;
  let server: SandboxServer;
  let ctx: AppContext;
  let port: number;
  let proxy: FuzzProxy;
  const log = createLogger({ level: 'error' });
  const start = (p?: number) => startSandboxServer({ dataDir: join(dir.path, 'vendor'), log, only: ['srs'], ...(p ? { port: p } : {}) });
  const srs = () => server.get<SrsSandbox>('srs');

  beforeAll(async () => {
    dir = tempDir('junction-netfaults-');
    server = await start();
    port = server.port;
    // The app talks to SRS through a proxy that can break the network in every way, request by request.
    proxy = await startFuzzProxy(port);
    const creds = server.vendors.find((v) => v.vendor === 'srs')!.credentials;
    const env = {
      JUNCTION_SRS_URL: proxy.baseUrl('srs'),
      JUNCTION_SRS_CLIENT_ID: creds.clientId!,
      JUNCTION_SRS_CLIENT_SECRET: creds.clientSecret!,
      JUNCTION_SRS_CUSTOMER_CODE: creds.customerCode!,
      JUNCTION_SRS_INTEGRATION_KEY: creds.integrationKey!,
    };
    const dataDir = join(dir.path, 'data');
    ctx = await createAppContext({ dataDir, env, vault: openHeadlessVault(dataDir, env), log: createLogger({ file: join(dataDir, 'logs', 'junction.log'), level: 'debug' }), sandbox: 'off' });
    srsClient(ctx, { http: HTTP, submitAttempts: 3 });
  });
  afterAll(async () => {
    await ctx?.close();
    await proxy?.close();
    await server?.close();
    dir?.cleanup();
  });

  /** Queues `n` orders for proposals `firstProposal`, `firstProposal + 1`... (Portal proposal ids are numbers). */
  const queue = (outbox: OutboxSetup, n: number, firstProposal: number) =>
    Array.from({ length: n }, (_, i) => {
      const draft = sandboxDraft(String(firstProposal + i));
      return outbox.orders.createOrder(draft, defaultOrderHeader(draft, { sourceSystem: 'JUNCTION', customerCode: 'DEMO001', jobAccountNumber: 1, today: '2026-11-30' })).id;
    });

  /** Works the outbox until every order is settled; a failed one is sent again the way the user's "Retry" does. */
  async function settle(ids: number[], deadlineMs: number, outbox: OutboxSetup): Promise<{ passes: number; retriedByUser: number }> {
    const deadline = Date.now() + deadlineMs;
    let passes = 0;
    let retriedByUser = 0;
    for (;;) {
      await outbox.worker.drain();
      passes += 1;
      const states = ids.map((id) => outbox.orders.get(id));
      for (const o of states.filter((s) => s.status === 'failed')) {
        outbox.orders.requeue(o.id, 'Retried by the user after a network failure');
        retriedByUser += 1;
      }
      if (states.every((s) => s.status === 'submitted')) return { passes, retriedByUser };
      if (Date.now() > deadline) throw new Error(`orders not settled: ${states.filter((s) => s.status !== 'submitted').map((s) => `#${s.id} ${s.status}`).join(', ')}`);
      await sleep(50);
    }
  }

  /** Every local order is at SRS exactly once, under its own transactionID and with SRS's order number. */
  function audit(outbox: OutboxSetup, ids: number[]) {
    const atSrs = srs().orders();
    const local = ids.map((id) => outbox.orders.get(id));
    const mine = new Set(local.map((o) => o.transactionId));
    const perTx = new Map<string, number>();
    for (const o of atSrs) if (mine.has(o.transactionID)) perTx.set(o.transactionID, (perTx.get(o.transactionID) ?? 0) + 1);
    return {
      placed: perTx.size,
      duplicated: [...perTx.values()].filter((n) => n > 1).length,
      lost: local.filter((o) => !perTx.has(o.transactionId)).length,
      wrongNumber: local.filter((o) => o.supplierOrderId !== atSrs.find((s) => s.transactionID === o.transactionId)?.orderID).length,
    };
  }

  it(`a storm of latency spikes, 429s with Retry-After, 500s and dropped connections (before and after SRS stored the order): ${ORDERS} orders, each placed once`, async () => {
    const random = rng();
    const outbox = createOutbox(ctx, { retryDelayMs: () => 100 });
    const ids = queue(outbox, ORDERS, 900_000);
    const injected: Record<string, number> = {};
    let requests = 0;
    let submits = 0;
    let storm = 0;
    // Every submission and lookup meets a fault with this probability; a 429 comes as a storm of several in a row.
    proxy.chaos((key) => {
      if (!/^(POST \/srs\/orders\/v2\/Submit|GET \/srs\/orders\/v2\/status)/i.test(key)) return null;
      requests += 1;
      if (key.startsWith('POST')) submits += 1;
      const count429 = () => {
        injected.status429 = (injected.status429 ?? 0) + 1;
        return { kind: 'status429' as const, retryAfterSeconds: random.int(1, 8) / 10 };
      };
      if (storm > 0) {
        storm -= 1;
        return count429();
      }
      if (random.next() >= FAULT_RATE) return null;
      const kind = random.pick(['latency', 'latencyAfter', 'status429', 'status500', 'dropBefore', 'dropAfter'] as const);
      if (kind === 'status429') {
        storm = random.int(0, 5);
        return count429();
      }
      injected[kind] = (injected[kind] ?? 0) + 1;
      if (kind === 'latency' || kind === 'latencyAfter') return { kind, ms: random.int(100, 2_500) }; // spikes beyond the 1 s timeout too
      return { kind };
    });
    srs().resetCounters();
    const started = Date.now();
    let settled: Awaited<ReturnType<typeof settle>>;
    try {
      settled = await settle(ids, count(240_000, 1_800_000), outbox);
    } finally {
      proxy.chaos(null);
    }
    const result = audit(outbox, ids);
    const faults = Object.values(injected).reduce((a, b) => a + b, 0);
    record('Network faults: storm', {
      orders: ORDERS,
      requestsThroughProxy: requests,
      submitsSent: submits,
      faults,
      ...Object.fromEntries(Object.entries(injected).map(([k, v]) => [`fault_${k}`, v])),
      submitRequestsAtSrs: srs().count(SUBMIT),
      lookupsAtSrs: srs().count(STATUS),
      drainPasses: settled.passes,
      retriedByUser: settled.retriedByUser,
      placedAtSrs: result.placed,
      duplicated: result.duplicated,
      lost: result.lost,
      seconds: Math.round((Date.now() - started) / 1000),
    });
    expect(result).toEqual({ placed: ORDERS, duplicated: 0, lost: 0, wrongNumber: 0 });
    // The storm really happened: every kind of fault, resends, and lookups by transactionID before them.
    for (const kind of ['latency', 'latencyAfter', 'status429', 'status500', 'dropBefore', 'dropAfter']) expect(injected[kind] ?? 0, kind).toBeGreaterThan(0);
    expect(faults).toBeGreaterThan(ORDERS * FAULT_RATE * 0.5);
    expect(submits).toBeGreaterThan(ORDERS);
    expect(srs().count(STATUS)).toBeGreaterThan(0);
  }, 3_600_000);

  it(`SRS down for ${DOWN_MS / 1000} s: the breaker opens, the user is told SRS is not answering, and queued orders go out once it is back`, async () => {
    const dispatch = createDispatcher(contract, createHandlers(ctx, { version: 'test', openInBrowser: async () => false }), log);
    const outbox = createOutbox(ctx, { retryDelayMs: (attempts) => defaultRetryDelayMs(attempts) / RETRY_SCALE });
    const ids = queue(outbox, count(5, 50), 800_000);
    await server.close();
    const downAt = Date.now();

    // Work goes on while SRS is down: every attempt fails, the breaker opens, nothing is lost.
    let breakerSeen = false;
    while (Date.now() - downAt < DOWN_MS) {
      await outbox.worker.drain();
      const reply = await dispatch('srs:branches', { refresh: true }, { origin: 'test' });
      expect(reply.ok).toBe(false);
      if (!reply.ok && /^SRS is not answering; Junction paused calls to it and will try again in \d+ s\.$/.test(reply.error.message)) {
        expect(reply.error.code).toBe('VENDOR_UNAVAILABLE');
        breakerSeen = true;
      } else if (!reply.ok) {
        expect(reply.error.message).toMatch(/^Cannot reach SRS|^SRS did not answer|^SRS had a server error/);
      }
      await sleep(250);
    }
    expect(breakerSeen).toBe(true);
    const during = ids.map((id) => outbox.orders.get(id));
    expect(during.every((o) => ['ready', 'submitting', 'failed'].includes(o.status))).toBe(true);
    // The order's timeline says why it is waiting.
    const detail = await dispatch('orders:get', { id: ids[0]! }, { origin: 'test' });
    expect(JSON.stringify(detail)).toMatch(/not answering|Cannot reach SRS|could not be reached/);

    // SRS comes back on the same address with its data: after the breaker's pause, work resumes.
    server = await start(port);
    const back = Date.now();
    const { retriedByUser } = await settle(ids, 600_000, outbox);
    const resumedMs = Date.now() - back;
    const result = audit(outbox, ids);
    const branches = await dispatch('srs:branches', { refresh: true }, { origin: 'test' });
    record('Network faults: vendor down', {
      downSeconds: DOWN_MS / 1000,
      retryDelaysScaledBy: `1/${RETRY_SCALE}`,
      orders: ids.length,
      breakerOpened: breakerSeen,
      resumedWithinMs: resumedMs,
      retriedByUser,
      placedAtSrs: result.placed,
      duplicated: result.duplicated,
      lost: result.lost,
    });
    expect(branches.ok).toBe(true);
    expect(result).toEqual({ placed: ids.length, duplicated: 0, lost: 0, wrongNumber: 0 });
    // Nobody had to press Retry: the outage was shorter than the worker's patience.
    expect(retriedByUser).toBe(0);
  }, 3_600_000);
});
