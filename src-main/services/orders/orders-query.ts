import type { OrderStatus } from '../../../src-shared/domain/order-status';
import type { OrderDetail, OrderSummary } from '../../../src-shared/ipc/orders';
import type { Db } from '../../store/database';
import { OrdersRepo } from '../../store/orders/orders-repo';
import type { StoredOrder } from '../../store/orders/order-types';
import { OrderTrackingRepo } from '../../store/orders/tracking-repo';
import { toLineSourceView } from './source-view';

export interface OrderListFilter {
  status?: OrderStatus | undefined;
  proposalId?: number | undefined;
  supplier?: string | undefined;
  text?: string | undefined;
  offset?: number | undefined;
  limit?: number | undefined;
}

/** SRS allows cancelling until the order ships; a never-sent order is cancelled locally. */
export const CANCELLABLE: readonly OrderStatus[] = ['draft', 'ready', 'failed', 'submitted', 'acknowledged'];

/** Read models of stored orders for the Orders screen, the order detail and the CLI. */
export class OrdersQuery {
  private readonly orders: OrdersRepo;
  private readonly tracking: OrderTrackingRepo;

  constructor(private readonly db: Db) {
    this.orders = new OrdersRepo(db);
    this.tracking = new OrderTrackingRepo(db);
  }

  summary(id: number): OrderSummary {
    return this.toSummary(this.orders.get(id), this.tracking.differenceCounts().get(id) ?? 0);
  }

  list(f: OrderListFilter = {}): { items: OrderSummary[]; total: number } {
    const text = f.text?.trim().toLowerCase() ?? '';
    const all = this.orders
      .list({ ...(f.status ? { status: f.status } : {}), ...(f.proposalId !== undefined ? { proposalId: String(f.proposalId) } : {}) })
      .filter((o) => !f.supplier || o.supplier.toLowerCase() === f.supplier.toLowerCase())
      .filter((o) => !text || [o.proposalNumber, o.proposalName, o.header.poNumber, o.supplierOrderId ?? '', String(o.id)].some((v) => v.toLowerCase().includes(text)));
    const diffs = this.tracking.differenceCounts();
    const offset = f.offset ?? 0;
    const page = all.slice(offset, offset + (f.limit ?? 200));
    return { items: page.map((o) => this.toSummary(o, diffs.get(o.id) ?? 0)), total: all.length };
  }

  detail(id: number): OrderDetail {
    const order = this.orders.get(id);
    return {
      order: this.toSummary(order, this.tracking.differenceCounts().get(id) ?? 0),
      header: order.header,
      lines: this.orders.lines(id).map((l) => ({ ...l, proposed: l.proposed.map(toLineSourceView) })),
      timeline: this.orders.events(id),
      deliveries: this.tracking.deliveries(id),
      invoices: this.tracking.invoices(id),
      canCancel: CANCELLABLE.includes(order.status),
      canAmend: CANCELLABLE.includes(order.status) && order.status !== 'draft',
    };
  }

  private toSummary(o: StoredOrder, invoiceDifferences: number): OrderSummary {
    const t = this.tracking.get(o.id);
    return {
      id: o.id,
      proposalId: Number(o.proposalId),
      proposalNumber: o.proposalNumber,
      proposalName: o.proposalName,
      supplier: o.supplier,
      branchCode: o.branchCode,
      jobAccountNumber: o.jobAccountNumber,
      status: o.status,
      statusReason: o.statusReason,
      transactionId: o.transactionId,
      supplierOrderId: o.supplierOrderId,
      queueId: o.queueId,
      totalCents: o.totalCents,
      currency: o.currency,
      lineCount: o.request.orderLineItemDetails.length,
      eta: t.eta,
      delayed: t.delayed,
      invoiceDifferences,
      lastCheckedAt: t.lastCheckedAt,
      createdAt: o.createdAt,
      updatedAt: o.updatedAt,
    };
  }
}
