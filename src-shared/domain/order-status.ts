export const ORDER_STATUSES = [
  'draft',
  'ready',
  'submitting',
  'submitted',
  'acknowledged',
  'shipped',
  'delivered',
  'failed',
  'cancelled',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Allowed moves of the submission state machine. */
export const ORDER_TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  draft: ['ready', 'submitting', 'cancelled'],
  ready: ['draft', 'submitting', 'cancelled'],
  submitting: ['submitted', 'failed'],
  submitted: ['acknowledged', 'shipped', 'delivered', 'cancelled', 'failed'],
  acknowledged: ['shipped', 'delivered', 'cancelled'],
  shipped: ['delivered'],
  delivered: [],
  failed: ['submitting', 'cancelled'],
  cancelled: [],
};

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return ORDER_TRANSITIONS[from].includes(to);
}
