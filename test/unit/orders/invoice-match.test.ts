import { describe, expect, it } from 'vitest';
import { matchInvoice, type OrderedLine } from '../../../src-main/services/orders/invoice-match';

const ordered: OrderedLine[] = [
  { productId: 70370, productName: 'Duration Storm', quantity: 60, uom: 'BD', unitPriceCents: 3536 },
  { productId: 71322, productName: 'Drip Edge', quantity: 29, uom: 'PC', unitPriceCents: 845 },
];
const billed = (over: Partial<Record<number, { quantity?: number; unitPriceCents?: number }>> = {}) =>
  ordered.map((l) => ({ productId: l.productId, productName: l.productName, uom: l.uom, quantity: over[l.productId]?.quantity ?? l.quantity, unitPriceCents: over[l.productId]?.unitPriceCents ?? l.unitPriceCents }));

describe('matching an invoice against the order', () => {
  it('an invoice that bills exactly what was ordered has no differences', () => {
    expect(matchInvoice(ordered, { lines: billed(), subtotalCents: null }, 'USD')).toEqual([]);
  });

  it('flags a quantity and a price difference per product, with readable messages', () => {
    expect(matchInvoice(ordered, { lines: billed({ 70370: { quantity: 57 }, 71322: { unitPriceCents: 899 } }), subtotalCents: null }, 'USD')).toEqual([
      { kind: 'quantity', productId: 70370, ordered: 60, invoiced: 57, message: 'Duration Storm (70370): ordered 60 BD, invoiced 57 BD.' },
      { kind: 'price', productId: 71322, ordered: 845, invoiced: 899, message: 'Drip Edge (71322): ordered at $8.45/PC, invoiced at $8.99/PC.' },
    ]);
  });

  it('flags lines billed but not ordered and ordered but not billed', () => {
    const lines = [billed()[0]!, { productId: 1, productName: 'Surprise', quantity: 2, uom: 'EA', unitPriceCents: 100 }];
    expect(matchInvoice(ordered, { lines, subtotalCents: null }, 'USD').map((d) => [d.kind, d.productId])).toEqual([
      ['missing-line', 71322],
      ['extra-line', 1],
    ]);
  });

  it('sums split invoice lines of one product before comparing', () => {
    const [a, b] = billed();
    expect(matchInvoice(ordered, { lines: [{ ...a!, quantity: 30 }, { ...a!, quantity: 30 }, b!], subtotalCents: null }, 'USD')).toEqual([]);
  });

  it('without invoice lines, compares the subtotal with the order total', () => {
    const total = 60 * 3536 + 29 * 845;
    expect(matchInvoice(ordered, { lines: [], subtotalCents: total }, 'USD')).toEqual([]);
    expect(matchInvoice(ordered, { lines: [], subtotalCents: total + 1000 }, 'USD')).toEqual([
      { kind: 'total', productId: null, ordered: total, invoiced: total + 1000, message: 'The invoice subtotal $2,376.65 differs from the order total $2,366.65.' },
    ]);
  });
});
