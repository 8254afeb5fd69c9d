import { setTimeout as sleep } from 'node:timers/promises';
import { OutboxWorker, type SupplierGateway } from '../../orders/outbox-worker';
import { srsGateway } from '../../orders/srs-gateway';
import type { StoredOrder } from '../../store/orders/order-types';
import { OutboxRepo } from '../../store/orders/outbox-repo';
import type { Core } from '../context';
import { srsClient } from '../srs/srs-client';
import { crashPoints, type CrashPoint } from './crash-points';
import { ObservedOrdersRepo, OrderNotifier } from './order-events';

export type OutboxCore = Pick<Core, 'db' | 'vendors' | 'log' | 'settings' | 'env'> & { events?: Core['events'] | null };

/** The SRS gateway with the test-only crash point between "SRS stored the order" and "the answer is recorded". */
function crashAwareGateway(gateway: SupplierGateway, crash: CrashPoint): SupplierGateway {
  return {
    name: gateway.name,
    lookupByTransactionId: (id, o) => gateway.lookupByTransactionId(id, o),
    async submit(order, o) {
      const answer = await gateway.submit(order, o);
      crash('after-srs-stored');
      return answer;
    },
  };
}

export interface OutboxSetup {
  worker: OutboxWorker;
  orders: ObservedOrdersRepo;
  outbox: OutboxRepo;
}

/** The outbox worker that sends stored orders to SRS (the client is resolved per attempt, so settings changes apply). */
export function createOutbox(core: OutboxCore, o: { retryDelayMs?: (attempts: number) => number } = {}): OutboxSetup {
  const crash = crashPoints(core.env);
  const orders = new ObservedOrdersRepo(core.db, new OrderNotifier(core.events ?? null), crash);
  const outbox = new OutboxRepo(core.db);
  const gateway: SupplierGateway = {
    name: 'SRS',
    submit: (order, opts) => srsGateway(srsClient(core)).submit(order, opts),
    lookupByTransactionId: (id, opts) => srsGateway(srsClient(core)).lookupByTransactionId(id, opts),
  };
  const worker = new OutboxWorker({
    orders,
    outbox,
    gateway: crashAwareGateway(gateway, crash),
    log: core.log.child('outbox'),
    ...(o.retryDelayMs ? { retryDelayMs: o.retryDelayMs } : {}),
  });
  return { worker, orders, outbox };
}

const UNSETTLED = new Set(['draft', 'ready', 'submitting']);

/**
 * Works the outbox until the order is sent (or failed for good), waiting out scheduled
 * retries, for at most `timeoutMs`. Returns the order as it then stands.
 */
export async function sendUntilSettled(setup: OutboxSetup, orderId: number, o: { timeoutMs: number; resume?: boolean }): Promise<StoredOrder> {
  const deadline = Date.now() + o.timeoutMs;
  if (o.resume) await setup.worker.resume();
  for (;;) {
    await setup.worker.drain();
    const order = setup.orders.get(orderId);
    if (!UNSETTLED.has(order.status)) return order;
    const entries = setup.outbox.forOrder(orderId);
    // Another worker of this process (the app's background one) may be sending it right now.
    const inFlight = entries.some((e) => e.status === 'in_flight');
    const next = inFlight ? Date.now() + 100 : entries.filter((e) => e.status === 'pending').map((e) => Date.parse(e.availableAt)).sort((a, b) => a - b)[0];
    if (next === undefined || next > deadline) return order;
    await sleep(Math.max(0, next - Date.now()) + 10);
  }
}
