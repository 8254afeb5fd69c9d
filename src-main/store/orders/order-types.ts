import type { Cents } from '../../../src-shared/domain/money';
import type { OrderStatus } from '../../../src-shared/domain/order-status';
import type { OrderHeader, SrsSubmitBody } from '../../orders/submit-body';
import type { LineSource } from '../../orders/types';

export interface StoredOrder {
  id: number;
  proposalId: string;
  proposalNumber: string;
  proposalName: string;
  supplier: string;
  branchCode: string;
  jobAccountNumber: number | null;
  status: OrderStatus;
  statusReason: string | null;
  transactionId: string;
  supplierOrderId: string | null;
  queueId: string | null;
  header: OrderHeader;
  /** The supplier request exactly as it is (re)sent. */
  request: SrsSubmitBody;
  totalCents: Cents;
  proposalCostCents: Cents;
  proposalSellCents: Cents;
  currency: string;
  createdAt: string;
  updatedAt: string;
}

/** A line as ordered (product, quantity, price) and as proposed (its source items). */
export interface StoredOrderLine {
  lineNo: number;
  key: string;
  productId: number;
  productName: string;
  option: string;
  quantity: number;
  uom: string;
  unitPriceCents: Cents;
  extendedCents: Cents;
  substitutedFor: number | null;
  proposed: LineSource[];
  proposalCostCents: Cents;
  proposalSellCents: Cents;
}

export type OrderLinkKind = 'amended-by' | 'amends';

export interface OrderEvent {
  id: number;
  orderId: number;
  at: string;
  kind: 'status' | 'link' | 'note';
  fromStatus: OrderStatus | null;
  toStatus: OrderStatus | null;
  reason: string;
  linkKind: OrderLinkKind | null;
  linkOrderId: number | null;
}

export interface OutboxEntry {
  id: number;
  orderId: number;
  kind: 'submit';
  status: 'pending' | 'in_flight' | 'done' | 'dead';
  /** How many times it was claimed, this claim included. Above 1 the order may already be at the supplier. */
  attempts: number;
  availableAt: string;
  claimedAt: string | null;
  /** "host:pid" of the process holding the claim while in flight. */
  claimedBy: string | null;
  lastError: string | null;
}

export interface RepoClock {
  now: () => Date;
}
