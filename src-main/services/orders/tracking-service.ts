import type { OrderStatus } from '../../../src-shared/domain/order-status';
import type { StoredOrder } from '../../store/orders/order-types';
import { OrderTrackingRepo, type DeliveryRecord, type TrackingState } from '../../store/orders/tracking-repo';
import type { SrsOrderState } from '../../vendors/srs/types';
import type { Core } from '../context';
import { srsClient } from '../srs/srs-client';
import { matchInvoice } from './invoice-match';
import { ObservedOrdersRepo, OrderNotifier } from './order-events';

export type TrackingCore = Pick<Core, 'db' | 'vendors' | 'log' | 'settings'> & { events?: Core['events'] | null };

/** Orders SRS has and that can still change. */
export const TRACKED: readonly OrderStatus[] = ['submitted', 'acknowledged', 'shipped'];
const PATH: readonly OrderStatus[] = ['submitted', 'acknowledged', 'shipped', 'delivered'];
const TARGET: Partial<Record<SrsOrderState, OrderStatus>> = { acknowledged: 'acknowledged', shipped: 'shipped', delivered: 'delivered' };
/** A delivered order is still asked for its invoice for this long, since SRS often bills after delivery. */
const INVOICE_WAIT_MS = 30 * 24 * 3600_000;

/** "Nov 30, 2026, 5:03 AM" for a timeline note; the raw value when it is not a date. */
export function formatWhen(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : new Date(t).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });
}

export interface SyncOutcome {
  orderId: number;
  changed: boolean;
  error: string | null;
}

/**
 * Polls SRS for one order: status (moving the state machine step by step so the timeline
 * shows each), the order number of an async submission, deliveries (ETA, proof of delivery,
 * delays) and invoices (matched against the order, differences flagged).
 */
export class OrderTracker {
  private readonly orders: ObservedOrdersRepo;
  private readonly tracking: OrderTrackingRepo;
  private readonly notifier: OrderNotifier;

  constructor(
    private readonly core: TrackingCore,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.notifier = new OrderNotifier(core.events ?? null, now);
    this.orders = new ObservedOrdersRepo(core.db, this.notifier, undefined, { now });
    this.tracking = new OrderTrackingRepo(core.db);
  }

  /** Orders still moving at SRS, or delivered and still waiting for their invoice, oldest first. */
  openOrders(): StoredOrder[] {
    return this.orders.list().filter((o) => TRACKED.includes(o.status) || this.awaitingInvoice(o)).reverse();
  }

  private awaitingInvoice(order: StoredOrder): boolean {
    return (
      order.status === 'delivered' &&
      this.now().getTime() - Date.parse(order.updatedAt) < INVOICE_WAIT_MS &&
      this.tracking.invoices(order.id).length === 0
    );
  }

  async syncAll(): Promise<SyncOutcome[]> {
    const out: SyncOutcome[] = [];
    for (const o of this.openOrders()) out.push(await this.syncSafely(o.id));
    return out;
  }

  /** Like sync, but a vendor failure is recorded on the order instead of stopping the other orders. */
  async syncSafely(orderId: number): Promise<SyncOutcome> {
    try {
      return { orderId, changed: await this.sync(orderId), error: null };
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      this.tracking.save({ ...this.tracking.get(orderId), lastError: message, lastCheckedAt: this.now().toISOString() });
      this.core.log.warn('order status poll failed', { orderId, error: message });
      return { orderId, changed: false, error: message };
    }
  }

  /** Polls SRS for the order; true when anything the user sees changed. */
  async sync(orderId: number): Promise<boolean> {
    const order = this.orders.get(orderId);
    if (this.awaitingInvoice(order)) return this.syncInvoicesOnly(order);
    if (!TRACKED.includes(order.status)) return false;
    const client = srsClient(this.core);
    const ref = { transactionID: order.transactionId };
    const at = this.now().toISOString();
    const state = this.tracking.get(orderId);
    let changed = false;

    // Ask SRS everything first, then record it in one transaction: a reader never sees
    // "delivered" without its proof of delivery, or a half-recorded invoice.
    const s = await client.orderStatus(ref);
    const reached = PATH.indexOf(TARGET[s.state] ?? 'submitted');
    const deliveries = reached >= PATH.indexOf('acknowledged') ? await client.deliveries(ref) : null;
    const invoices = reached >= PATH.indexOf('shipped') ? await client.invoices(ref) : null;
    this.core.db.transaction(() => {
      if (s.orderID && !order.supplierOrderId) {
        this.tracking.setSupplierOrderId(orderId, s.orderID, at);
        this.orders.note(orderId, `SRS assigned order number ${s.orderID}.`);
        changed = true;
      }
      changed = this.follow(order, s.state, s.srsStatus) || changed;
      state.supplierStatus = s.srsStatus;
      if (deliveries) changed = this.recordDeliveries(order, state, deliveries, at) || changed;
      if (invoices) changed = this.recordInvoices(order, invoices, at) || changed;
      state.lastCheckedAt = at;
      state.lastError = null;
      this.tracking.save(state);
    })();
    if (changed) this.notifier.changed(orderId, this.orders.get(orderId).status, order.status, 'Updated from SRS');
    return changed;
  }

