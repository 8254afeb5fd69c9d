import type { Contract } from '../../../src-shared/ipc/contract';
import type { AppContext } from '../context';
import type { Handler } from '../ipc/dispatch';
import { DraftService } from './draft-service';
import { OrderActions } from './order-actions';
import { OrdersQuery } from './orders-query';
import { createOutbox, sendUntilSettled } from './outbox-runner';
import { ordersRuntimeOf } from './runtime';
import { SubmissionService, type SendOrder } from './submission-service';
import { OrderTracker } from './tracking-service';

type OrdersChannel = Extract<keyof Contract, `orders:${string}`>;

/** The orders:* channels, bound to the order services. Spread into createHandlers. */
export function ordersHandlers(ctx: AppContext): { [K in OrdersChannel]: Handler<Contract[K]> } {
  const drafts = new DraftService(ctx);
  const query = new OrdersQuery(ctx.db);
  const actions = new OrderActions(ctx);
  // The host's background worker sends when it runs; otherwise this call sends it itself.
  const send: SendOrder = (orderId) => ordersRuntimeOf(ctx)?.send(orderId) ?? sendUntilSettled(createOutbox(ctx), orderId, { timeoutMs: 20_000 });
  const submission = new SubmissionService(ctx, send);
  const sync = async (id?: number) => {
    const runtime = ordersRuntimeOf(ctx);
    const tracker = new OrderTracker(ctx);
    return runtime ? runtime.syncNow(id) : id === undefined ? tracker.syncAll() : [await tracker.syncSafely(id)];
  };
  return {
    'orders:draft': ({ proposalId, ...choices }) => drafts.open(proposalId, choices),
    'orders:updateDraft': ({ proposalId, ...req }) => drafts.update(proposalId, req),
    'orders:confirmMapping': ({ proposalId, key, productId, option }) => drafts.confirmMapping(proposalId, key, productId, option),
    'orders:reprice': ({ proposalId }) => drafts.reprice(proposalId),
    'orders:submit': ({ proposalId, again }) => submission.submit(proposalId, { again }),
    'orders:list': (req) => query.list(req),
    'orders:get': ({ id }) => query.detail(id),
    'orders:cancel': ({ id, reason }) => actions.cancel(id, reason),
    'orders:amend': ({ id }) => actions.amend(id),
    'orders:sync': async ({ id }) => {
      if (id !== undefined) query.summary(id);
      const outcomes = await sync(id);
      return { checked: outcomes.length, changed: outcomes.filter((o) => o.changed).length, orders: outcomes.map((o) => query.summary(o.orderId)) };
    },
  };
}
