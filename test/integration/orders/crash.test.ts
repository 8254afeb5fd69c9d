import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderDetail, OrderSummary } from '../../../src-shared/ipc/orders';
import { CRASH_ENV, CRASH_STEPS, type CrashStep } from '../../../src-main/services/orders/crash-points';
import { assertBuilt, FIXES_1003, runCli } from './cli-harness';
import { ordersWorld, type OrdersWorld } from './world';

/** Orders at SRS right after the kill, before any restart: what each step has (or has not) sent. */
const AT_SRS_AFTER_KILL: Record<CrashStep, number> = {
  'before-commit': 0, // killed before the order was stored: nothing exists anywhere
  'after-commit': 0, // stored with its outbox entry, not sent yet
  'after-srs-stored': 1, // SRS stored it, the answer was never recorded
  'after-answer': 1, // recorded as submitted, the outbox entry not closed yet
};

/** Local orders (their statuses) right after the kill. */
const LOCAL_AFTER_KILL: Record<CrashStep, string[]> = {
  'before-commit': [],
  'after-commit': ['ready'],
  'after-srs-stored': ['submitting'],
  'after-answer': ['submitted'],
};

describe('a submission killed with SIGKILL at each step neither loses nor duplicates an order (built CLI, SRS sandbox in this process)', () => {
  let w: OrdersWorld;
  beforeAll(async () => {
    assertBuilt();
    w = await ordersWorld();
  });
  afterAll(async () => w.close());

  it.each(CRASH_STEPS)('killed %s', async (step) => {
    const env = { ...w.env, JUNCTION_DATA_DIR: join(w.dir, `crash-${step}`) };
    const cli = (args: string[], extra: Record<string, string> = {}) => runCli({ ...env, ...extra }, args);
    const before = new Set(w.srs.orders().map((o) => o.transactionID));
    const newAtSrs = () => w.srs.orders().filter((o) => !before.has(o.transactionID));
    const localOrders = async () => (JSON.parse((await cli(['orders', 'list', '--json'])).stdout) as { items: OrderSummary[] }).items;

    const killed = await cli(['convert', '1003', '--submit', '--json', ...FIXES_1003], { [CRASH_ENV]: step });
    expect(killed, killed.stderr).toMatchObject({ signal: 'SIGKILL' });
    expect(killed.stdout).toBe('');
    expect(newAtSrs()).toHaveLength(AT_SRS_AFTER_KILL[step]);
    expect((await localOrders()).map((o) => o.status)).toEqual(LOCAL_AFTER_KILL[step]);

    // Restart: unfinished submissions are reconciled by transactionID, then sent only if SRS has none.
    const sync = await cli(['orders', 'sync', '--json']);
    expect(sync.code).toBe(0);
    if (step === 'before-commit') {
      // Nothing was stored, so nothing was lost: the user submits again, and it is placed once.
      expect(newAtSrs()).toHaveLength(0);
      const retry = await cli(['convert', '1003', '--submit', '--json', ...FIXES_1003]);
      expect(retry.code).toBe(0);
    }

    const local = await localOrders();
    expect(local).toHaveLength(1);
    expect(local[0]).toMatchObject({ status: 'submitted', supplierOrderId: expect.any(String) });
    const atSrs = newAtSrs();
    expect(atSrs).toEqual([expect.objectContaining({ transactionID: local[0]!.transactionId, orderID: local[0]!.supplierOrderId })]);

    const detail = JSON.parse((await cli(['orders', 'show', String(local[0]!.id), '--json'])).stdout) as OrderDetail;
    if (step === 'after-srs-stored') {
      expect(detail.timeline.at(-1)!.reason).toBe(`SRS already has this order (found by transactionID ${local[0]!.transactionId} after an interrupted submission); not sent again.`);
    }

    // And a later run cannot place it twice either.
    const again = await cli(['convert', '1003', '--submit', ...FIXES_1003]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already ordered');
    expect(newAtSrs()).toHaveLength(1);
  });
});
