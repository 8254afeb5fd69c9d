import type { OrderStatus } from '../../src-shared/domain/order-status';
import { AppError } from '../../src-shared/domain/result';
import type { Logger } from '../log/logger';
import type { OutboxEntry, StoredOrder } from '../store/orders/order-types';
import type { OrdersRepo } from '../store/orders/orders-repo';
import type { OutboxRepo } from '../store/orders/outbox-repo';

export interface SupplierOrderRef {
  supplierOrderId: string | null;
  queueId: string | null;
}

export interface SupplierSubmitAnswer extends SupplierOrderRef {
  /** The supplier already had this transactionID: nothing new was created. */
  alreadySubmitted: boolean;
  message: string | null;
}

/** What the worker needs from a supplier client (the SRS client implements it through srsGateway). */
export interface SupplierGateway {
  /** Display name used in reasons ("SRS"). */
  readonly name: string;
  /** Sends the stored request; a duplicate transactionID answers with the original order. */
  submit(order: StoredOrder, options: { signal?: AbortSignal }): Promise<SupplierSubmitAnswer>;
  /** The supplier's order for this transactionID, or null when it never arrived. */
  lookupByTransactionId(transactionId: string, options: { signal?: AbortSignal }): Promise<SupplierOrderRef | null>;
}

export type OutboxResult = 'submitted' | 'found' | 'already-submitted' | 'retry-scheduled' | 'failed' | 'skipped';

export interface OutboxOutcome {
  entryId: number;
  orderId: number;
  result: OutboxResult;
  status: OrderStatus;
  detail: string;
}

export interface OutboxWorkerOptions {
  orders: OrdersRepo;
  outbox: OutboxRepo;
  gateway: SupplierGateway;
  log: Logger;
  now?: () => Date;
  /** Attempts (claims) before the order is marked failed for a person to look at. */
  maxAttempts?: number;
  /** Wait before the next attempt after a transient failure, by attempts so far. */
  retryDelayMs?: (attempts: number) => number;
  leaseMs?: number;
}

/** Errors after which resending cannot help until a person changes something. */
const PERMANENT = new Set(['VALIDATION', 'NO_PERMISSION', 'NOT_FOUND', 'UNAUTHORIZED', 'NOT_CONFIGURED', 'BAD_REQUEST', 'CONFLICT']);
const AFTER_SUBMISSION: readonly OrderStatus[] = ['submitted', 'acknowledged', 'shipped', 'delivered'];

export const defaultRetryDelayMs = (attempts: number): number => Math.min(5 * 60_000, 5_000 * 2 ** Math.max(0, attempts - 1));

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * Sends outbox entries to the supplier and records the answers on the order's state
 * machine. Never resends blindly: whenever a previous attempt may have reached the
 * supplier (the entry was claimed before, or the order is past `ready`), it looks the
 * order up by transactionID first and only sends when the supplier has none.
 */
export class OutboxWorker {
  private readonly now: () => Date;
  private readonly maxAttempts: number;
  private readonly retryDelayMs: (attempts: number) => number;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();
  private controller = new AbortController();

  constructor(private readonly o: OutboxWorkerOptions) {
    this.now = o.now ?? (() => new Date());
    this.maxAttempts = o.maxAttempts ?? 8;
    this.retryDelayMs = o.retryDelayMs ?? defaultRetryDelayMs;
  }

  /**
   * On start: takes over every unfinished entry, including those a crashed process left in
   * flight, and reconciles them by transactionID before anything is sent. An entry another
   * running Junction process is sending right now is left to it.
   */
  async resume(): Promise<OutboxOutcome[]> {
    return this.pass(this.o.leaseMs, true);
  }

  /** Processes every entry that is due now, one after the other. */
  async drain(leaseMs = this.o.leaseMs): Promise<OutboxOutcome[]> {
    return this.pass(leaseMs, false);
  }

  private async pass(leaseMs: number | undefined, takeOver: boolean): Promise<OutboxOutcome[]> {
    const out: OutboxOutcome[] = [];
    for (;;) {
      const entry = this.o.outbox.claimNext(leaseMs, { takeOver });
      if (!entry) return out;
      out.push(await this.process(entry));
    }
  }

  /** Polls for due entries every `intervalMs` until stop(). */
  start(intervalMs = 5_000): void {
    if (this.timer) return;
    this.controller = new AbortController();
    this.running = this.resume().catch((e: unknown) => this.o.log.error('order outbox resume failed', { error: messageOf(e) }));
    this.timer = setInterval(() => {
      this.running = this.running.then(() => this.drain()).catch((e: unknown) => this.o.log.error('order outbox pass failed', { error: messageOf(e) }));
    }, intervalMs);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.controller.abort();
    await this.running;
  }

