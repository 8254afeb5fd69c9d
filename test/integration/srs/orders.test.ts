import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoOrder, startSrs, STATUS, SUBMIT, type SrsHarness } from './harness';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const STEP = 1000;
const ASYNC_DELAY = 500;
/** Waits until `ms` after `t0`: checks land mid-step, so a slow machine does not cross into the next status. */
const at = (t0: number, ms: number) => sleep(Math.max(0, t0 + ms - Date.now()));

describe('SRS submission and tracking against the sandbox', () => {
  let h: SrsHarness;
  beforeEach(async () => {
    h = await startSrs({ statusStepMs: STEP, asyncDelayMs: ASYNC_DELAY });
  });
  afterEach(async () => h.close());

  it('sync mode: the answer carries the orderID', async () => {
    const order = demoOrder();
    const r = await h.client().submitOrder(order);
    expect(r).toMatchObject({ transactionID: order.transactionID, queueID: null, alreadySubmitted: false });
    expect(r.orderID).toMatch(/^\d+$/);
    expect(h.sandbox.orders()).toHaveLength(1);
  });

  it('async mode: a queueID first, the orderID after SRS processes the queue', async () => {
    h.sandbox.configure({ orderMode: 'async' });
    const order = demoOrder();
    const client = h.client();
    await client.branches(); // token first, so t0 is close to the submission
    const t0 = Date.now();
    const r = await client.submitOrder(order);
    expect(r.orderID).toBeNull();
    expect(r.queueID).toMatch(/^Q-/);
    expect(await client.orderStatus({ transactionID: order.transactionID })).toMatchObject({ state: 'queued', orderID: null });
    await at(t0, ASYNC_DELAY + STEP / 2);
    const later = await client.orderStatus({ transactionID: order.transactionID });
    expect(later.state).toBe('received');
    expect(later.orderID).toMatch(/^\d+$/);
  });

  it('a duplicate transactionID is "already submitted" and returns the original order', async () => {
    const order = demoOrder();
    const client = h.client();
    const first = await client.submitOrder(order);
    const again = await client.submitOrder({ ...order, notes: 'sent twice' });
    expect(again).toMatchObject({ alreadySubmitted: true, orderID: first.orderID, transactionID: order.transactionID });
    expect(h.sandbox.orders()).toHaveLength(1);
  });

  it('refuses an order missing what SRS requires, naming each field, and stores nothing', async () => {
    const order = demoOrder({
      jobAccountNumber: undefined as never,
      contact: { name: '', phone: '', address: { addressLine1: '' } },
      lines: [{ productId: 75664, productName: 'Landmark', option: 'Weathered Wood', quantity: 2, uom: 'RL', unitPriceCents: 100, customerItem: '' }],
    });
    const err = (await h.client().submitOrder(order).then(() => new Error('submitted'), (e: unknown) => e)) as Error & { code?: string };
    expect(err.code).toBe('VALIDATION');
    for (const field of [
      'jobAccountNumber is required',
      'customerContactInfo.customerContactName is required',
      'customerContactInfo.customerContactPhone is required',
      'customerContactInfo.customerContactAddress.addressLine1 is required',
      'orderLineItemDetails[0].customerItem must not be empty',
      'orderLineItemDetails[0].uom RL is not a unit of product 75664',
    ]) expect(err.message).toContain(field);
    expect(h.sandbox.orders()).toHaveLength(0);
  });

  it('a dropped connection after SRS stored the order: looked up by transactionID, never sent twice', async () => {
    h.sandbox.injectFault({ endpoint: SUBMIT, kind: 'dropAfterStore' });
    const order = demoOrder();
    const r = await h.client().submitOrder(order);
    expect(r.orderID).toMatch(/^\d+$/);
    expect(h.sandbox.count(SUBMIT)).toBe(1);
    expect(h.sandbox.count(STATUS)).toBe(1);
    expect(h.sandbox.orders()).toHaveLength(1);
  });

  it('a timeout after SRS stored the order: looked up, not resent', async () => {
    h.sandbox.injectFault({ endpoint: SUBMIT, kind: 'latencyAfterStore', ms: 800 });
    const order = demoOrder();
    const r = await h.client({ http: { timeoutMs: 300 } }).submitOrder(order);
    expect(r).toMatchObject({ transactionID: order.transactionID, orderID: expect.stringMatching(/^\d+$/) });
    expect(h.sandbox.count(SUBMIT)).toBe(1);
    expect(h.sandbox.orders()).toHaveLength(1);
  });

  it('a timeout before SRS stored the order: lookup finds nothing, the resend carries the same transactionID, one order', async () => {
    h.sandbox.injectFault({ endpoint: SUBMIT, kind: 'latency', ms: 800 });
    const order = demoOrder();
    const r = await h.client({ http: { timeoutMs: 300 } }).submitOrder(order);
    await sleep(700); // the slow first request now reaches the store and meets the duplicate check
    expect(r.transactionID).toBe(order.transactionID);
    expect(h.sandbox.count(STATUS)).toBe(1);
    expect(h.sandbox.orders()).toHaveLength(1);
  });

  it('a 500 before anything was stored: lookup finds nothing, one resend, one order', async () => {
    h.sandbox.injectFault({ endpoint: SUBMIT, kind: 'status500' });
    const r = await h.client().submitOrder(demoOrder());
    expect(r.orderID).toMatch(/^\d+$/);
    expect(h.sandbox.count(SUBMIT)).toBe(2);
    expect(h.sandbox.count(STATUS)).toBe(1);
    expect(h.sandbox.orders()).toHaveLength(1);
  });

  it('a 429 on submit waits for Retry-After, looks up, then sends once more', async () => {
    h.sandbox.injectFault({ endpoint: SUBMIT, kind: 'status429', retryAfterSeconds: 0.5 });
    const started = Date.now();
    await h.client().submitOrder(demoOrder());
    expect(Date.now() - started).toBeGreaterThanOrEqual(450);
    expect(h.sandbox.count(SUBMIT)).toBe(2);
    expect(h.sandbox.orders()).toHaveLength(1);
  });

  it('when the lookup also fails, it stops without resending and says the outcome is unknown', async () => {
    h.sandbox.injectFault({ endpoint: SUBMIT, kind: 'dropAfterStore' });
    h.sandbox.injectFault({ endpoint: STATUS, kind: 'status500', times: 20 });
    const order = demoOrder();
    await expect(h.client({ http: { maxAttempts: 2 } }).submitOrder(order)).rejects.toMatchObject({
      code: 'VENDOR_UNAVAILABLE',
      message: expect.stringContaining(`SRS did not confirm order ${order.transactionID}`),
    });
    expect(h.sandbox.count(SUBMIT)).toBe(1);
    // Later, with checkFirst, the stored order is found and not sent again.
    h.sandbox.clearFaults();
    const r = await h.client().submitOrder(order, { checkFirst: true });
    expect(r.alreadySubmitted).toBe(true);
    expect(h.sandbox.count(SUBMIT)).toBe(1);
    expect(h.sandbox.orders()).toHaveLength(1);
  });

  it('status progresses received → acknowledged → shipped → delivered, with deliveries, proof of delivery and invoices', async () => {
    const client = h.client();
    const order = demoOrder();
    await client.branches(); // token first, so t0 is close to the submission
    const t0 = Date.now();
    const { orderID } = await client.submitOrder(order);
    expect((await client.orderStatus({ orderID: orderID! })).state).toBe('received');
    expect(await client.deliveries({ orderID: orderID! })).toEqual([]);
    await at(t0, 1.5 * STEP);
    expect((await client.orderStatus({ transactionID: order.transactionID })).state).toBe('acknowledged');
    const [scheduled] = await client.deliveries({ orderID: orderID! });
    expect(scheduled).toMatchObject({ status: 'Scheduled', proofOfDelivery: null });
    expect(Date.parse(scheduled!.eta!)).toBeGreaterThan(Date.now());
    await at(t0, 2.5 * STEP);
    expect((await client.orderStatus({ orderID: orderID! })).state).toBe('shipped');
    const [invoice] = await client.invoices({ orderID: orderID! });
    expect(invoice!.subtotalCents).toBe(30 * 3861);
    expect(invoice!.totalCents).toBe(invoice!.subtotalCents! + invoice!.taxCents!);
    expect(invoice!.lines).toEqual([{ productId: 75664, productName: 'CertainTeed Landmark Shingles', quantity: 30, uom: 'BD', unitPriceCents: 3861 }]);
    await expect(client.cancelOrder({ orderID: orderID! })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('can no longer be cancelled') });
    await at(t0, 3.5 * STEP);
    expect((await client.orderStatus({ orderID: orderID! })).state).toBe('delivered');
    const pod = await client.proofOfDelivery({ orderID: orderID! });
    expect(pod).toMatchObject({ signedBy: 'John Dough' });
    expect(pod.photos[0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/srs\/deliveries\//);
    const details = await client.orderDetails({ orderID: orderID! });
    expect(details.history.map((x) => x.status)).toEqual(['Submitted', 'Received', 'Acknowledged', 'Shipped', 'Delivered']);
    expect(details.totalCents).toBe(30 * 3861);
  });

  it('cancels while allowed', async () => {
    const client = h.client();
    const order = demoOrder();
    await client.submitOrder(order);
    await expect(client.cancelOrder({ transactionID: order.transactionID }, 'customer changed mind')).resolves.toMatchObject({ status: 'Cancelled' });
    expect((await client.orderStatus({ transactionID: order.transactionID })).state).toBe('cancelled');
  });

  it('orders survive a sandbox restart (state on disk)', async () => {
    const client = h.client();
    const order = demoOrder();
    const { orderID } = await client.submitOrder(order);
    await h.restart();
    await expect(client.orderStatus({ transactionID: order.transactionID })).resolves.toMatchObject({ orderID });
    await expect(client.submitOrder(order)).resolves.toMatchObject({ alreadySubmitted: true, orderID });
    expect(h.sandbox.orders()).toHaveLength(1);
  });

  it('an unknown order is NOT_FOUND', async () => {
    await expect(h.client().orderStatus({ transactionID: 'no-such' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
