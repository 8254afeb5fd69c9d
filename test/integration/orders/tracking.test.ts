import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JunctionApi } from '../../../src-shared/ipc/contract';
import type { OrderNotification } from '../../../src-shared/ipc/orders';
import type { AppContext } from '../../../src-main/services/context';
import { startOrdersRuntime } from '../../../src-main/services/orders/runtime';
import { OrderPoller } from '../../../src-main/services/orders/status-poller';
import { OrderTracker, formatWhen } from '../../../src-main/services/orders/tracking-service';
import { silentLogger } from '../../../src-main/log/logger';
import { apiFor, makeSubmittable, ordersWorld, value, type OrdersWorld } from './world';

/** SRS moves an order one status step (received → acknowledged → shipped → delivered) every STEP ms. */
const STEP = 1500;

async function until<T>(what: string, probe: () => T | Promise<T>, timeoutMs = 10_000): Promise<Exclude<T, false | null | undefined>> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v as Exclude<T, false | null | undefined>;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

describe('tracking orders at the SRS sandbox (real HTTP, real SQLite)', () => {
  let w: OrdersWorld;
  let ctx: AppContext;
  let api: JunctionApi;
  beforeAll(async () => {
    w = await ordersWorld({ srs: { statusStepMs: STEP } });
    ctx = await w.openContext();
    api = apiFor(ctx);
  });
  afterAll(async () => w.close());

  const srsStatus = (transactionId: string) => w.srs.orders().find((o) => o.transactionID === transactionId)?.status;
  const place = async (proposalId: number) => {
    await makeSubmittable(api, proposalId);
    const r = await value(api.orders.submit({ proposalId, again: true }));
    if (r.outcome !== 'placed') throw new Error(r.outcome);
    return r.order;
  };

  it('the poller moves the order to delivered step by step, notifies on acknowledged and delivered, records proof of delivery and a matching invoice', async () => {
    const notes: OrderNotification[] = [];
    const off = api.events.on('orders:notification', (n) => notes.push(n));
    const runtime = startOrdersRuntime(ctx, { pollIntervalMs: 50 });
    try {
      const order = await place(1003);
      await until('delivered', async () => (await value(api.orders.get({ id: order.id }))).order.status === 'delivered');
      const d = await until('the invoice', async () => {
        const x = await value(api.orders.get({ id: order.id }));
        return x.invoices.length > 0 && x;
      });
      expect(d.timeline.filter((e) => e.kind === "status").map((e) => e.toStatus)).toEqual(['ready', 'submitting', 'submitted', 'acknowledged', 'shipped', 'delivered']);
      expect(notes.filter((n) => n.orderId === order.id).map((n) => n.kind)).toEqual(expect.arrayContaining(['submitted', 'acknowledged', 'delivered']));
      expect(d.deliveries).toEqual([
        expect.objectContaining({ status: 'Delivered', proofOfDelivery: { signedBy: d.header.contact.name, photos: [expect.stringMatching(/\/deliveries\/v2\/photos\/D\d+-1\.jpg$/)] } }),
      ]);
      expect(d.order.eta).toBe(d.deliveries[0]!.eta);
      expect(d.invoices[0]).toMatchObject({ differences: [], lines: expect.arrayContaining([expect.objectContaining({ productId: d.lines[0]!.productId })]) });
      expect(d.timeline.some((e) => e.reason.startsWith(`Invoice ${d.invoices[0]!.invoiceNumber} matches the order`))).toBe(true);
      expect(d.order.invoiceDifferences).toBe(0);
    } finally {
      off();
      await runtime.stop();
    }
  });

  it('flags invoice quantity and price differences against the order, with a notification', async () => {
    const order = await place(1002);
    await until('shipped at SRS', () => srsStatus(order.transactionId) === 'Shipped' || srsStatus(order.transactionId) === 'Delivered');
    const detail = await value(api.orders.get({ id: order.id }));
    const [a, b] = detail.lines;
    w.srs.injectFault({ endpoint: 'GET /invoices/v2/list', kind: 'malformed', path: 'invoices.0.lines.0.price', value: a!.unitPriceCents / 100 + 1.5 });
    w.srs.injectFault({ endpoint: 'GET /invoices/v2/list', kind: 'malformed', path: 'invoices.0.lines.1.quantity', value: b!.quantity - 1 });
    const notes: OrderNotification[] = [];
    const off = api.events.on('orders:notification', (n) => notes.push(n));
    const synced = await value(api.orders.sync({ id: order.id }));
    off();
    expect(synced).toMatchObject({ checked: 1, changed: 1, orders: [{ id: order.id, invoiceDifferences: 2 }] });
    const after = await value(api.orders.get({ id: order.id }));
    expect(after.invoices[0]!.differences).toEqual([
      { kind: 'price', productId: a!.productId, ordered: a!.unitPriceCents, invoiced: a!.unitPriceCents + 150, message: expect.stringContaining(`invoiced at`) },
      { kind: 'quantity', productId: b!.productId, ordered: b!.quantity, invoiced: b!.quantity - 1, message: `${b!.productName} (${b!.productId}): ordered ${b!.quantity} ${b!.uom}, invoiced ${b!.quantity - 1} ${b!.uom}.` },
    ]);
    expect(notes).toContainEqual(expect.objectContaining({ orderId: order.id, kind: 'invoice-differences' }));
  });

  it('notices a delivery delay (the ETA moved later) and says so once', async () => {
    const order = await place(1006);
    await until('acknowledged at SRS', () => srsStatus(order.transactionId) === 'Acknowledged');
    await value(api.orders.sync({ id: order.id }));
    const before = (await value(api.orders.get({ id: order.id }))).order;
    expect(before).toMatchObject({ status: 'acknowledged', delayed: false, eta: expect.any(String) });
    const later = new Date(Date.parse(before.eta!) + 2 * 86_400_000).toISOString();
    w.srs.injectFault({ endpoint: 'GET /deliveries/v2/list', kind: 'malformed', path: 'deliveries.0.estimatedDeliveryDate', value: later });
    const notes: OrderNotification[] = [];
    const off = api.events.on('orders:notification', (n) => notes.push(n));
    await value(api.orders.sync({ id: order.id }));
    off();
    const after = await value(api.orders.get({ id: order.id }));
    expect(after.order).toMatchObject({ delayed: true, eta: later });
    const moved = `SRS moved the delivery from ${formatWhen(before.eta!)} to ${formatWhen(later)}.`;
    expect(moved).not.toContain('T');
    expect(notes).toEqual([expect.objectContaining({ orderId: order.id, kind: 'delayed', message: moved })]);
    expect(after.timeline.at(-1)!.reason).toBe(`Delayed: ${moved}`);
  });

  it('keeps asking for the invoice of a delivered order until SRS sends it', async () => {
    const order = await place(1004);
    await until('delivered at SRS', () => srsStatus(order.transactionId) === 'Delivered', 15_000);
    // SRS has not billed yet when the delivery is seen.
    w.srs.injectFault({ endpoint: 'GET /invoices/v2/list', kind: 'malformed', path: 'invoices', value: [] });
    await value(api.orders.sync({ id: order.id }));
    const delivered = await value(api.orders.get({ id: order.id }));
    expect(delivered.order.status).toBe('delivered');
    expect(delivered.invoices).toEqual([]);
    // The next poll of open orders still includes it, and records the invoice once it exists.
    const tracker = new OrderTracker(ctx);
    expect(tracker.openOrders().map((o) => o.id)).toContain(order.id);
    await tracker.syncAll();
    const billed = await value(api.orders.get({ id: order.id }));
    expect(billed.invoices).toHaveLength(1);
    expect(billed.timeline.at(-1)!.reason).toMatch(/^Invoice .* matches the order/);
    expect(new OrderTracker(ctx).openOrders().map((o) => o.id)).not.toContain(order.id);
  });

  it('refuses to cancel once SRS has shipped, and brings the order up to date', async () => {
    const order = await place(1005);
    await until('shipped at SRS', () => srsStatus(order.transactionId) === 'Shipped');
    const r = await api.orders.cancel({ id: order.id });
    expect(r).toEqual({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/^SRS refused to cancel order #\d+: .*has shipped and can no longer be cancelled/) } });
    expect(srsStatus(order.transactionId)).toBe('Shipped');
    expect((await value(api.orders.get({ id: order.id }))).order.status).toBe('shipped');
  });

  it('backs off when nothing is in flight or nothing changes, and a kick returns to the base interval', async () => {
    const fresh = await w.openContext();
    const tracker = new OrderTracker(fresh);
    let polls = 0;
    const poller = new OrderPoller({ poll: async () => (polls++, tracker.syncAll()), intervalMs: () => 40, log: silentLogger, maxBackoff: 8 });
    expect(poller.nextDelayMs()).toBe(40);
    poller.start();
    await until('three idle polls', () => polls >= 3);
    expect(poller.nextDelayMs()).toBeGreaterThanOrEqual(320);
    poller.kick();
    expect(poller.nextDelayMs()).toBe(40);
    await poller.stop();
  });
});

describe('an order SRS queues (async mode) gets its SRS order number from the poll', () => {
  let w: OrdersWorld;
  beforeAll(async () => {
    w = await ordersWorld({ srs: { orderMode: 'async', asyncDelayMs: 300 } });
  });
  afterAll(async () => w.close());

  it('is submitted with a queue id, and the poll records the order number on its timeline', async () => {
    const ctx = await w.openContext();
    const api = apiFor(ctx);
    await makeSubmittable(api, 1003);
    const r = await value(api.orders.submit({ proposalId: 1003 }));
    if (r.outcome !== 'placed') throw new Error(r.outcome);
    expect(r.order).toMatchObject({ status: 'submitted', supplierOrderId: null, queueId: expect.stringMatching(/^Q-/) });
    await sleep(400);
    const synced = await value(api.orders.sync({}));
    const srsOrder = w.srs.orders().find((o) => o.transactionID === r.order.transactionId)!;
    expect(synced.orders).toEqual([expect.objectContaining({ id: r.order.id, supplierOrderId: srsOrder.orderID })]);
    const d = await value(api.orders.get({ id: r.order.id }));
    expect(d.timeline.some((e) => e.reason === `SRS assigned order number ${srsOrder.orderID}.`)).toBe(true);
  });
});
