import { formatMoney, sumCents } from '../../../src-shared/domain/money';
import type { InvoiceDifference, InvoiceLine } from '../../store/orders/tracking-repo';

export interface OrderedLine {
  productId: number;
  productName: string;
  quantity: number;
  uom: string;
  unitPriceCents: number;
}

const key = (productId: number, uom: string) => `${productId}|${uom.toUpperCase()}`;

/**
 * Differences between what was ordered and what an invoice bills: per product and unit,
 * the quantity and the unit price; lines billed but not ordered and ordered but not billed.
 * Without invoice lines, the invoice subtotal is compared with the order total.
 */
export function matchInvoice(
  ordered: readonly OrderedLine[],
  invoice: { lines: readonly InvoiceLine[]; subtotalCents: number | null },
  currency: string,
): InvoiceDifference[] {
  const money = (c: number) => formatMoney(c, currency);
  const orderedTotal = sumCents(ordered.map((l) => Math.round(l.unitPriceCents * l.quantity)));
  if (invoice.lines.length === 0) {
    if (invoice.subtotalCents === null || invoice.subtotalCents === orderedTotal) return [];
    return [{ kind: 'total', productId: null, ordered: orderedTotal, invoiced: invoice.subtotalCents, message: `The invoice subtotal ${money(invoice.subtotalCents)} differs from the order total ${money(orderedTotal)}.` }];
  }
  const billed = new Map<string, { quantity: number; prices: Set<number>; name: string | null; productId: number; uom: string }>();
  for (const l of invoice.lines) {
    const k = key(l.productId, l.uom);
    const b = billed.get(k) ?? { quantity: 0, prices: new Set<number>(), name: l.productName, productId: l.productId, uom: l.uom };
    b.quantity += l.quantity;
    b.prices.add(l.unitPriceCents);
    billed.set(k, b);
  }
  const out: InvoiceDifference[] = [];
  const seen = new Set<string>();
  const orderedBy = new Map<string, OrderedLine[]>();
  for (const l of ordered) orderedBy.set(key(l.productId, l.uom), [...(orderedBy.get(key(l.productId, l.uom)) ?? []), l]);
  for (const [k, lines] of orderedBy) {
    seen.add(k);
    const first = lines[0]!;
    const label = `${first.productName} (${first.productId})`;
    const quantity = lines.reduce((s, l) => s + l.quantity, 0);
    const b = billed.get(k);
    if (!b) {
      out.push({ kind: 'missing-line', productId: first.productId, ordered: quantity, invoiced: null, message: `${label}: ordered ${quantity} ${first.uom}, not on the invoice.` });
      continue;
    }
    if (b.quantity !== quantity) {
      out.push({ kind: 'quantity', productId: first.productId, ordered: quantity, invoiced: b.quantity, message: `${label}: ordered ${quantity} ${first.uom}, invoiced ${b.quantity} ${first.uom}.` });
    }
    for (const price of b.prices) {
      if (price !== first.unitPriceCents) {
        out.push({ kind: 'price', productId: first.productId, ordered: first.unitPriceCents, invoiced: price, message: `${label}: ordered at ${money(first.unitPriceCents)}/${first.uom}, invoiced at ${money(price)}/${first.uom}.` });
      }
    }
  }
  for (const [k, b] of billed) {
    if (seen.has(k)) continue;
    out.push({ kind: 'extra-line', productId: b.productId, ordered: null, invoiced: b.quantity, message: `${b.name ?? `SRS product ${b.productId}`} (${b.productId}): invoiced ${b.quantity} ${b.uom}, not on the order.` });
  }
  return out;
}
