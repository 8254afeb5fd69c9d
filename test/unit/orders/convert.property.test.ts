import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertProposal } from '../../../src-main/orders/convert';
import type {
  BranchProduct,
  CatalogEntry,
  ChangeOrderDetails,
  ConversionInput,
  ItemType,
  OptionStatus,
  PriceQuote,
  ProposalArea,
  ProposalItem,
} from '../../../src-main/orders/types';
import { NOW, proposal } from './fixtures';

/** A conversion factor kept as an exact ratio so the test can check rounding without floats. */
interface Ratio {
  num: number;
  den: number;
}

const ratioArb: fc.Arbitrary<Ratio> = fc.oneof(
  fc.constantFrom({ num: 1, den: 10 }, { num: 1, den: 33 }, { num: 1, den: 3 }, { num: 3, den: 1 }), // the real roofing units
  fc.integer({ min: 1, max: 5000 }).map((b) => ({ num: b, den: 1000 })), // decimal factors such as 0.1, 3, 2.875
  fc.integer({ min: 2, max: 50 }).map((n) => ({ num: 1, den: n })), // "1 bundle covers n LF"
);

const productsArb = fc.array(fc.record({ ratio: ratioArb, available: fc.constantFrom(true, true, true, false) }), { minLength: 1, maxLength: 6 }).map((ps) =>
  ps.map(
    (p, i): BranchProduct & { ratio: Ratio } => ({
      productId: 100 + i,
      productName: `Product ${i} roof ${i % 2 ? 'nails' : 'shingles'}`,
      productDescription: 'roofing supply',
      manufacturer: i % 2 ? 'Acme' : 'Roofco',
      productOptions: ['N/A'],
      baseUom: 'B',
      uomConversions: [{ uom: 'P', toBase: p.ratio.num / p.ratio.den }],
      availableAtBranch: p.available,
      ratio: p.ratio,
    }),
  ),
);

interface RawItem {
  type: ItemType;
  /** Index into catalog entries (mod their count), or null for no catalog reference. */
  catalogRef: number | null;
  brandModel: number;
  /** Hundredths of the proposal unit. */
  hundredths: number;
  costCents: number;
  sellCents: number;
  /** Kit parent: index of an earlier item in the same option. */
  parentRef: number | null;
}

const rawItemArb: fc.Arbitrary<RawItem> = fc.record({
  type: fc.constantFrom<ItemType>('Part', 'Part', 'Part', 'CustomItem', 'Labor'),
  catalogRef: fc.option(fc.nat(20), { nil: null, freq: 3 }),
  brandModel: fc.nat(3),
  // Whole and round quantities make merged sums land on whole units, where float noise bites.
  hundredths: fc.oneof(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 300 }).map((q) => q * 100), fc.integer({ min: 1, max: 30 }).map((q) => q * 1000)),
  costCents: fc.integer({ min: 0, max: 50_000 }),
  sellCents: fc.integer({ min: 0, max: 80_000 }),
  parentRef: fc.option(fc.nat(10), { nil: null, freq: 3 }),
});

const rawAreasArb = fc.array(
  fc.array(fc.record({ status: fc.constantFrom<OptionStatus>('Accepted', 'Accepted', 'Declined', 'Draft'), items: fc.array(rawItemArb, { maxLength: 6 }) }), {
    minLength: 1,
    maxLength: 3,
  }),
  { minLength: 1, maxLength: 4 },
);

const scenarioArb = fc.record({
  products: productsArb,
  /** Catalog entries: which product (mod count), whether SRS supplies it by default, its unit. */
  catalog: fc.array(fc.record({ product: fc.nat(10), viaDefault: fc.boolean(), unit: fc.constantFrom('P', 'B') }), { minLength: 1, maxLength: 8 }),
  prices: fc.array(fc.option(fc.integer({ min: 0, max: 20_000 }), { nil: null, freq: 5 }), { minLength: 6, maxLength: 6 }),
  proposalAreas: rawAreasArb,
  changeOrders: fc.array(rawAreasArb, { maxLength: 2 }),
  includeChangeOrders: fc.boolean(),
  excludeFirstChangeOrder: fc.boolean(),
  savedFor: fc.option(fc.nat(3), { nil: null }),
  removeLines: fc.array(fc.boolean(), { maxLength: 12 }),
});
type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

interface Built {
  input: ConversionInput;
  products: (BranchProduct & { ratio: Ratio })[];
  /** Source item id → hundredths and proposal unit, for the exact oracle. */
  meta: Map<string, { hundredths: number; unit: string | null }>;
  /** Ids of accepted part/custom items of included sources: each must end on exactly one line or in removed. */
  expectedIds: string[];
}