  private async syncInvoicesOnly(order: StoredOrder): Promise<boolean> {
    const invoices = await srsClient(this.core).invoices({ transactionID: order.transactionId });
    const at = this.now().toISOString();
    const changed = this.core.db.transaction(() => this.recordInvoices(order, invoices, at))();
    if (changed) this.notifier.changed(order.id, order.status, order.status, 'Invoice from SRS');
    return changed;
  }

  /** Moves the order to what SRS reports, one allowed step at a time. */
  private follow(order: StoredOrder, srsState: SrsOrderState, srsStatus: string): boolean {
    if (srsState === 'cancelled') {
      if (order.status === 'shipped') return false;
      this.orders.transition(order.id, 'cancelled', `SRS reports the order cancelled (SRS status "${srsStatus}").`);
      return true;
    }
    const target = TARGET[srsState];
    if (!target) return false;
    const from = PATH.indexOf(order.status);
    const to = PATH.indexOf(target);
    for (let i = from + 1; i <= to; i++) {
      const step = PATH[i]!;
      this.orders.transition(order.id, step, step === target ? `SRS reports the order ${step} (SRS status "${srsStatus}").` : `SRS reports the order ${target}, so it was ${step}.`);
    }
    return to > from;
  }

  private recordDeliveries(order: StoredOrder, state: TrackingState, list: Awaited<ReturnType<ReturnType<typeof srsClient>['deliveries']>>, at: string): boolean {
    let changed = false;
    const before = new Map(this.tracking.deliveries(order.id).map((d) => [d.deliveryId, d]));
    for (const d of list) {
      const rec: DeliveryRecord = { deliveryId: d.deliveryID, status: d.status, eta: d.eta, deliveredAt: d.deliveredAt, proofOfDelivery: d.proofOfDelivery, updatedAt: at };
      const old = before.get(rec.deliveryId);
      if (!old || old.status !== rec.status || old.eta !== rec.eta || old.deliveredAt !== rec.deliveredAt || JSON.stringify(old.proofOfDelivery) !== JSON.stringify(rec.proofOfDelivery)) {
        this.tracking.saveDelivery(order.id, rec);
        changed = true;
        if (rec.proofOfDelivery && !old?.proofOfDelivery) {
          this.orders.note(order.id, `Delivered${rec.proofOfDelivery.signedBy ? `, signed by ${rec.proofOfDelivery.signedBy}` : ''}; proof of delivery has ${rec.proofOfDelivery.photos.length} photo${rec.proofOfDelivery.photos.length === 1 ? '' : 's'}.`);
        }
      }
    }
    const pending = list.filter((d) => !d.deliveredAt && d.eta).map((d) => d.eta!);
    const eta = pending.length ? pending.reduce((a, b) => (Date.parse(a) <= Date.parse(b) ? a : b)) : (list.find((d) => d.eta)?.eta ?? null);
    if (eta !== state.eta) {
      if (state.eta && eta && Date.parse(eta) > Date.parse(state.eta)) {
        this.delayed(order, state, `SRS moved the delivery from ${formatWhen(state.eta)} to ${formatWhen(eta)}.`);
      }
      else if (eta) this.orders.note(order.id, `SRS expects to deliver on ${formatWhen(eta)}.`);
      state.eta = eta;
      changed = true;
    }
    const overdue = pending.length > 0 && eta !== null && Date.parse(eta) < this.now().getTime();
    if (overdue && !state.delayed) {
      this.delayed(order, state, `The delivery expected on ${formatWhen(eta)} has not arrived yet.`);
      changed = true;
    }
    return changed;
  }

  private delayed(order: StoredOrder, state: TrackingState, why: string): void {
    state.delayed = true;
    this.orders.note(order.id, `Delayed: ${why}`);
    this.notifier.notify(order.id, 'delayed', `Order for proposal ${order.proposalNumber} delayed`, why);
  }

  private recordInvoices(order: StoredOrder, list: Awaited<ReturnType<ReturnType<typeof srsClient>['invoices']>>, at: string): boolean {
    const known = new Map(this.tracking.invoices(order.id).map((i) => [i.invoiceNumber, i]));
    const ordered = this.orders.lines(order.id);
    let changed = false;
    for (const inv of list) {
      const old = known.get(inv.invoiceNumber);
      if (old && old.totalCents === inv.totalCents && JSON.stringify(old.lines) === JSON.stringify(inv.lines)) continue;
      const differences = matchInvoice(ordered, { lines: inv.lines, subtotalCents: inv.subtotalCents }, order.currency);
      this.tracking.saveInvoice(order.id, { invoiceNumber: inv.invoiceNumber, invoiceDate: inv.invoiceDate, subtotalCents: inv.subtotalCents, taxCents: inv.taxCents, totalCents: inv.totalCents, lines: inv.lines, differences, updatedAt: at });
      changed = true;
      const summary = differences.length === 0 ? 'matches the order' : `has ${differences.length} difference${differences.length === 1 ? '' : 's'} from the order: ${differences.map((d) => d.message).join(' ')}`;
      this.orders.note(order.id, `Invoice ${inv.invoiceNumber} ${summary}`);
      if (differences.length > 0) {
        this.notifier.notify(order.id, 'invoice-differences', `Invoice ${inv.invoiceNumber} differs from the order for proposal ${order.proposalNumber}`, differences.map((d) => d.message).join(' '));
      }
    }
    return changed;
  }
}
