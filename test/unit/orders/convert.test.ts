import { describe, expect, it } from 'vitest';
import { convertProposal } from '../../../src-main/orders/convert';
import { mappingKey } from '../../../src-main/orders/text-keys';
import type { DraftLine, OrderDraft } from '../../../src-main/orders/types';
import {
  DRIP_EDGE,
  NAILS,
  NAILS_ALT,
  NOW,
  QUOTES,
  RIDGE_CAP,
  SHINGLES,
  UNDERLAYMENT,
  VENT_ELSEWHERE,
  area,
  changeOrder,
  input,
  item,
  option,
  proposal,
  quote,
} from './fixtures';

const shingles = (p: Parameters<typeof item>[0] = {}) =>
  item({ referencedItemId: 'c-shingles', brand: 'CertainTeed', model: 'Landmark Weathered Wood', quantity: 10, costCents: 12450, sellPriceCents: 19000, ...p });
const drip = (p: Parameters<typeof item>[0] = {}) =>
  item({ referencedItemId: 'c-drip', brand: 'Amerimax', model: 'Drip edge', quantity: 95, costCents: 90, sellPriceCents: 200, ...p });

function lineOf(draft: OrderDraft, productId: number): DraftLine {
  const l = draft.lines.find((x) => x.productId === productId);
  if (!l) throw new Error(`no line for ${productId} in ${JSON.stringify(draft.lines.map((x) => x.key))}`);
  return l;
}
const kinds = (l: DraftLine) => l.problems.map((p) => p.kind).sort();

describe('units', () => {
  it('orders 10 SQ of shingles as 30 BD with nothing extra', () => {
    const d = convertProposal(input(proposal([area('Main roof', [option('Accepted', [shingles()])])])));
    const l = lineOf(d, SHINGLES.productId);
    expect(l).toMatchObject({ quantity: 30, uom: 'BD', neededQuantity: 30, overOrder: null, option: 'Weathered Wood', mappedBy: 'supplier-sku' });
    expect(l.unitPriceCents).toBe(4150);
    expect(l.extendedCents).toBe(30 * 4150);
    expect(l.problems).toEqual([]);
  });

  it('orders 95 LF of drip edge as 10 PC and shows 5 LF extra', () => {
    const d = convertProposal(input(proposal([area('Main roof', [option('Accepted', [drip()])])])));
    const l = lineOf(d, DRIP_EDGE.productId);
    expect(l).toMatchObject({ quantity: 10, uom: 'PC', neededQuantity: 9.5, overOrder: { quantity: 5, uom: 'LF' } });
  });

  it('does not let float noise of 0.1 and 1/33 factors add a unit when areas are merged', () => {
    // In binary floating point 1 × 0.1 + 29 × 0.1 is 3.0000000000000004 and
    // 10 × (1/33) + 89 × (1/33) is 3.0000000000000004: a plain ceil would order 4.
    expect(1 * 0.1 + 29 * 0.1).toBeGreaterThan(3);
    expect(10 * (1 / 33) + 89 * (1 / 33)).toBeGreaterThan(3);
    const ridge = (id: string, quantity: number) => item({ id, referencedItemId: 'c-ridge', quantity, costCents: 158, sellPriceCents: 300 });
    const d = convertProposal(
      input(
        proposal([
          area('House', [option('Accepted', [drip({ id: 'd1', quantity: 1 }), ridge('r1', 10)])]),
          area('Garage', [option('Accepted', [drip({ id: 'd2', quantity: 29 }), ridge('r2', 89)])]),
        ]),
      ),
    );
    expect(lineOf(d, DRIP_EDGE.productId)).toMatchObject({ quantity: 3, neededQuantity: 3, overOrder: null, sourceItemIds: ['d1', 'd2'] });
    expect(lineOf(d, RIDGE_CAP.productId)).toMatchObject({ quantity: 3, neededQuantity: 3, overOrder: null, sourceItemIds: ['r1', 'r2'] });
  });

  it('still rounds a real fraction up: 0.3 LF of drip edge is one piece, 34 LF of ridge cap two bundles', () => {
    const d = convertProposal(
      input(proposal([area('Main roof', [option('Accepted', [drip({ quantity: 0.3 }), item({ referencedItemId: 'c-ridge', quantity: 34 })])])])),
    );
    expect(lineOf(d, DRIP_EDGE.productId)).toMatchObject({ quantity: 1, overOrder: { quantity: 9.7, uom: 'LF' } });
    expect(lineOf(d, RIDGE_CAP.productId)).toMatchObject({ quantity: 2, overOrder: { quantity: 32, uom: 'LF' } });
  });

  it('converts underlayment squares into whole rolls (22 SQ → 3 RL, 8 SQ extra)', () => {
    const d = convertProposal(input(proposal([area('Main roof', [option('Accepted', [item({ referencedItemId: 'c-under', quantity: 22 })])])])));
    expect(lineOf(d, UNDERLAYMENT.productId)).toMatchObject({ quantity: 3, uom: 'RL', overOrder: { quantity: 8, uom: 'SQ' } });
  });

  it('orders in another unit of the product when the user picks it', () => {
    const base = input(proposal([area('Main roof', [option('Accepted', [shingles({ quantity: 10.5 })])])]));
    const key = convertProposal(base).lines[0]!.key;
    const d = convertProposal({ ...base, quotes: [...QUOTES, quote(SHINGLES.productId, 'SQ', 12450)], options: { ...base.options, overrides: { [key]: { uom: 'SQ' } } } });
    expect(d.lines[0]).toMatchObject({ quantity: 11, uom: 'SQ', unitPriceCents: 12450, overOrder: { quantity: 0.5, uom: 'SQ' } });
  });

  it('flags a proposal unit the product cannot convert, blocking', () => {
    const p = proposal([area('Main roof', [option('Accepted', [item({ referencedItemId: 'x', quantity: 4 })])])]);
    const base = input(p);
    const d = convertProposal({ ...base, catalog: { x: { id: 'x', defaultCost: { supplierName: 'SRS Distribution', supplierSku: String(NAILS.productId), unitOfMeasure: 'LF' } } } });
    expect(d.lines[0]).toMatchObject({ quantity: null, extendedCents: null });
    expect(d.lines[0]!.problems.find((x) => x.kind === 'unit-mismatch')?.blocking).toBe(true);
    expect(d.blocked).toBe(true);
  });
});