  private async process(entry: OutboxEntry): Promise<OutboxOutcome> {
    const { orders, outbox, gateway, log } = this.o;
    const signal = this.controller.signal;
    const order = orders.get(entry.orderId);
    const done = (result: OutboxResult, detail: string): OutboxOutcome => ({ entryId: entry.id, orderId: order.id, result, status: orders.get(order.id).status, detail });

    if (AFTER_SUBMISSION.includes(order.status) || order.status === 'cancelled') {
      // A previous run recorded the answer (or the user cancelled) but died before closing the entry.
      outbox.complete(entry.id);
      return done('skipped', `Order #${order.id} is already ${order.status}; nothing sent.`);
    }

    // Anything but a fresh order may have reached the supplier already.
    const mayBeThere = entry.attempts > 1 || order.status !== 'ready';
    if (order.status === 'ready' || order.status === 'failed' || order.status === 'draft') {
      try {
        orders.transition(order.id, 'submitting', `Sending to ${gateway.name} (attempt ${entry.attempts})`);
      } catch (e) {
        // The user cancelled it between the claim and now: nothing was sent, nothing will be.
        if (!(e instanceof AppError && e.code === 'CONFLICT')) throw e;
        outbox.complete(entry.id);
        return done('skipped', `Order #${order.id} changed to ${orders.get(order.id).status} before it was sent; nothing sent.`);
      }
    }

    try {
      if (mayBeThere) {
        const found = await gateway.lookupByTransactionId(order.transactionId, { signal });
        const elsewhere = this.settledElsewhere(entry, order.id);
        if (elsewhere) return done('skipped', elsewhere);
        if (found) {
          const reason = `${gateway.name} already has this order (found by transactionID ${order.transactionId} after an interrupted submission); not sent again.`;
          orders.transition(order.id, 'submitted', reason, found);
          outbox.complete(entry.id);
          log.info('order reconciled by transactionID', { orderId: order.id, transactionId: order.transactionId });
          return done('found', reason);
        }
      }
      const answer = await gateway.submit(order, { signal });
      const elsewhere = this.settledElsewhere(entry, order.id);
      if (elsewhere) return done('skipped', elsewhere);
      const reason = answer.alreadySubmitted
        ? `${gateway.name} already had transactionID ${order.transactionId}; the original order${answer.supplierOrderId ? ` ${answer.supplierOrderId}` : ''} stands and no second order was placed.`
        : answer.supplierOrderId
          ? `${gateway.name} accepted the order as ${answer.supplierOrderId}.`
          : `${gateway.name} queued the order (queue ${answer.queueId ?? '?'}); its order number follows.`;
      orders.transition(order.id, 'submitted', reason, { supplierOrderId: answer.supplierOrderId, queueId: answer.queueId });
      outbox.complete(entry.id);
      log.info('order submitted', { orderId: order.id, supplierOrderId: answer.supplierOrderId, queueId: answer.queueId });
      return done(answer.alreadySubmitted ? 'already-submitted' : 'submitted', reason);
    } catch (e) {
      return this.recordFailure(entry, order, e);
    }
  }

  /**
   * Set when, while this worker waited for the supplier, another Junction process took the
   * entry over (its lease ran out) or recorded the order's outcome: that one reports it.
   */
  private settledElsewhere(entry: OutboxEntry, orderId: number): string | null {
    const { orders, outbox } = this.o;
    const status = orders.get(orderId).status;
    if (!outbox.holds(entry.id)) return `Order #${orderId} was taken over by another Junction process, which records the outcome; nothing recorded here.`;
    if (AFTER_SUBMISSION.includes(status) || status === 'cancelled') {
      outbox.complete(entry.id);
      return `Order #${orderId} is already ${status} (recorded by another Junction process); nothing recorded here.`;
    }
    return null;
  }

  private recordFailure(entry: OutboxEntry, order: StoredOrder, e: unknown): OutboxOutcome {
    const { orders, outbox, gateway, log } = this.o;
    const message = messageOf(e);
    const outcome = (result: OutboxResult, detail: string): OutboxOutcome => ({ entryId: entry.id, orderId: order.id, result, status: orders.get(order.id).status, detail });
    const elsewhere = this.settledElsewhere(entry, order.id);
    if (elsewhere) return outcome('skipped', elsewhere);
    const permanent = e instanceof AppError && PERMANENT.has(e.code);
    if (permanent || entry.attempts >= this.maxAttempts) {
      const reason = permanent
        ? `${gateway.name} refused the order: ${message}`
        : `${gateway.name} could not be reached after ${entry.attempts} attempts (${message}). Retry the order; it will be looked up by transactionID before anything is resent.`;
      outbox.fail(entry.id, null, message);
      orders.transition(order.id, 'failed', reason);
      log.warn('order submission failed', { orderId: order.id, attempts: entry.attempts, error: message });
      return outcome('failed', reason);
    }
    const retryAt = new Date(this.now().getTime() + this.retryDelayMs(entry.attempts));
    outbox.fail(entry.id, retryAt, message);
    const reason = `Attempt ${entry.attempts} did not complete (${message}); retrying at ${retryAt.toISOString()} after a lookup by transactionID.`;
    orders.note(order.id, reason);
    log.warn('order submission will be retried', { orderId: order.id, attempts: entry.attempts, retryAt: retryAt.toISOString(), error: message });
    return outcome('retry-scheduled', reason);
  }
}
