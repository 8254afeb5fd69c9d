import { describe, expect, it } from 'vitest';
import { ageLabel, isStale, priceLabel, stockLabel } from '../../../src-renderer/features/srs/format';

describe('SRS display formatting', () => {
  it('a zero price reads "Call branch for price", never $0', () => {
    expect(priceLabel({ callForPrice: true, unitPriceCents: null, uom: 'BD' })).toBe('Call branch for price');
    expect(priceLabel({ callForPrice: false, unitPriceCents: null, uom: 'BD' })).toBe('Call branch for price');
    expect(priceLabel({ callForPrice: false, unitPriceCents: 3860, uom: 'BD' })).toBe('$38.60 / BD');
  });

  it('shows the age of a price and calls it stale after 4 hours', () => {
    const t = Date.parse('2026-11-30T08:00:00Z');
    expect(ageLabel('2026-11-30T07:59:40Z', t)).toBe('just now');
    expect(ageLabel('2026-11-30T07:48:00Z', t)).toBe('12 min ago');
    expect(ageLabel('2026-11-30T04:55:00Z', t)).toBe('3 h 5 min ago');
    expect(isStale('2026-11-30T04:00:01Z', t)).toBe(false);
    expect(isStale('2026-11-30T04:00:00Z', t)).toBe(true);
  });

  it('stock labels', () => {
    expect(stockLabel({ stockStatus: 'in_stock', availableQuantity: 12, uom: 'BD' })).toBe('In stock (12 BD)');
    expect(stockLabel({ stockStatus: 'out_of_stock', availableQuantity: 0, uom: 'BD' })).toBe('Out of stock');
  });
});
