import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import seed from '../../../resources/sandbox/roofing-products.json';
import { createLogger, type Logger } from '../../../src-main/log/logger';
import { convertProposal } from '../../../src-main/orders/convert';
import { OutboxWorker, type SupplierGateway } from '../../../src-main/orders/outbox-worker';
import { srsGateway } from '../../../src-main/orders/srs-gateway';
import type { BranchProduct, OrderDraft } from '../../../src-main/orders/types';
import { startSandboxServer, type SandboxServer } from '../../../src-main/sandbox/server';
import type { SrsSandbox } from '../../../src-main/sandbox/srs/index';
import { openDatabase, type Db } from '../../../src-main/store/database';
import { OrdersRepo } from '../../../src-main/store/orders/orders-repo';
import { OutboxRepo } from '../../../src-main/store/orders/outbox-repo';
import { SrsClient } from '../../../src-main/vendors/srs/srs-client';
import { area, input, item, option, proposal, quote, srsEntry } from '../../unit/orders/fixtures';
import { headerFor, manualClock, readyDraft, tempDir } from './helpers';

const SUBMIT = 'POST /orders/v2/Submit';
const STATUS = 'GET /orders/v2/status';

interface SeedProduct {
  productId: number;
  productName: string;
  productDescription: string;
  manufacturer: string;
  productOptions: string[];
  baseUom: string;
  uomConversions: { uom: string; toBase: number }[];
  listPriceCents: number;
  branches: string[];
}

function seedProduct(id: number): BranchProduct & { listPriceCents: number } {
  const p = (seed as SeedProduct[]).find((x) => x.productId === id);
  if (!p) throw new Error(`product ${id} is not in the roofing seed`);
  return { ...p, availableAtBranch: p.branches.includes('BRRIV') };
}

/** A submittable draft of sandbox products: 10 SQ Landmark shingles (30 BD) and 95 LF drip edge (10 PC). */
function sandboxDraft(proposalId: string): OrderDraft {
  const shingles = seedProduct(75664);
  const drip = seedProduct(71322);
  const p = {
    ...proposal([
      area('House', [
        option('Accepted', [
          item({ id: `${proposalId}-s`, referencedItemId: 'sh', model: 'Landmark Weathered Wood', quantity: 10, costCents: 12600, sellPriceCents: 20000 }),
          item({ id: `${proposalId}-d`, referencedItemId: 'de', model: 'Drip edge White', quantity: 95, costCents: 91, sellPriceCents: 250 }),
        ]),
      ]),
    ]),
    id: proposalId,
  };
  return convertProposal({
    ...input(p),
    catalog: { sh: srsEntry('sh', 75664, 'SQ'), de: srsEntry('de', 71322, 'LF') },
    branchProducts: [shingles, drip],
    quotes: [quote(75664, 'BD', shingles.listPriceCents, { fetchedAt: '2026-11-30T11:59:00.000Z' }), quote(71322, 'PC', drip.listPriceCents, { fetchedAt: '2026-11-30T11:59:00.000Z' })],
  });
}

/** Passes calls through to the real gateway but never reports back: the process "dies" at that point. */
function dyingGateway(real: SupplierGateway, at: 'before-send' | 'after-send'): SupplierGateway {
  return {
    name: real.name,
    lookupByTransactionId: (tx, o) => real.lookupByTransactionId(tx, o),
    async submit(order, o) {
      if (at === 'after-send') await real.submit(order, o);
      return new Promise(() => {});
    },
  };
}

let tmp: ReturnType<typeof tempDir>;
let server: SandboxServer;
let sandbox: SrsSandbox;
let log: Logger;
let file: string;
let db: Db;
let clock: ReturnType<typeof manualClock>;

function client(): SrsClient {
  const creds = server.vendors.find((v) => v.vendor === 'srs')!.credentials;
  return new SrsClient({
    baseUrl: server.baseUrl('srs'),
    log,
    sourceSystem: 'JUNCTION',
    credentials: { clientId: creds.clientId!, clientSecret: creds.clientSecret!, customerCode: creds.customerCode!, integrationKey: creds.integrationKey! },
    submitAttempts: 1,
    http: { timeoutMs: 3_000, baseDelayMs: 10, maxDelayMs: 20, breakerHalfOpenAfterMs: 500 },
  });
}

