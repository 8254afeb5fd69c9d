import { describe, expect, it } from 'vitest';
import { toCatalogEntry, toPriceQuote } from '../../../src-main/services/orders/adapters';
import type { SrsPricedLineView } from '../../../src-shared/ipc/srs';

const priced = (p: Partial<SrsPricedLineView> = {}): SrsPricedLineView => ({
  productId: 71322, uom: 'PC', option: 'White', quantity: 1, unitPriceCents: 845, extendedCents: 845, callForPrice: false, blocking: false, blockingReason: null,
  stockStatus: 'in_stock', availableQuantity: 40, substitutions: [], fetchedAt: '2026-11-30T12:00:00.000Z', fromCache: true, ...p,
});

describe('SRS prices as the engine sees them', () => {
  it('"call for price" is the engine\'s 0 (never $0 on the order: the engine blocks it)', () => {
    expect(toPriceQuote(priced({ unitPriceCents: null, callForPrice: true }), 5).priceCents).toBe(0);
  });

  it('stock is judged for the quantity ordered, not the quantity a cached price was asked for', () => {
    expect(toPriceQuote(priced({ stockStatus: 'in_stock', availableQuantity: 40 }), 29)).toMatchObject({ stockStatus: 'In Stock', availableQuantity: 40 });
    expect(toPriceQuote(priced({ stockStatus: 'in_stock', availableQuantity: 20 }), 29)).toMatchObject({ stockStatus: 'Limited', availableQuantity: 20 });
    expect(toPriceQuote(priced({ stockStatus: 'out_of_stock', availableQuantity: 0 }), 29)).toMatchObject({ stockStatus: 'Out of Stock', availableQuantity: 0 });
    expect(toPriceQuote(priced({ stockStatus: 'unknown', availableQuantity: null }), 29)).toMatchObject({ stockStatus: 'In Stock' });
  });

  it('names substitutes SRS left unnamed', () => {
    const q = toPriceQuote(priced({ stockStatus: 'out_of_stock', substitutions: [{ productId: 71310, productName: null, option: null, uom: null }] }), 1);
    expect(q.substitutions).toEqual([{ productId: 71310, productName: 'SRS product 71310', option: 'N/A', uom: 'PC' }]);
  });
});

describe('Portal catalog entries', () => {
  it('the default supplier comes from the cached row, or from the item details when the row was never synced', () => {
    const details = {
      description: '', specs: [], links: [], fetchedAt: '2026-11-30T12:00:00.000Z',
      suppliers: [
        { id: 1, name: 'ABC Supply', sku: 'A-1', costCents: 100, unitOfMeasure: 'SQ', isInStock: true, isDefault: true, accountNumber: '', lastVerifiedDate: null },
        { id: 2, name: 'SRS Distribution', sku: '70370', costCents: 90, unitOfMeasure: 'SQ', isInStock: true, isDefault: false, accountNumber: '', lastVerifiedDate: null },
      ],
    };
    expect(toCatalogEntry(7, null, details)).toEqual({
      id: '7',
      defaultCost: { supplierName: 'ABC Supply', supplierSku: 'A-1', unitOfMeasure: 'SQ' },
      suppliers: [
        { name: 'ABC Supply', sku: 'A-1', unitOfMeasure: 'SQ' },
        { name: 'SRS Distribution', sku: '70370', unitOfMeasure: 'SQ' },
      ],
    });
  });
});
