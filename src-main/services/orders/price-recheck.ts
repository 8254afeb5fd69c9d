import { formatMoney } from '../../../src-shared/domain/money';
import type { PriceChange } from '../../../src-shared/ipc/orders';
import type { DraftLine } from '../../orders/types';
import type { ShownQuote } from '../../store/orders/drafts-repo';

/** A line's price and stock as it is now, in the shape the user was shown. */
export function shownQuoteOf(l: DraftLine): ShownQuote | null {
  if (l.productId === null || l.uom === null) return null;
  return {
    productId: l.productId,
    productName: l.productName ?? `SRS product ${l.productId}`,
    uom: l.uom,
    quantity: l.quantity ?? 0,
    unitPriceCents: l.unitPriceCents,
    stockStatus: l.stock?.status ?? null,
    availableQuantity: l.stock?.availableQuantity ?? null,
  };
}

const priceText = (c: number | null, currency: string, uom: string) => (c === null ? 'call for price' : `${formatMoney(c, currency)}/${uom}`);
const stockText = (q: ShownQuote) => (q.stockStatus === null ? 'unknown' : q.stockStatus === 'In Stock' ? 'in stock' : `${q.stockStatus.toLowerCase()} (${q.availableQuantity ?? 0} available)`);

/** Enough stock for what is ordered, as the user would judge it. */
const covers = (q: ShownQuote) => q.stockStatus === 'In Stock' || (q.stockStatus === 'Limited' && (q.availableQuantity ?? 0) >= q.quantity);

/**
 * What changed between the prices and stock the user reviewed and a fresh check right
 * before submitting. Only lines the user saw for the same product, unit and quantity are
 * compared; a price move of any size counts, and stock counts when it no longer covers the
 * order or its status changed.
 */
export function priceChanges(shown: Readonly<Record<string, ShownQuote>>, lines: readonly DraftLine[], currency: string): PriceChange[] {
  const changes: PriceChange[] = [];
  for (const l of lines) {
    const before = shown[l.key];
    const now = shownQuoteOf(l);
    if (!before || !now || before.productId !== now.productId || before.uom !== now.uom) continue;
    if (before.unitPriceCents !== now.unitPriceCents) {
      const b = priceText(before.unitPriceCents, currency, now.uom);
      const a = priceText(now.unitPriceCents, currency, now.uom);
      changes.push({ key: l.key, productId: now.productId, productName: now.productName, kind: 'price', before: b, after: a, message: `${now.productName}: price changed from ${b} to ${a}.` });
    }
    if (before.stockStatus !== now.stockStatus || (covers(before) && !covers(now))) {
      const b = stockText(before);
      const a = stockText(now);
      if (b !== a) changes.push({ key: l.key, productId: now.productId, productName: now.productName, kind: 'stock', before: b, after: a, message: `${now.productName}: stock changed from ${b} to ${a}.` });
    }
  }
  return changes;
}
