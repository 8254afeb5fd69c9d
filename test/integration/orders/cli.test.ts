import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sumCents } from '../../../src-shared/domain/money';
import type { DraftView, OrderDetail, OrderSummary } from '../../../src-shared/ipc/orders';
import { assertBuilt, FIXES_1003, runCli } from './cli-harness';
import { ordersWorld, type OrdersWorld } from './world';

describe('junction convert / orders (built CLI as a child process, sandboxes in the test process)', () => {
  let w: OrdersWorld;
  let env: Record<string, string>;
  beforeAll(async () => {
    assertBuilt();
    w = await ordersWorld();
    env = { ...w.env, JUNCTION_DATA_DIR: join(w.dir, 'cli-data') };
  });
  afterAll(async () => w.close());

  const cli = (...args: string[]) => runCli(env, args);

  it('converts a proposal on a fresh data dir: lines with product, whole sellable quantity, unit, price, source items and problems', async () => {
    const r = await cli('convert', '1003', '--json');
    expect(r.code).toBe(0);
    const { draft } = JSON.parse(r.stdout) as { draft: DraftView };
    const shingles = draft.lines.find((l) => l.sourceItemIds.includes('1000192'))!;
    expect(shingles).toMatchObject({ productId: 70370, quantity: 60, uom: 'BD', sourceItemIds: ['1000192', '1000220'] });
    expect(shingles.problems).toEqual([expect.objectContaining({ code: 'choose-option', blocking: true })]);
    const drip = draft.lines.find((l) => l.sourceItemIds.includes('1000165'))!;
    expect(drip).toMatchObject({ productId: 71322, quantity: 29, uom: 'PC', unitPriceCents: expect.any(Number) });
    expect(draft.totalCents).toBe(sumCents(draft.lines.map((l) => l.extendedCents ?? 0)));
    expect(draft.canSubmit).toBe(false);
  });

  it('a blocked draft is not submitted: non-zero exit with the reasons, nothing at SRS', async () => {
    const r = await cli('convert', '1002', '--submit');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^junction: The order for proposal 2402 cannot be submitted yet \(\d+ problems\): Choose the option of /m);
    expect(w.srs.orders()).toHaveLength(0);
  });

  it('--submit places the order; a second --submit exits non-zero with "already ordered"; --again orders it again', async () => {
    const first = await cli('convert', '1003', '--submit', '--json', ...FIXES_1003);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const { order, draft } = JSON.parse(first.stdout) as { order: OrderSummary; draft: DraftView };
    expect(draft.canSubmit).toBe(true);
    expect(order).toMatchObject({ id: 1, status: 'submitted', transactionId: expect.any(String), supplierOrderId: expect.any(String) });
    expect(w.srs.orders()).toEqual([expect.objectContaining({ transactionID: order.transactionId, orderID: order.supplierOrderId })]);

    const second = await cli('convert', '1003', '--submit', ...FIXES_1003);
    expect(second.code).toBe(1);
    expect(second.stderr.trim()).toBe(`junction: Proposal 2403 was already ordered (order #1, submitted, SRS ${order.supplierOrderId}). Use --again to place a second order.`);
    expect(w.srs.orders()).toHaveLength(1);

    const again = await cli('convert', '1003', '--submit', '--again', '--json', ...FIXES_1003);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).order).toMatchObject({ id: 2, status: 'submitted' });
    expect(w.srs.orders()).toHaveLength(2);
  });

  it('orders list | show | sync', async () => {
    const list = await cli('orders', 'list', '--json');
    expect(list.code).toBe(0);
    const { items } = JSON.parse(list.stdout) as { items: OrderSummary[] };
    expect(items.map((o) => [o.id, o.status, o.proposalNumber])).toEqual([
      [2, 'submitted', '2403'],
      [1, 'submitted', '2403'],
    ]);
    const human = await cli('orders', 'list');
    expect(human.stdout).toMatch(/^#1 {4}submitted {4}SRS \d+ +proposal 2403 Miller re-roof {2}\$[\d,]+\.\d\d$/m);

    const show = await cli('orders', 'show', '1', '--json');
    const detail = JSON.parse(show.stdout) as OrderDetail;
    expect(detail.lines.find((l) => l.productId === 71322)).toMatchObject({ quantity: 29, uom: 'PC', option: 'White', proposed: [expect.objectContaining({ quantity: 95, uom: 'LF' }), expect.anything(), expect.anything()] });
    expect(detail.timeline.map((e) => e.toStatus)).toEqual(['ready', 'submitting', 'submitted']);

    const sync = await cli('orders', 'sync', '--json');
    expect(sync.code).toBe(0);
    expect(JSON.parse(sync.stdout)).toMatchObject({ sent: [], checked: 2, errors: [] });

    const missing = await cli('orders', 'show', '99');
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe('junction: Order #99 does not exist.');
  });

  it('bad arguments exit with code 2 and a one-line reason', async () => {
    const r = await cli('convert', 'abc');
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n').at(-1)).toBe('junction: PROPOSAL_ID must be a positive whole number, got "abc"');
    const s = await cli('orders', 'list', '--status', 'lost');
    expect(s.code).toBe(2);
    expect(s.stderr).toContain('--status must be one of draft, ready, submitting');
  });
});
