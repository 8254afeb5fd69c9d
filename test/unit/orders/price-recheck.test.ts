import { describe, expect, it } from 'vitest';
import { priceChanges, shownQuoteOf } from '../../../src-main/services/orders/price-recheck';
import type { DraftLine } from '../../../src-main/orders/types';

function line(p: Partial<DraftLine> = {}): DraftLine {
  return {
    key: 'srs:71322:White', productId: 71322, productName: 'Drip Edge', option: 'White', mappedBy: 'supplier-sku', substitutedFor: null, sources: [], sourceItemIds: ['1'],
    areas: [], origins: [], neededQuantity: 28.5, quantity: 29, uom: 'PC', overOrder: null, unitPriceCents: 845, extendedCents: 24505, proposalCostCents: 0, proposalSellCents: 0,
    stock: { status: 'In Stock', availableQuantity: 120 }, priceFetchedAt: '2026-11-30T12:00:00.000Z', suggestions: [], problems: [], ...p,
  };
}

describe('what changed between the draft the user reviewed and the check before submitting', () => {
  const shown = { 'srs:71322:White': shownQuoteOf(line())! };

  it('nothing when price and stock are the same (available quantity may move while it still covers the order)', () => {
    expect(priceChanges(shown, [line({ stock: { status: 'In Stock', availableQuantity: 80 } })], 'USD')).toEqual([]);
  });

  it('a price move of any size, either way', () => {
    expect(priceChanges(shown, [line({ unitPriceCents: 846 })], 'USD')).toEqual([
      { key: 'srs:71322:White', productId: 71322, productName: 'Drip Edge', kind: 'price', before: '$8.45/PC', after: '$8.46/PC', message: 'Drip Edge: price changed from $8.45/PC to $8.46/PC.' },
    ]);
    expect(priceChanges(shown, [line({ unitPriceCents: null })], 'USD')[0]).toMatchObject({ after: 'call for price' });
  });

  it('stock that no longer covers the order', () => {
    expect(priceChanges(shown, [line({ stock: { status: 'Limited', availableQuantity: 20 } })], 'USD')).toEqual([
      expect.objectContaining({ kind: 'stock', before: 'in stock', after: 'limited (20 available)' }),
    ]);
  });

  it('a line with another product or unit than shown is not compared (the user changed it and saw the new price)', () => {
    expect(priceChanges(shown, [line({ uom: 'LF', unitPriceCents: 90 })], 'USD')).toEqual([]);
    expect(priceChanges({}, [line({ unitPriceCents: 1 })], 'USD')).toEqual([]);
  });
});
