import type { SrsClient } from '../vendors/srs/srs-client';
import type { SupplierGateway } from './outbox-worker';

/** The outbox worker's view of the SRS client: submit the stored body, look orders up by transactionID. */
export function srsGateway(client: Pick<SrsClient, 'submitBody' | 'findOrder'>): SupplierGateway {
  return {
    name: 'SRS',
    async submit(order, { signal }) {
      const r = await client.submitBody(order.request, signal ? { signal } : {});
      return { supplierOrderId: r.orderID, queueId: r.queueID, alreadySubmitted: r.alreadySubmitted, message: r.message };
    },
    async lookupByTransactionId(transactionId) {
      const found = await client.findOrder(transactionId);
      return found ? { supplierOrderId: found.orderID, queueId: found.queueID } : null;
    },
  };
}
