import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney } from '../../../src-shared/domain/money';
import type { JunctionApi } from '../../../src-shared/ipc/contract';
import type { AppContext } from '../../../src-main/services/context';
import { apiFor, makeSubmittable, ordersWorld, value, type OrdersWorld } from './world';

const PRICE = 'POST /products/v2/price';

describe('submitting a draft to the SRS sandbox (real HTTP, real SQLite)', () => {
  let w: OrdersWorld;
  let ctx: AppContext;
  let api: JunctionApi;
  beforeAll(async () => {
    w = await ordersWorld();
    ctx = await w.openContext();
    api = apiFor(ctx);
  });
  afterAll(async () => w.close());

  const srsOrders = (transactionId?: string) => w.srs.orders().filter((o) => !transactionId || o.transactionID === transactionId);

  it('places a reviewed draft: one order at SRS with the draft lines, the local order submitted with SRS order id', async () => {
    const d = await makeSubmittable(api, 1003);
    expect(d.canSubmit).toBe(true);
    const r = await value(api.orders.submit({ proposalId: 1003 }));
    if (r.outcome !== 'placed') throw new Error(`not placed: ${r.outcome}`);
    expect(r.order).toMatchObject({ status: 'submitted', proposalNumber: '2403', totalCents: d.totalCents, lineCount: d.lines.length });
    const at = srsOrders(r.order.transactionId);
    expect(at).toHaveLength(1);
    expect(r.order.supplierOrderId).toBe(at[0]!.orderID);

    const detail = await value(api.orders.get({ id: r.order.id }));
    expect(detail.lines.map((l) => [l.productId, l.quantity, l.uom, l.unitPriceCents])).toEqual(d.lines.map((l) => [l.productId, l.quantity, l.uom, l.unitPriceCents]));
    expect(detail.lines[0]!.proposed.length).toBeGreaterThan(0);
    expect(detail.timeline.map((e) => e.toStatus)).toEqual(['ready', 'submitting', 'submitted']);
    expect(detail.header.poNumber).toBe('2403 Miller re-roof');
    // The submitted draft is consumed: opening the proposal again starts over and warns.
    const again = await value(api.orders.draft({ proposalId: 1003 }));
    expect(again.existingOrder).toMatchObject({ id: r.order.id, status: 'submitted' });
  });

  it('warns that a proposal was already ordered (nothing sent) and orders it again only when confirmed', async () => {
    const before = srsOrders().length;
    const first = await value(api.orders.list({ proposalId: 1003 }));
    const warned = await value(api.orders.submit({ proposalId: 1003 }));
    expect(warned).toMatchObject({ outcome: 'already-ordered', existingOrder: { id: first.items[0]!.id }, message: expect.stringContaining('was already ordered') });
    expect(srsOrders()).toHaveLength(before);

    await makeSubmittable(api, 1003);
    const second = await value(api.orders.submit({ proposalId: 1003, again: true }));
    expect(second).toMatchObject({ outcome: 'placed', order: { status: 'submitted' } });
    expect(srsOrders()).toHaveLength(before + 1);
    expect((await value(api.orders.list({ proposalId: 1003 }))).total).toBe(2);
  });

  it('two submissions of one proposal at the same moment (a double click) place one order', async () => {
    await makeSubmittable(api, 1001);
    const before = srsOrders().length;
    const [a, b] = await Promise.all([value(api.orders.submit({ proposalId: 1001 })), value(api.orders.submit({ proposalId: 1001 }))]);
    expect([a.outcome, b.outcome].sort()).toEqual(['already-ordered', 'placed']);
    expect(srsOrders()).toHaveLength(before + 1);
    expect((await value(api.orders.list({ proposalId: 1001 }))).total).toBe(1);
  });

  it('re-checks prices right before submitting: a moved price refuses the submission with the change listed; the reviewed draft then goes through at the new price', async () => {
    const d = await makeSubmittable(api, 1002);
    const first = d.lines.find((l) => l.unitPriceCents !== null)!;
    const before = srsOrders().length;
    // From now on SRS quotes the first line of every price request at $99.99 per unit.
    w.srs.injectFault({ endpoint: PRICE, kind: 'malformed', path: 'productList.0.price', value: 99.99, times: 1000 });
    try {
      const r = await value(api.orders.submit({ proposalId: 1002 }));
      if (r.outcome !== 'changed') throw new Error(`expected changed, got ${r.outcome}`);
      expect(r.changes).toEqual([
        {
          key: first.key,
          productId: first.productId,
          productName: first.productName,
          kind: 'price',
          before: `${formatMoney(first.unitPriceCents!)}/${first.uom}`,
          after: `$99.99/${first.uom}`,
          message: `${first.productName}: price changed from ${formatMoney(first.unitPriceCents!)}/${first.uom} to $99.99/${first.uom}.`,
        },
      ]);
      expect(r.draft.lines.find((l) => l.key === first.key)!.unitPriceCents).toBe(9999);
      expect(srsOrders()).toHaveLength(before);
      expect((await value(api.orders.list({ proposalId: 1002 }))).total).toBe(0);

      const placed = await value(api.orders.submit({ proposalId: 1002 }));
      if (placed.outcome !== 'placed') throw new Error(`expected placed, got ${placed.outcome}`);
      const detail = await value(api.orders.get({ id: placed.order.id }));
      expect(detail.lines.find((l) => l.key === first.key)!.unitPriceCents).toBe(9999);
      expect(srsOrders()).toHaveLength(before + 1);
    } finally {
      w.srs.clearFaults();
    }
  });

  it('a stock change since the draft refuses the submission too', async () => {
    const d = await makeSubmittable(api, 1006);
    const first = d.lines.find((l) => l.stock?.status === 'In Stock')!;
    expect(d.lines[0]!.key).toBe(first.key);
    w.srs.injectFault({ endpoint: PRICE, kind: 'malformed', path: 'productList.0.stockStatus', value: 'Out of Stock', times: 1 });
    const r = await value(api.orders.submit({ proposalId: 1006 }));
    w.srs.clearFaults();
    expect(r).toMatchObject({ outcome: 'changed', changes: [{ key: first.key, kind: 'stock', before: 'in stock', after: 'out of stock (0 available)' }] });
    // The review screen now shows it out of stock, from the refreshed price cache; re-pricing brings the real stock back.
    const shown = await value(api.orders.draft({ proposalId: 1006 }));
    expect(shown.lines[0]!.problems.map((p) => p.code)).toContain('out-of-stock');
    expect((await value(api.orders.reprice({ proposalId: 1006 }))).lines[0]!.stock?.status).toBe('In Stock');
  });

  it('a draft with a blocking problem is refused with the reasons; nothing is stored or sent', async () => {
    const before = srsOrders().length;
    const d = await value(api.orders.draft({ proposalId: 1005, fresh: true }));
    expect(d.canSubmit).toBe(false);
    const r = await api.orders.submit({ proposalId: 1005 });
    expect(r).toEqual({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining(d.blockingReasons[0]!) } });
    expect(srsOrders()).toHaveLength(before);
    expect((await value(api.orders.list({ proposalId: 1005 }))).total).toBe(0);
  });

  it('cancels at SRS while it allows it; a second cancel is refused', async () => {
    await makeSubmittable(api, 1004);
    const r = await value(api.orders.submit({ proposalId: 1004 }));
    if (r.outcome !== 'placed') throw new Error(r.outcome);
    const cancelled = await value(api.orders.cancel({ id: r.order.id, reason: 'customer postponed' }));
    expect(cancelled.order.status).toBe('cancelled');
    expect(cancelled.timeline.at(-1)!.reason).toMatch(/^Cancelled at SRS \(Order Cancelled\)\. Reason: customer postponed$/);
    expect(srsOrders(r.order.transactionId)[0]!.status).toBe('Cancelled');
    expect(await api.orders.cancel({ id: r.order.id })).toEqual({ ok: false, error: { code: 'CONFLICT', message: `Order #${r.order.id} cannot be cancelled: it is already cancelled.` } });
    // A cancelled order no longer counts as "already ordered".
    expect((await value(api.orders.draft({ proposalId: 1004 }))).existingOrder).toBeNull();
  });

  it('amends as cancel + re-place: the amended draft starts as the order was, the old order is cancelled at SRS, the two are linked', async () => {
    await makeSubmittable(api, 1007);
    const placed = await value(api.orders.submit({ proposalId: 1007 }));
    if (placed.outcome !== 'placed') throw new Error(placed.outcome);
    const old = await value(api.orders.get({ id: placed.order.id }));

    const draft = await value(api.orders.amend({ id: old.order.id }));
    expect(draft.amendsOrderId).toBe(old.order.id);
    expect(draft.lines.map((l) => [l.productId, l.option, l.quantity, l.uom])).toEqual(old.lines.map((l) => [l.productId, l.option, l.quantity, l.uom]));
    const target = draft.lines[0]!;
    const edited = await value(api.orders.updateDraft({ proposalId: 1007, lines: [{ key: target.key, set: { quantity: target.quantity! + 5 } }] }));
    expect(edited.canSubmit).toBe(true);

    const r = await value(api.orders.submit({ proposalId: 1007 }));
    if (r.outcome !== 'placed') throw new Error(r.outcome);
    expect(r.order.status).toBe('submitted');
    const oldAfter = await value(api.orders.get({ id: old.order.id }));
    const newOrder = await value(api.orders.get({ id: r.order.id }));
    expect(oldAfter.order.status).toBe('cancelled');
    expect(srsOrders(old.order.transactionId)[0]!.status).toBe('Cancelled');
    expect(srsOrders(r.order.transactionId)).toHaveLength(1);
    expect(newOrder.lines[0]!.quantity).toBe(target.quantity! + 5);
    expect(oldAfter.timeline.filter((e) => e.kind === 'link')).toEqual([expect.objectContaining({ linkKind: 'amended-by', linkOrderId: r.order.id })]);
    expect(newOrder.timeline.filter((e) => e.kind === 'link')).toEqual([expect.objectContaining({ linkKind: 'amends', linkOrderId: old.order.id })]);
  });

  it('emits orders:changed and a notification when an order is sent', async () => {
    const seen: { name: string; payload: unknown }[] = [];
    const off = ctx.events.onAny((name, payload) => seen.push({ name, payload }));
    await makeSubmittable(api, 1008);
    const r = await value(api.orders.submit({ proposalId: 1008 }));
    off();
    if (r.outcome !== 'placed') throw new Error(r.outcome);
    expect(seen.filter((e) => e.name === 'orders:changed').map((e) => (e.payload as { status: string }).status)).toEqual(['ready', 'submitting', 'submitted']);
    expect(seen).toContainEqual({ name: 'orders:notification', payload: expect.objectContaining({ orderId: r.order.id, kind: 'submitted' }) });
  });
});
