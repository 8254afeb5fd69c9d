import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src-main/log/logger';
import { createAppContext } from '../../../src-main/services/context';
import { ordersRuntimeOf } from '../../../src-main/services/orders/runtime';
import { SubmissionService } from '../../../src-main/services/orders/submission-service';
import { OrdersRepo } from '../../../src-main/store/orders/orders-repo';
import { openHeadlessVault } from '../../../src-main/vault/open-vault';
import { apiFor, makeSubmittable, ordersWorld, value, type OrdersWorld } from './world';

describe('the desktop app / web host context runs the order worker in the background', () => {
  let w: OrdersWorld;
  beforeAll(async () => {
    w = await ordersWorld();
  });
  afterAll(async () => w.close());

  it('resumes a submission an earlier run stored but never sent, sends it exactly once, and stops with the context', async () => {
    const dataDir = join(w.dir, 'app');
    const open = (background: boolean) => createAppContext({ dataDir, env: w.env, vault: openHeadlessVault(dataDir, w.env), log: silentLogger, sandbox: 'off', background });

    const first = await open(false);
    expect(ordersRuntimeOf(first)).toBeNull();
    await makeSubmittable(apiFor(first), 1003);
    // This run stores the order (one transaction with its outbox entry) and ends before sending it.
    const stored = await new SubmissionService(first, async (id) => new OrdersRepo(first.db).get(id)).submit(1003);
    if (stored.outcome !== 'placed') throw new Error(stored.outcome);
    expect(stored.order.status).toBe('ready');
    await first.close();
    expect(w.srs.orders()).toHaveLength(0);

    const app = await open(true);
    expect(ordersRuntimeOf(app)).not.toBeNull();
    const api = apiFor(app);
    let order = await value(api.orders.get({ id: stored.order.id }));
    for (let i = 0; i < 250 && order.order.status !== 'submitted'; i++) {
      await sleep(20);
      order = await value(api.orders.get({ id: stored.order.id }));
    }
    expect(order.order).toMatchObject({ status: 'submitted', supplierOrderId: expect.any(String) });
    expect(w.srs.orders()).toEqual([expect.objectContaining({ transactionID: stored.order.transactionId })]);
    await app.close();
    expect(ordersRuntimeOf(app)).toBeNull();
  });
});
