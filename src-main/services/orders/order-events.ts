import type { OrderStatus } from '../../../src-shared/domain/order-status';
import type { OrderNotification } from '../../../src-shared/ipc/orders';
import { OrdersRepo, type OrdersRepoOptions, type TransitionPatch } from '../../store/orders/orders-repo';
import type { StoredOrder } from '../../store/orders/order-types';
import type { Db } from '../../store/database';
import type { Core } from '../context';
import type { CrashPoint } from './crash-points';

/** Tells the renderer(s) that an order changed, and what the user should hear about. */
export class OrderNotifier {
  constructor(
    private readonly events: Core['events'] | null,
    private readonly now: () => Date = () => new Date(),
  ) {}

  changed(orderId: number, status: OrderStatus, previousStatus: OrderStatus | null, reason: string): void {
    this.events?.emit('orders:changed', { orderId, status, previousStatus, reason });
  }

  notify(orderId: number, kind: OrderNotification['kind'], title: string, message: string): void {
    this.events?.emit('orders:notification', { orderId, kind, title, message, at: this.now().toISOString() });
  }
}

const NOTIFY_ON: Partial<Record<OrderStatus, { kind: OrderNotification['kind']; title: (o: StoredOrder) => string }>> = {
  submitted: { kind: 'submitted', title: (o) => `Order for proposal ${o.proposalNumber} sent to SRS` },
  acknowledged: { kind: 'acknowledged', title: (o) => `SRS acknowledged the order for proposal ${o.proposalNumber}` },
  delivered: { kind: 'delivered', title: (o) => `Order for proposal ${o.proposalNumber} delivered` },
  failed: { kind: 'failed', title: (o) => `Order for proposal ${o.proposalNumber} failed` },
  cancelled: { kind: 'cancelled', title: (o) => `Order for proposal ${o.proposalNumber} cancelled` },
};

/**
 * The orders repository as the services use it: every status change is announced (event +
 * notification), and the test-only crash point "after-answer" fires once SRS's answer is
 * recorded (the order is submitted) but before the outbox entry is closed.
 */
export class ObservedOrdersRepo extends OrdersRepo {
  constructor(
    db: Db,
    private readonly notifier: OrderNotifier,
    private readonly crash: CrashPoint = () => {},
    options: OrdersRepoOptions = {},
  ) {
    super(db, options);
  }

  override transition(orderId: number, to: OrderStatus, reason: string, patch: TransitionPatch = {}): StoredOrder {
    const from = this.get(orderId).status;
    const order = super.transition(orderId, to, reason, patch);
    if (to === 'submitted') this.crash('after-answer');
    this.notifier.changed(orderId, to, from, reason);
    const n = NOTIFY_ON[to];
    if (n) this.notifier.notify(orderId, n.kind, n.title(order), reason);
    return order;
  }
}