/** A worker over its own connection to the database file, as a fresh process would have. */
function worker(gateway: SupplierGateway = srsGateway(client())) {
  const conn = openDatabase(file);
  const orders = new OrdersRepo(conn, { now: clock.now });
  const outbox = new OutboxRepo(conn, { now: clock.now });
  return { conn, orders, outbox, worker: new OutboxWorker({ orders, outbox, gateway, log, now: clock.now, retryDelayMs: () => 30_000, maxAttempts: 3 }) };
}

function queue(draft: OrderDraft) {
  return new OrdersRepo(db, { now: clock.now }).createOrder(draft, headerFor(draft));
}

beforeEach(async () => {
  tmp = tempDir();
  log = createLogger({ file: join(tmp.dir, 'test.log'), level: 'debug' });
  server = await startSandboxServer({ dataDir: tmp.dir, log, only: ['srs'] });
  sandbox = server.get<SrsSandbox>('srs');
  file = join(tmp.dir, 'junction.db');
  db = openDatabase(file);
  clock = manualClock();
});

afterEach(async () => {
  db.close();
  await server.close();
  tmp.cleanup();
});

describe('outbox worker against the SRS sandbox', () => {
  it('submits a queued order and records the SRS order number on the timeline', async () => {
    const order = queue(sandboxDraft('p1'));
    const w = worker();
    const outcomes = await w.worker.drain();
    expect(outcomes).toEqual([expect.objectContaining({ orderId: order.id, result: 'submitted', status: 'submitted' })]);
    const after = w.orders.get(order.id);
    expect(after.supplierOrderId).toMatch(/^\d+$/);
    expect(sandbox.orders()).toEqual([expect.objectContaining({ transactionID: order.transactionId, orderID: after.supplierOrderId })]);
    expect(w.orders.events(order.id).map((e) => e.toStatus)).toEqual(['ready', 'submitting', 'submitted']);
    expect(w.orders.events(order.id).at(-1)!.reason).toBe(`SRS accepted the order as ${after.supplierOrderId}.`);
    expect(w.outbox.forOrder(order.id)).toEqual([expect.objectContaining({ status: 'done', attempts: 1 })]);
    expect(await w.worker.drain()).toEqual([]);
    w.conn.close();
  });

  it('once started, resumes at once and keeps sending newly queued orders until stopped', async () => {
    const a = queue(sandboxDraft('p1'));
    const w = worker();
    w.worker.start(25);
    await expect.poll(() => w.orders.get(a.id).status).toBe('submitted');
    const b = queue(sandboxDraft('p2'));
    await expect.poll(() => w.orders.get(b.id).status).toBe('submitted');
    await w.worker.stop();
    const c = queue(sandboxDraft('p3'));
    await new Promise((r) => setTimeout(r, 100));
    expect(w.orders.get(c.id).status).toBe('ready');
    expect(sandbox.orders().map((o) => o.transactionID)).toEqual([a.transactionId, b.transactionId]);
    w.conn.close();
  });

  it('never sends an order cancelled before its turn', async () => {
    const order = queue(sandboxDraft('p1'));
    const w = worker();
    w.orders.transition(order.id, 'cancelled', 'Customer postponed');
    expect(await w.worker.drain()).toEqual([expect.objectContaining({ result: 'skipped', status: 'cancelled' })]);
    expect(sandbox.count(SUBMIT)).toBe(0);
    expect(w.outbox.forOrder(order.id)).toEqual([expect.objectContaining({ status: 'done' })]);
    w.conn.close();
  });

  it('records the queue id of an asynchronous submission', async () => {
    sandbox.configure({ orderMode: 'async' });
    const order = queue(sandboxDraft('p1'));
    const w = worker();
    await w.worker.drain();
    expect(w.orders.get(order.id)).toMatchObject({ status: 'submitted', supplierOrderId: null, queueId: expect.stringMatching(/^Q-/) });
    w.conn.close();
  });

  it('after dying once SRS stored the order, a restart finds it by transactionID and does not resend', async () => {
    const order = queue(sandboxDraft('p1'));
    const first = worker(dyingGateway(srsGateway(client()), 'after-send'));
    void first.worker.drain();
    await expect.poll(() => sandbox.orders().length).toBe(1);
    expect(first.orders.get(order.id).status).toBe('submitting');

    const second = worker();
    const outcomes = await second.worker.resume();
    expect(outcomes).toEqual([expect.objectContaining({ result: 'found', status: 'submitted' })]);
    expect(sandbox.count(SUBMIT)).toBe(1);
    expect(sandbox.orders()).toHaveLength(1);
    expect(second.orders.get(order.id).supplierOrderId).toBe(sandbox.orders()[0]!.orderID);
    expect(second.outbox.forOrder(order.id)).toEqual([expect.objectContaining({ status: 'done', attempts: 2 })]);
    first.conn.close();
    second.conn.close();
  });

  it('after dying before the send, a restart looks the order up, finds nothing and sends it once', async () => {
    const order = queue(sandboxDraft('p1'));
    const first = worker(dyingGateway(srsGateway(client()), 'before-send'));
    void first.worker.drain();
    await expect.poll(() => first.orders.get(order.id).status).toBe('submitting');

    const second = worker();
    expect(await second.worker.resume()).toEqual([expect.objectContaining({ result: 'submitted' })]);
    expect(sandbox.count(STATUS)).toBe(1);
    expect(sandbox.count(SUBMIT)).toBe(1);
    expect(sandbox.orders()).toHaveLength(1);
    first.conn.close();
    second.conn.close();
  });

  it('a connection dropped after SRS stored the order ends as one order, not two', async () => {
    sandbox.injectFault({ endpoint: SUBMIT, kind: 'dropAfterStore' });
    const order = queue(sandboxDraft('p1'));
    const w = worker();
    const [outcome] = await w.worker.drain();
    expect(outcome!.status).toBe('submitted');
    expect(sandbox.orders()).toEqual([expect.objectContaining({ transactionID: order.transactionId })]);
    w.conn.close();
  });

  it('retries when SRS is down, looking the order up before the resend', async () => {
    sandbox.injectFault({ endpoint: SUBMIT, kind: 'status500', times: 1 });
    const order = queue(sandboxDraft('p1'));
    const w = worker();
    expect(await w.worker.drain()).toEqual([expect.objectContaining({ result: 'retry-scheduled', status: 'submitting' })]);
    expect(w.orders.events(order.id).at(-1)).toMatchObject({ kind: 'note', reason: expect.stringContaining('retrying at 2026-11-30T12:00:30.000Z') });
    expect(await w.worker.drain()).toEqual([]); // not due yet
    clock.advance(30_000);
    const statusBefore = sandbox.count(STATUS);
    expect(await w.worker.drain()).toEqual([expect.objectContaining({ result: 'submitted', status: 'submitted' })]);
    expect(sandbox.count(STATUS)).toBeGreaterThan(statusBefore);
    expect(sandbox.orders()).toHaveLength(1);
    w.conn.close();
  });

  it('marks the order failed with SRS reason when SRS rejects it, and a requeue after the fix looks it up first', async () => {
    // Product 61010 exists only in the unit fixtures: the sandbox does not sell it at BRRIV.
    const order = queue(readyDraft('p1'));
    const w = worker();
    const [outcome] = await w.worker.drain();
    expect(outcome).toMatchObject({ result: 'failed', status: 'failed' });
    const failed = w.orders.get(order.id);
    expect(failed.statusReason).toContain('SRS refused the order');
    expect(failed.statusReason).toContain('61010 is not sold at branch BRRIV');
    expect(w.outbox.forOrder(order.id)).toEqual([expect.objectContaining({ status: 'dead' })]);
    expect(sandbox.orders()).toEqual([]);

    w.orders.requeue(order.id, 'Retry requested');
    const submitsBefore = sandbox.count(SUBMIT);
    const statusBefore = sandbox.count(STATUS);
    expect(await w.worker.drain()).toEqual([expect.objectContaining({ result: 'failed' })]);
    expect(sandbox.count(STATUS)).toBe(statusBefore + 1);
    expect(sandbox.count(SUBMIT)).toBe(submitsBefore + 1);
    w.conn.close();
  });

  it('gives up after the attempt limit with a reason that says how to retry', async () => {
    sandbox.injectFault({ endpoint: SUBMIT, kind: 'status500', times: 10 });
    const order = queue(sandboxDraft('p1'));
    const w = worker();
    for (let i = 0; i < 3; i++) {
      await w.worker.drain();
      clock.advance(30_000);
    }
    expect(w.orders.get(order.id)).toMatchObject({ status: 'failed', statusReason: expect.stringContaining('could not be reached after 3 attempts') });
    expect(sandbox.orders()).toEqual([]);
    w.conn.close();
  });
});
