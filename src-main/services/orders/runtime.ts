import type { Core } from '../context';
import { createOutbox, sendUntilSettled, type OutboxSetup } from './outbox-runner';
import { OrderPoller } from './status-poller';
import type { SendOrder } from './submission-service';
import { OrderTracker, type SyncOutcome } from './tracking-service';

/** The background order work of a long-running host (desktop app, web host). */
export interface OrdersRuntime {
  /** Nudges the worker to send a just-stored order and waits (briefly) for SRS's answer. */
  send: SendOrder;
  /** Polls now (one order or every open one) and resets the poll backoff. */
  syncNow(orderId?: number): Promise<SyncOutcome[]>;
  stop(): Promise<void>;
}

export interface RuntimeOptions {
  /** Overrides settings `orderPollSeconds` (tests). */
  pollIntervalMs?: number;
  workerIntervalMs?: number;
  /** How long `send` waits for SRS's answer before returning the order as "submitting". */
  sendWaitMs?: number;
}

const runtimes = new WeakMap<object, OrdersRuntime>();

/** The runtime started for this context (keyed by its database), if any; one-shot CLI commands have none. */
export function ordersRuntimeOf(core: Pick<Core, 'db'>): OrdersRuntime | null {
  return runtimes.get(core.db) ?? null;
}

/**
 * Starts the outbox worker (which first resumes and reconciles whatever a previous run
 * left unfinished) and the status poller.
 */
export function startOrdersRuntime(core: Core, o: RuntimeOptions = {}): OrdersRuntime {
  const outbox: OutboxSetup = createOutbox(core);
  const tracker = new OrderTracker(core);
  const poller = new OrderPoller({
    poll: () => tracker.syncAll(),
    intervalMs: () => o.pollIntervalMs ?? core.settings.get().orderPollSeconds * 1000,
    log: core.log.child('orders.poll'),
  });
  outbox.worker.start(o.workerIntervalMs ?? 5_000);
  poller.start();
  const runtime: OrdersRuntime = {
    async send(orderId) {
      const order = await sendUntilSettled(outbox, orderId, { timeoutMs: o.sendWaitMs ?? 20_000 });
      poller.kick();
      return order;
    },
    async syncNow(orderId) {
      poller.kick();
      return orderId === undefined ? tracker.syncAll() : [await tracker.syncSafely(orderId)];
    },
    async stop() {
      runtimes.delete(core.db);
      await Promise.all([outbox.worker.stop(), poller.stop()]);
    },
  };
  runtimes.set(core.db, runtime);
  return runtime;
}
