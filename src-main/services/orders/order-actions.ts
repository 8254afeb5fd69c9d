import { AppError } from '../../../src-shared/domain/result';
import type { DraftView, OrderDetail } from '../../../src-shared/ipc/orders';
import type { LineOverride } from '../../orders/types';
import { emptyDraftState } from '../../store/orders/drafts-repo';
import type { Core } from '../context';
import { srsClient } from '../srs/srs-client';
import { DraftService } from './draft-service';
import { ObservedOrdersRepo, OrderNotifier } from './order-events';
import { CANCELLABLE, OrdersQuery } from './orders-query';
import { OrderTracker } from './tracking-service';

export type ActionsCore = Pick<Core, 'db' | 'vendors' | 'log' | 'settings' | 'jobs'> & { events?: Core['events'] | null };

/** Cancel (SRS cancel call while it allows it) and amend (a draft that cancels and re-places the order). */
export class OrderActions {
  private readonly orders: ObservedOrdersRepo;
  private readonly query: OrdersQuery;

  constructor(private readonly core: ActionsCore) {
    this.orders = new ObservedOrdersRepo(core.db, new OrderNotifier(core.events ?? null));
    this.query = new OrdersQuery(core.db);
  }

  async cancel(orderId: number, reason = ''): Promise<OrderDetail> {
    const order = this.orders.get(orderId);
    if (!CANCELLABLE.includes(order.status)) {
      const why =
        order.status === 'submitting'
          ? 'it is being sent to SRS right now; try again in a moment'
          : order.status === 'cancelled'
            ? 'it is already cancelled'
            : `it has ${order.status} and SRS no longer allows cancelling it`;
      throw new AppError('CONFLICT', `Order #${orderId} cannot be cancelled: ${why}.`);
    }
    const note = reason.trim() ? ` Reason: ${reason.trim()}` : '';
    const atSrs = order.status === 'submitted' || order.status === 'acknowledged' || (order.status === 'failed' && (await srsClient(this.core).findOrder(order.transactionId)) !== null);
    if (!atSrs) {
      this.orders.transition(orderId, 'cancelled', `Cancelled before it reached SRS.${note}`);
      return this.query.detail(orderId);
    }
    try {
      const answer = await srsClient(this.core).cancelOrder({ transactionID: order.transactionId }, reason);
      this.orders.transition(orderId, 'cancelled', `Cancelled at SRS${answer.message ? ` (${answer.message})` : ''}.${note}`);
    } catch (e) {
      if (e instanceof AppError && e.code === 'CONFLICT') {
        // SRS refused (it shipped meanwhile): bring the order up to date so the user sees why.
        await new OrderTracker(this.core).syncSafely(orderId);
        throw new AppError('CONFLICT', `SRS refused to cancel order #${orderId}: ${e.message}`);
      }
      throw e;
    }
    return this.query.detail(orderId);
  }

  /**
   * Opens a draft for the order's proposal that starts as the order was placed (its lines,
   * quantities, units and header). Submitting it cancels this order at SRS and places the
   * new one, linked both ways on the timelines.
   */
  async amend(orderId: number): Promise<DraftView> {
    const order = this.orders.get(orderId);
    if (!CANCELLABLE.includes(order.status) || order.status === 'draft') {
      throw new AppError('CONFLICT', `Order #${orderId} is ${order.status}; only an order SRS can still cancel can be amended.`);
    }
    const drafts = new DraftService(this.core);
    const proposalId = Number(order.proposalId);
    const lines = this.orders.lines(orderId);
    const overrides: Record<string, LineOverride> = {};
    for (const l of lines) {
      overrides[l.key] = { product: { productId: l.productId, option: l.option }, uom: l.uom, quantity: l.quantity };
    }
    const h = order.header;
    const state = {
      ...emptyDraftState(),
      branchCode: order.branchCode,
      jobAccountNumber: order.jobAccountNumber,
      overrides,
      amendsOrderId: orderId,
      header: { poNumber: h.poNumber, reference: h.reference, jobNumber: h.jobNumber, delivery: h.delivery, notes: h.notes, shipTo: h.shipTo, contact: h.contact, customerItem: h.customerItem },
    };
    // Lines of today's proposal that the order did not have stay off the amended order.
    const built = await drafts.build(proposalId, state, {});
    const ordered = new Set(lines.map((l) => l.key));
    for (const l of built.draft.lines) if (!ordered.has(l.key)) state.overrides[l.key] = { removed: true };
    return (await drafts.buildAndSave(proposalId, state, {})).view;
  }
}