describe('which items are ordered', () => {
  it('orders only the accepted option of each area; draft and declined options are ignored', () => {
    const d = convertProposal(
      input(
        proposal([
          area('Main roof', [
            option('Declined', [shingles({ id: 'declined' })]),
            option('Accepted', [shingles({ id: 'accepted', quantity: 20 })]),
            option('Draft', [drip({ id: 'draft' })]),
          ]),
        ]),
      ),
    );
    expect(d.lines.map((l) => l.sourceItemIds)).toEqual([['accepted']]);
    expect(d.lines[0]!.quantity).toBe(60);
  });

  it('never orders labor', () => {
    const d = convertProposal(
      input(proposal([area('Main roof', [option('Accepted', [item({ id: 'labor', itemType: 'Labor', description: 'Tear-off', quantity: 8 }), shingles({ id: 's' })])])])),
    );
    expect(d.lines.flatMap((l) => l.sourceItemIds)).toEqual(['s']);
    expect(d.removed).toEqual([]);
  });

  it('orders kit children; a kit parent that is not a product is listed as skipped, one that is a product is ordered', () => {
    const d = convertProposal(
      input(
        proposal([
          area('Main roof', [
            option('Accepted', [
              item({ id: 'kit', itemType: 'CustomItem', description: 'Roof package', quantity: 1 }),
              shingles({ id: 'k1', parentId: 'kit' }),
              drip({ id: 'k2', parentId: 'kit' }),
              item({ id: 'nailkit', referencedItemId: 'c-nails', quantity: 2 }),
              item({ id: 'k3', parentId: 'nailkit', referencedItemId: 'c-ridge', quantity: 33 }),
            ]),
          ]),
        ]),
      ),
    );
    expect(d.lines.flatMap((l) => l.sourceItemIds).sort()).toEqual(['k1', 'k2', 'k3', 'nailkit']);
    expect(d.removed).toEqual([{ key: 'kit:kit', reason: 'kit-parent', sourceItemIds: ['kit'], description: 'Roof package' }]);
    expect(lineOf(d, NAILS.productId).quantity).toBe(2);
  });

  it('merges the same product from several areas into one line, rounding once', () => {
    const d = convertProposal(
      input(
        proposal([
          area('House', [option('Accepted', [drip({ id: 'd1', quantity: 45 })])]),
          area('Garage', [option('Accepted', [drip({ id: 'd2', quantity: 45 })])]),
        ]),
      ),
    );
    expect(d.lines).toHaveLength(1);
    // 2 × 4.5 PC = 9 PC; rounding each area first would order 10.
    expect(d.lines[0]).toMatchObject({ quantity: 9, areas: ['House', 'Garage'], sourceItemIds: ['d1', 'd2'], overOrder: null });
    expect(d.lines[0]!.proposalCostCents).toBe(2 * 45 * 90);
  });

  it('keeps different options (colours) of one product on separate lines', () => {
    const d = convertProposal(
      input(proposal([area('House', [option('Accepted', [shingles({ id: 'w' }), shingles({ id: 'g', model: 'Landmark Country Gray' })])])])),
    );
    expect(d.lines.map((l) => [l.option, l.sourceItemIds])).toEqual([
      ['Weathered Wood', ['w']],
      ['Country Gray', ['g']],
    ]);
  });

  it('includes accepted change orders by default, says where each line came from, and can exclude them', () => {
    const p = proposal([area('House', [option('Accepted', [shingles({ id: 'p1' })])])]);
    const cos = [
      changeOrder('co7', '2', [area('House', [option('Accepted', [shingles({ id: 'c1', quantity: 2 }), drip({ id: 'c2' })])])]),
      changeOrder('co8', '3', [area('Porch', [option('Accepted', [item({ id: 'c3', referencedItemId: 'c-nails', quantity: 1 })])])]),
    ];
    const all = convertProposal({ ...input(p), changeOrders: cos });
    const sh = lineOf(all, SHINGLES.productId);
    expect(sh).toMatchObject({ quantity: 36, sourceItemIds: ['p1', 'c1'], origins: ['proposal', 'change order #2'] });
    expect(lineOf(all, DRIP_EDGE.productId).origins).toEqual(['change order #2']);
    expect(all.includedChangeOrders.map((c) => c.id)).toEqual(['co7', 'co8']);

    const base = input(p);
    const without7 = convertProposal({ ...base, changeOrders: cos, options: { ...base.options, excludedSourceIds: ['co7'] } });
    expect(without7.lines.flatMap((l) => l.sourceItemIds).sort()).toEqual(['c3', 'p1']);
    expect(without7.excludedChangeOrders.map((c) => c.id)).toEqual(['co7']);

    const none = convertProposal({ ...base, changeOrders: cos, options: { ...base.options, includeChangeOrders: false } });
    expect(none.lines.flatMap((l) => l.sourceItemIds)).toEqual(['p1']);
  });

  it('refuses an item id used twice, naming both places', () => {
    const p = proposal([area('House', [option('Accepted', [shingles({ id: 'dup' })])])]);
    const cos = [changeOrder('co7', '2', [area('Porch', [option('Accepted', [drip({ id: 'dup' })])])])];
    expect(() => convertProposal({ ...input(p), changeOrders: cos })).toThrow(/item id dup appears twice \(proposal, area "House" and change order #2, area "Porch"\)/);
  });
});

describe('mapping', () => {
  it('uses the SRS entry of the catalog item suppliers[] when the default supplier is someone else', () => {
    const base = input(proposal([area('House', [option('Accepted', [item({ id: 'n', referencedItemId: 'abc', quantity: 3, supplier: 'ABC Supply' })])])]));
    const d = convertProposal({
      ...base,
      catalog: {
        abc: {
          id: 'abc',
          defaultCost: { supplierName: 'ABC Supply', supplierSku: '99-1', unitOfMeasure: 'BX' },
          suppliers: [
            { name: 'ABC Supply', sku: '99-1', unitOfMeasure: 'BX' },
            { name: 'SRS Distribution', sku: String(NAILS_ALT.productId), unitOfMeasure: 'BX' },
          ],
        },
      },
    });
    expect(d.lines[0]).toMatchObject({ productId: NAILS_ALT.productId, mappedBy: 'supplier-sku', quantity: 3 });
  });

  it('falls back to a saved mapping by brand + model (case and punctuation do not matter)', () => {
    const base = input(proposal([area('House', [option('Accepted', [item({ id: 'n', brand: 'Grip-Rite', model: 'Coil Nails 1¼"', quantity: 2 })])])]));
    const d = convertProposal({ ...base, savedMappings: [{ key: mappingKey('grip rite', 'coil nails 1¼'), productId: NAILS.productId, option: 'N/A' }] });
    expect(d.lines[0]).toMatchObject({ productId: NAILS.productId, mappedBy: 'saved-mapping', quantity: 2, option: 'N/A' });
    expect(d.blocked).toBe(false);
  });

  it('prefers the supplier SKU over a saved mapping', () => {
    const base = input(proposal([area('House', [option('Accepted', [shingles({ id: 's' })])])]));
    const d = convertProposal({ ...base, savedMappings: [{ key: mappingKey('CertainTeed', 'Landmark Weathered Wood'), productId: NAILS.productId, option: 'N/A' }] });
    expect(d.lines[0]).toMatchObject({ productId: SHINGLES.productId, mappedBy: 'supplier-sku' });
  });

  it('flags an unmapped item with ranked suggestions instead of dropping it, and a confirmed suggestion maps it', () => {
    const base = input(
      proposal([
        area('House', [
          option('Accepted', [
            item({ id: 'u', referencedItemId: 'yard-9', brand: 'Grip-Rite', model: 'Coil roofing nails', description: 'galvanized 1-1/4', quantity: 4, costCents: 4400, sellPriceCents: 6000, supplier: 'Local yard' }),
          ]),
        ]),
      ]),
    );
    base.catalog['yard-9'] = { id: 'yard-9', defaultCost: { supplierName: 'Local yard', supplierSku: 'N-114', unitOfMeasure: 'BX' } };
    const d = convertProposal(base);
    const l = d.lines[0]!;
    expect(l).toMatchObject({ productId: null, quantity: null, sourceItemIds: ['u'] });
    expect(l.problems[0]).toMatchObject({ kind: 'unmapped', blocking: true });
    expect(l.suggestions[0]!.productId).toBe(NAILS.productId); // brand matches Grip-Rite
    expect(l.suggestions.map((s) => s.productId)).toContain(NAILS_ALT.productId);
    expect(l.suggestions.map((s) => s.productId)).not.toContain(VENT_ELSEWHERE.productId); // not sold at the branch
    expect(d.blocked).toBe(true);

    const fixed = convertProposal({ ...base, options: { ...base.options, overrides: { [l.key]: { product: { productId: NAILS.productId, option: 'N/A' } } } } });
    expect(fixed.lines[0]).toMatchObject({ productId: NAILS.productId, mappedBy: 'override', quantity: 4, unitPriceCents: 4500, problems: [] });
    expect(fixed.blocked).toBe(false);
  });

  it('asks for the option when the item does not name one of several colours', () => {
    const d = convertProposal(input(proposal([area('House', [option('Accepted', [shingles({ model: 'Landmark' })])])])));
    expect(d.lines[0]!.option).toBeNull();
    expect(d.lines[0]!.problems[0]).toMatchObject({ kind: 'choose-option', blocking: true });
    expect(d.lines[0]!.problems[0]!.message).toContain('Country Gray, Weathered Wood');
  });
});

describe('problems', () => {
  it('flags a product that the branch does not stock', () => {
    const d = convertProposal(input(proposal([area('House', [option('Accepted', [item({ referencedItemId: 'c-vent', quantity: 3 })])])])));
    const l = lineOf(d, VENT_ELSEWHERE.productId);
    expect(l.problems[0]).toMatchObject({ kind: 'not-stocked', blocking: true });
    expect(l.problems[0]!.message).toContain('BRRIV');
  });

  it('flags a SKU the branch does not know at all', () => {
    const base = input(proposal([area('House', [option('Accepted', [item({ referencedItemId: 'gone', quantity: 3 })])])]));
    const d = convertProposal({ ...base, catalog: { gone: { id: 'gone', defaultCost: { supplierName: 'SRS Distribution', supplierSku: '424242', unitOfMeasure: 'EA' } } } });
    expect(d.lines[0]).toMatchObject({ productId: 424242, quantity: null });
    expect(kinds(d.lines[0]!)).toEqual(['not-stocked']);
  });

  it('flags out of stock with the substitutes, and accepting a substitute re-prices the line', () => {
    const sub = { productId: NAILS_ALT.productId, productName: NAILS_ALT.productName, option: 'N/A', uom: 'BX' };
    const base = input(proposal([area('House', [option('Accepted', [item({ id: 'n', referencedItemId: 'c-nails', quantity: 5, costCents: 4500, sellPriceCents: 6000 })])])]));
    const quotes = QUOTES.map((q) => (q.productId === NAILS.productId ? { ...q, stockStatus: 'Out of Stock' as const, availableQuantity: 0, substitutions: [sub] } : q));
    const d = convertProposal({ ...base, quotes });
    const p = d.lines[0]!.problems.find((x) => x.kind === 'out-of-stock')!;
    expect(p.substitutions).toEqual([sub]);
    expect(p.message).toContain(NAILS_ALT.productName);

    const key = d.lines[0]!.key;
    const subbed = convertProposal({ ...base, quotes, options: { ...base.options, overrides: { [key]: { substitute: { productId: sub.productId, option: sub.option } } } } });
    expect(subbed.lines[0]).toMatchObject({ productId: NAILS_ALT.productId, substitutedFor: NAILS.productId, mappedBy: 'substitute', unitPriceCents: 4700, extendedCents: 5 * 4700, problems: [] });
  });

  it('flags limited stock when fewer are available than ordered', () => {
    const base = input(proposal([area('House', [option('Accepted', [shingles()])])]));
    const quotes = QUOTES.map((q) => (q.productId === SHINGLES.productId ? { ...q, stockStatus: 'Limited' as const, availableQuantity: 12 } : q));
    const l = convertProposal({ ...base, quotes }).lines[0]!;
    expect(l.problems.map((x) => [x.kind, x.blocking])).toEqual([['limited-stock', false]]);
    expect(l.problems[0]!.message).toContain('Only 12 BD');
  });

  it('treats a price of 0 as call-for-price, blocking, and leaves it out of the total', () => {
    const base = input(proposal([area('House', [option('Accepted', [shingles(), drip()])])]));
    const quotes = QUOTES.map((q) => (q.productId === SHINGLES.productId ? { ...q, priceCents: 0 } : q));
    const d = convertProposal({ ...base, quotes });
    const l = lineOf(d, SHINGLES.productId);
    expect(l).toMatchObject({ unitPriceCents: null, extendedCents: null, quantity: 30 });
    expect(l.problems).toEqual([expect.objectContaining({ kind: 'call-for-price', blocking: true })]);
    expect(d.blocked).toBe(true);
    expect(d.totalCents).toBe(10 * 899);
    expect(d.totals).toMatchObject({ pricedLineCount: 1, unpricedLineCount: 1 });
  });

  it('flags a line with no quote yet as needing a re-price, blocking', () => {
    const base = input(proposal([area('House', [option('Accepted', [shingles()])])]));
    const d = convertProposal({ ...base, quotes: [] });
    expect(d.lines[0]!.problems).toEqual([expect.objectContaining({ kind: 'no-price', blocking: true })]);
  });

  it('flags a price that moved more than the limit from the proposal cost (either way), not within it', () => {
    // Proposal cost 10 SQ × $124.50 = $1,245.00; live 30 BD × $41.50 = $1,245.00.
    const run = (priceCents: number, maxPriceMovePercent = 10) => {
      const base = input(proposal([area('House', [option('Accepted', [shingles({ sellPriceCents: 99999 })])])]));
      const quotes = QUOTES.map((q) => (q.productId === SHINGLES.productId ? { ...q, priceCents } : q));
      return convertProposal({ ...base, quotes, options: { ...base.options, maxPriceMovePercent } }).lines[0]!;
    };
    expect(kinds(run(4150))).toEqual([]);
    expect(kinds(run(4565))).toEqual([]); // +10.0%: at the limit
    const up = run(4600);
    expect(kinds(up)).toEqual(['price-moved']);
    expect(up.problems[0]!.message).toContain('+10.8%');
    expect(up.problems[0]!.blocking).toBe(false);
    expect(kinds(run(3700))).toEqual(['price-moved']); // −10.8%
    expect(kinds(run(4600, 15))).toEqual([]);
  });

  it('flags a line that would lose money against the proposal sell price', () => {
    const d = convertProposal(input(proposal([area('House', [option('Accepted', [drip({ quantity: 95, costCents: 90, sellPriceCents: 90 })])])])));
    // 10 PC × $8.99 = $89.90 > sell 95 × $0.90 = $85.50
    const l = d.lines[0]!;
    expect(kinds(l)).toEqual(['loses-money']);
    expect(l.problems[0]!.message).toContain('$4.40');
  });

  it('still explains money when Portal sends an unknown currency code', () => {
    const p = { ...proposal([area('House', [option('Accepted', [drip({ quantity: 95, costCents: 90, sellPriceCents: 90 })])])]), currency: 'string' };
    expect(convertProposal(input(p)).lines[0]!.problems[0]!.message).toContain('loses $4.40');
  });

  it('flags a stale price without blocking', () => {
    const base = input(proposal([area('House', [option('Accepted', [shingles()])])]));
    const quotes = QUOTES.map((q) => ({ ...q, fetchedAt: '2026-11-30T07:00:00.000Z' }));
    const l = convertProposal({ ...base, quotes }).lines[0]!;
    expect(l.problems).toEqual([expect.objectContaining({ kind: 'price-stale', blocking: false })]);
    expect(l.problems[0]!.message).toContain('300 minutes');
  });

  it('warns when the user orders fewer than the proposal needs', () => {
    const base = input(proposal([area('House', [option('Accepted', [shingles()])])]));
    const key = convertProposal(base).lines[0]!.key;
    const d = convertProposal({ ...base, options: { ...base.options, overrides: { [key]: { quantity: 27 } } } });
    expect(d.lines[0]).toMatchObject({ quantity: 27, extendedCents: 27 * 4150 });
    expect(kinds(d.lines[0]!)).toEqual(['below-proposal-quantity']);
  });

  it('refuses an override quantity that is not a whole positive number', () => {
    const base = input(proposal([area('House', [option('Accepted', [shingles()])])]));
    expect(() => convertProposal({ ...base, options: { ...base.options, overrides: { x: { quantity: 2.5 } } } })).toThrow(/Override for line x: quantity must be a whole number/);
  });
});

describe('removal and totals', () => {
  it('moves a removed line to the removed list with its items', () => {
    const base = input(proposal([area('House', [option('Accepted', [shingles({ id: 's' }), drip({ id: 'd' })])])]));
    const key = lineOf(convertProposal(base), DRIP_EDGE.productId).key;
    const d = convertProposal({ ...base, options: { ...base.options, overrides: { [key]: { removed: true } } } });
    expect(d.lines.map((l) => l.sourceItemIds)).toEqual([['s']]);
    expect(d.removed).toEqual([{ key, reason: 'removed-by-user', sourceItemIds: ['d'], description: 'Amerimax Drip edge' }]);
    expect(d.totalCents).toBe(30 * 4150);
  });

  it('totals the lines in cents and compares the proposal margin with the live cost', () => {
    const d = convertProposal(input(proposal([area('House', [option('Accepted', [shingles(), drip()])])])));
    expect(d.totalCents).toBe(30 * 4150 + 10 * 899);
    expect(d.totals).toEqual({
      totalCents: 133490,
      pricedLineCount: 2,
      unpricedLineCount: 0,
      proposalCostCents: 124500 + 8550,
      proposalSellCents: 190000 + 19000,
      proposalMarginCents: 209000 - 133050,
      liveMarginCents: 209000 - 133490,
      proposalMarginPercent: 36.3,
      liveMarginPercent: 36.1,
    });
    expect(d).toMatchObject({ blocked: false, blockingReasons: [], builtAt: NOW, branchCode: 'BRRIV', proposalNumber: '1042' });
  });

  it('is blocked with a reason when nothing is left to order', () => {
    const d = convertProposal(input(proposal([area('House', [option('Declined', [shingles()])])])));
    expect(d.lines).toEqual([]);
    expect(d.blockingReasons).toEqual(['Nothing to order: the accepted options have no supply items.']);
  });

  it('returns the same draft for the same input (no clock, no randomness)', () => {
    const i = input(proposal([area('House', [option('Accepted', [shingles({ id: 's' }), drip({ id: 'd' }), item({ id: 'u', brand: 'X', model: 'Y' })])])]));
    expect(JSON.stringify(convertProposal(i))).toBe(JSON.stringify(convertProposal(i)));
  });
});
