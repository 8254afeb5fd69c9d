import type { LineSourceView } from '../../../src-shared/ipc/orders';
import type { LineSource } from '../../orders/types';

/** A proposal item behind a line, as the review screen and the order detail show it. */
export function toLineSourceView(s: LineSource): LineSourceView {
  return {
    sourceItemId: s.sourceItemId,
    origin: s.origin.kind === 'proposal' ? { kind: 'proposal', changeOrderId: null, number: null } : { kind: 'change-order', changeOrderId: s.origin.id, number: s.origin.number },
    originLabel: s.originLabel,
    areaName: s.areaName,
    optionName: s.optionName,
    brand: s.brand,
    model: s.model,
    description: s.description,
    quantity: s.quantity,
    uom: s.uom,
    costCents: s.costCents,
    sellPriceCents: s.sellPriceCents,
  };
}