function build(s: Scenario): Built {
  let n = 0;
  const meta = new Map<string, { hundredths: number; unit: string | null }>();
  const expectedIds: string[] = [];
  const catalog: Record<string, CatalogEntry> = {};
  s.catalog.forEach((c, i) => {
    const product = s.products[c.product % s.products.length]!;
    const srs = { name: 'SRS Distribution', sku: String(product.productId), unitOfMeasure: c.unit };
    catalog[`c${i}`] = c.viaDefault
      ? { id: `c${i}`, defaultCost: { supplierName: srs.name, supplierSku: srs.sku, unitOfMeasure: srs.unitOfMeasure } }
      : { id: `c${i}`, defaultCost: { supplierName: 'Other Supply', supplierSku: `O-${i}`, unitOfMeasure: c.unit }, suppliers: [srs] };
  });

  const toAreas = (raw: Scenario['proposalAreas'], included: boolean): ProposalArea[] =>
    raw.map((opts, ai) => ({
      id: `a${n++}`,
      name: `Area ${ai}`,
      options: opts.map((o) => {
        const items: ProposalItem[] = [];
        for (const r of o.items) {
          const id = `it${n++}`;
          const parent = r.parentRef !== null && items.length > 0 ? items[r.parentRef % items.length]!.id : null;
          const catalogId = r.catalogRef === null ? null : `c${r.catalogRef % s.catalog.length}`;
          const entry = catalogId ? catalog[catalogId] : undefined;
          const unit = entry?.defaultCost?.unitOfMeasure ?? null;
          items.push({
            id,
            parentId: parent,
            itemType: r.type,
            referencedItemId: catalogId,
            brand: ['Roofco', 'Acme', 'Nobody', ''][r.brandModel]!,
            model: ['shingles', 'nails', 'widget', ''][r.brandModel]!,
            description: 'roof supply',
            supplier: 'SRS Distribution',
            quantity: r.hundredths / 100,
            costCents: r.costCents,
            sellPriceCents: r.sellCents,
          });
          meta.set(id, { hundredths: r.hundredths, unit });
          if (included && o.status === 'Accepted' && r.type !== 'Labor') expectedIds.push(id);
        }
        return { id: `o${n++}`, name: 'Option', status: o.status, items };
      }),
    }));

  const p = proposal(toAreas(s.proposalAreas, true));
  const changeOrders: ChangeOrderDetails[] = s.changeOrders.map((areas, i) => {
    const included = s.includeChangeOrders && !(i === 0 && s.excludeFirstChangeOrder);
    return { id: `co${i}`, number: String(i + 1), name: `CO ${i + 1}`, areas: toAreas(areas, included) };
  });
  const quotes: PriceQuote[] = [];
  s.products.forEach((prod, i) => {
    const price = s.prices[i];
    if (price !== null && price !== undefined) {
      quotes.push({ productId: prod.productId, uom: 'B', priceCents: price, stockStatus: 'In Stock', availableQuantity: 1e9, substitutions: [], fetchedAt: NOW });
    }
  });
  const savedProduct = s.products[0]!;
  const input: ConversionInput = {
    proposal: p,
    changeOrders,
    catalog,
    savedMappings: s.savedFor === null ? [] : [{ key: `${['roofco', 'acme', 'nobody', ''][s.savedFor]}|${['shingles', 'nails', 'widget', ''][s.savedFor]}`, productId: savedProduct.productId, option: 'N/A' }],
    branchProducts: s.products,
    quotes,
    options: {
      branchCode: 'BRRIV',
      maxPriceMovePercent: 10,
      includeChangeOrders: s.includeChangeOrders,
      excludedSourceIds: s.excludeFirstChangeOrder ? ['co0'] : [],
      overrides: {},
    },
    now: NOW,
  };
  return { input, products: s.products, meta, expectedIds };
}

/** Converts once, then again with some lines removed by the user (as the review screen does). */
function convertWithRemovals(s: Scenario) {
  const b = build(s);
  const first = convertProposal(b.input);
  const overrides: ConversionInput['options']['overrides'] = {};
  first.lines.forEach((l, i) => {
    if (s.removeLines[i]) overrides[l.key] = { removed: true };
  });
  const draft = convertProposal({ ...b.input, options: { ...b.input.options, overrides } });
  return { ...b, draft };
}

const RUNS = { numRuns: 300 };

