import { describe, expect, it } from 'vitest';
import { suggestProducts } from '../../../src-main/orders/suggest';
import type { BranchProduct } from '../../../src-main/orders/types';
import roofing from '../../../resources/sandbox/roofing-products.json';

/** The sandbox's real roofing range as one branch sells it. */
const BRANCH: BranchProduct[] = roofing
  .filter((p) => p.branches.includes('BRRIV'))
  .map((p) => ({
    productId: p.productId,
    productName: p.productName,
    productDescription: p.productDescription,
    manufacturer: p.manufacturer,
    productOptions: p.productOptions,
    baseUom: p.baseUom,
    uomConversions: p.uomConversions,
    availableAtBranch: true,
  }));

const names = (s: ReturnType<typeof suggestProducts>) => s.map((x) => x.productName);

describe('suggestions for an unmapped line', () => {
  it('offers nothing for an item that is not a roofing product, rather than noise', () => {
    expect(suggestProducts({ brand: '', model: 'Dumpster rental (20 yd)', description: 'Dumpster rental (20 yd)' }, BRANCH)).toEqual([]);
  });

  it('ranks the same kind of product first, even from another manufacturer', () => {
    const s = suggestProducts({ brand: 'Maze Nails', model: '1" Hot-Dip Galvanized Coil Roofing Nails', description: 'coil roofing nails' }, BRANCH);
    expect(s.length).toBeGreaterThan(0);
    for (const n of names(s)) expect(n).toMatch(/Nails/);
  });

  it('does not match on the brand, a size or words most products share alone', () => {
    expect(suggestProducts({ brand: 'GAF', model: 'System Plus warranty registration', description: '' }, BRANCH)).toEqual([]);
    expect(suggestProducts({ brand: '', model: '10 ft 3 in', description: '' }, BRANCH)).toEqual([]);
    expect(suggestProducts({ brand: '', model: 'Roof shingles', description: 'roof' }, BRANCH)).toEqual([]);
  });

  it('is deterministic and scores between 0 and 1', () => {
    const q = { brand: 'Amerimax', model: '4 x 5 x 7 Aluminum Step Flashing', description: 'Pre-bent step flashing' };
    const a = suggestProducts(q, BRANCH);
    expect(suggestProducts(q, [...BRANCH])).toEqual(a);
    for (const x of a) {
      expect(x.score).toBeGreaterThan(0);
      expect(x.score).toBeLessThanOrEqual(1);
    }
    expect(names(a)[0]).toMatch(/Step Flashing/);
  });
});
