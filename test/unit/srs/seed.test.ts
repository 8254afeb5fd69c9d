import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import seed from '../../../resources/sandbox/roofing-products.json';

const BRANCHES = ['BRRIV', 'AMDEN', 'HWPLY', 'DALTX'];
const byId = new Map(seed.map((p) => [p.productId, p]));
const conv = (p: (typeof seed)[number], uom: string) => p.uomConversions.find((c) => c.uom === uom)?.toBase;

describe('the shared roofing seed (resources/sandbox/roofing-products.json)', () => {
  it('is exactly what the committed generator produces', () => {
    expect(execFileSync('node', ['scripts/gen-roofing-products.mjs', '--check'], { encoding: 'utf8' })).toMatch(/up to date \(\d+ products\)/);
  });

  it('has at least 300 unique products spread over 4 branches with different assortments', () => {
    expect(seed.length).toBeGreaterThanOrEqual(300);
    expect(new Set(seed.map((p) => p.productId)).size).toBe(seed.length);
    const sets = BRANCHES.map((b) => seed.filter((p) => p.branches.includes(b)).map((p) => p.productId).join());
    expect(new Set(sets).size).toBe(4);
    expect(seed.filter((p) => p.branches.length < 4).length).toBeGreaterThan(50);
    for (const p of seed) for (const b of p.branches) expect(BRANCHES).toContain(b);
  });

  it('uses realistic units: shingles in BD (3 per SQ), drip edge in 10 ft PC, underlayment in RL, nails in BX', () => {
    const shingles = seed.filter((p) => p.category === 'Shingles');
    expect(shingles.every((p) => p.baseUom === 'BD' && (conv(p, 'SQ') === 3 || conv(p, 'SQ') === 4))).toBe(true);
    expect(byId.get(75664)).toMatchObject({ baseUom: 'BD', uomConversions: [{ uom: 'SQ', toBase: 3 }], proposalUom: 'SQ' });
    expect(seed.filter((p) => p.category === 'Drip Edge').every((p) => p.baseUom === 'PC' && conv(p, 'LF') === 0.1)).toBe(true);
    expect(seed.filter((p) => p.category === 'Underlayment').every((p) => p.baseUom === 'RL')).toBe(true);
    expect(seed.filter((p) => p.category === 'Nails').every((p) => p.baseUom === 'BX')).toBe(true);
    for (const p of seed) expect(p.proposalUom === p.baseUom || conv(p, p.proposalUom) !== undefined).toBe(true);
  });

  it('has call-for-price products and out-of-stock products with substitutes stocked where they are out', () => {
    expect(seed.filter((p) => p.zeroPrice).length).toBeGreaterThanOrEqual(3);
    const oos = seed.filter((p) => p.outOfStockAt);
    expect(oos.length).toBeGreaterThanOrEqual(5);
    for (const p of oos) {
      expect(p.substitutes!.length).toBeGreaterThan(0);
      for (const b of p.outOfStockAt!) {
        expect(p.branches).toContain(b);
        expect(p.substitutes!.some((id) => byId.get(id)!.branches.includes(b))).toBe(true);
      }
    }
  });
});