describe('conversion properties', () => {
  it('never rounds a quantity down, and never orders a whole unit more than needed', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { draft, products, meta } = convertWithRemovals(s);
        for (const line of draft.lines) {
          if (line.quantity === null) continue;
          const product = products.find((p) => p.productId === line.productId)!;
          const { num, den } = product.ratio;
          // needed × 100·den, exactly, in integers: a source in P contributes hundredths × num, in B hundredths × den.
          let scaledNeeded = 0;
          for (const id of line.sourceItemIds) {
            const m = meta.get(id)!;
            scaledNeeded += m.hundredths * ((m.unit ?? 'B') === 'P' ? num : den);
          }
          const scale = 100 * den;
          expect(Number.isInteger(line.quantity)).toBe(true);
          expect(line.quantity * scale).toBeGreaterThanOrEqual(scaledNeeded);
          if (scaledNeeded > 0) expect((line.quantity - 1) * scale).toBeLessThan(scaledNeeded);
          else expect(line.quantity).toBe(0);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('puts every accepted part or custom item on exactly one line or in the removed list, and nothing else', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { draft, expectedIds } = convertWithRemovals(s);
        const placed = [...draft.lines.flatMap((l) => l.sourceItemIds), ...draft.removed.flatMap((r) => r.sourceItemIds)];
        expect(new Set(placed).size).toBe(placed.length);
        expect([...placed].sort()).toEqual([...expectedIds].sort());
      }),
      RUNS,
    );
  });

  it('totals equal the sum of the lines, in integer cents', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { draft } = convertWithRemovals(s);
        let sum = 0;
        for (const l of draft.lines) {
          if (l.extendedCents === null) continue;
          expect(Number.isSafeInteger(l.extendedCents)).toBe(true);
          expect(l.extendedCents).toBe(l.unitPriceCents! * l.quantity!);
          sum += l.extendedCents;
        }
        expect(draft.totalCents).toBe(sum);
        expect(draft.totals.totalCents).toBe(sum);
        expect(draft.totals.pricedLineCount + draft.totals.unpricedLineCount).toBe(draft.lines.length);
        expect(draft.totals.proposalCostCents).toBe(draft.lines.reduce((a, l) => a + l.proposalCostCents, 0));
        expect(draft.blocked).toBe(draft.lines.length === 0 || draft.lines.some((l) => l.problems.some((p) => p.blocking)));
      }),
      RUNS,
    );
  });
});

describe('merged quantities that add up to whole units', () => {
  it('order exactly that many units, whatever float noise the split produces', () => {
    const caseArb = fc.record({
      n: fc.constantFrom(3, 7, 10, 33),
      parts: fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 12 }),
    });
    fc.assert(
      fc.property(caseArb, ({ n, parts }) => {
        const rest = (n - (parts.reduce((a, b) => a + b, 0) % n)) % n;
        const quantities = rest === 0 ? parts : [...parts, rest];
        const total = quantities.reduce((a, b) => a + b, 0);
        const product: BranchProduct = {
          productId: 7,
          productName: 'Ridge cap',
          productDescription: '',
          manufacturer: 'Roofco',
          productOptions: ['N/A'],
          baseUom: 'BD',
          uomConversions: [{ uom: 'LF', toBase: 1 / n }],
          availableAtBranch: true,
        };
        const areas: ProposalArea[] = quantities.map((q, i) => ({
          id: `a${i}`,
          name: `Area ${i}`,
          options: [
            {
              id: `o${i}`,
              name: 'Option',
              status: 'Accepted',
              items: [{ id: `i${i}`, parentId: null, itemType: 'Part', referencedItemId: 'c', brand: '', model: '', description: '', supplier: 'SRS', quantity: q, costCents: 1, sellPriceCents: 1 }],
            },
          ],
        }));
        const draft = convertProposal({
          proposal: proposal(areas),
          changeOrders: [],
          catalog: { c: { id: 'c', defaultCost: { supplierName: 'SRS Distribution', supplierSku: '7', unitOfMeasure: 'LF' } } },
          savedMappings: [],
          branchProducts: [product],
          quotes: [],
          options: { branchCode: 'B', maxPriceMovePercent: 10, includeChangeOrders: true, excludedSourceIds: [], overrides: {} },
          now: NOW,
        });
        expect(draft.lines).toHaveLength(1);
        expect(draft.lines[0]!.quantity).toBe(total / n);
        expect(draft.lines[0]!.overOrder).toBeNull();
      }),
      RUNS,
    );
  });
});
