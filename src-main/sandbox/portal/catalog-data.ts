import catalogSeed from '../../../resources/sandbox/portal/catalog.json';
import roofingProducts from '../../../resources/sandbox/roofing-products.json';

/** A catalog row as the seed stores it (cents); expanded to Portal's wire shape on the way out. */
export interface SeedItem {
  id: number;
  brand: string;
  model: string;
  desc: string;
  cat: number;
  pcat: number | null;
  sup: string;
  sku: string;
  uom: string;
  cost: number;
  msrp: number;
  sell: number;
  stock: boolean;
  disc: boolean;
  mod: string;
}

export interface CategoryNode {
  id: number;
  name: string;
  imageUrl?: string;
  categories?: CategoryNode[];
  subCategories?: CategoryNode[];
}

interface RoofingProduct {
  productId: number;
  productOptions: string[];
  baseUom: string;
  uomConversions: { uom: string; toBase: number }[];
  proposalUom: string;
  category: string;
}

const seed = catalogSeed as unknown as { categories: CategoryNode[]; items: SeedItem[] };
const roofing = new Map((roofingProducts as unknown as RoofingProduct[]).map((p) => [String(p.productId), p]));

export const SEED_ITEMS: readonly SeedItem[] = seed.items;
export const CATEGORY_TREE: readonly CategoryNode[] = seed.categories;
/** Synthetic items (large catalogs for benchmarks) start at this id. */
const SYNTHETIC_BASE_ID = 1_000_001;
/** Every seeded or synthetic item was last modified at or before this instant. */
export const BASE_MODIFIED = '2026-10-01T12:00:00Z';

const categoryNames = new Map<number, string>();
(function walk(nodes: readonly CategoryNode[]) {
  for (const n of nodes) {
    categoryNames.set(n.id, n.name);
    walk(n.categories ?? []);
    walk(n.subCategories ?? []);
  }
})(CATEGORY_TREE);

const templates = SEED_ITEMS.filter((i) => i.sup !== 'SRS Distribution');

function hash(n: number): number {
  let t = (n * 0x9e3779b1) >>> 0;
  t = Math.imul(t ^ (t >>> 16), 0x85ebca6b) >>> 0;
  t = Math.imul(t ^ (t >>> 13), 0xc2b2ae35) >>> 0;
  return (t ^ (t >>> 16)) >>> 0;
}

/** The k-th synthetic item (0-based), computed on the fly: nothing huge is held in memory. */
export function syntheticItem(k: number): SeedItem {
  const h = hash(k + 1);
  const t = templates[h % templates.length]!;
  const cost = 500 + (hash(h) % 200_000);
  const days = hash(h ^ 0x5bd1e995) % 365;
  return {
    ...t,
    id: SYNTHETIC_BASE_ID + k,
    model: `${t.model.split(' ')[0]}-${(100_000 + k).toString(36).toUpperCase()}`,
    sku: `${t.sku.split('-')[0]}-S${k}`,
    cost,
    msrp: Math.round(cost * 1.6),
    sell: Math.round(cost * 1.3),
    stock: h % 9 !== 0,
    disc: h % 53 === 0,
    mod: new Date(Date.parse(BASE_MODIFIED) - days * 86_400_000).toISOString().replace('.000', ''),
  };
}

const money = (cents: number) => Math.round(cents) / 100;
const USD = { code: 'USD', symbol: '$' };

/** Portal's wire shape of a catalog search row. */
export function toWireItem(i: SeedItem) {
  const verified = i.mod;
  return {
    id: i.id,
    brand: i.brand,
    model: i.model,
    shortDescription: i.desc,
    primaryImageUrl: '',
    parentCategoryId: i.pcat,
    categoryId: i.cat,
    categories: [i.pcat ? categoryNames.get(i.pcat) : undefined, categoryNames.get(i.cat)].filter((x): x is string => !!x),
    isFavorite: false,
    isDiscontinued: i.disc,
    msrp: { msrpUsd: money(i.msrp), regularValue: money(i.msrp), isCustom: false, futurePrice: null, value: money(i.msrp), lastModifiedDate: i.mod, modifiedBy: 'Portal', currency: USD },
    defaultCost: {
      supplierName: i.sup,
      supplierSku: i.sku,
      managePriceStatus: 'None',
      accountNumber: i.sup === 'SRS Distribution' ? 'SRS-100234' : '',
      isInStock: i.stock,
      isPromo: false,
      lastVerifiedDate: verified,
      unitOfMeasure: i.uom,
      discountPercentage: 0,
      regularValue: money(i.cost),
      isCustom: false,
      futurePrice: null,
      value: money(i.cost),
      lastModifiedDate: i.mod,
      modifiedBy: 'Portal',
      currency: USD,
    },
    sellPrice: { type: 'CostMultiplier', costMultiplier: i.cost ? Math.round((i.sell / i.cost) * 100) / 100 : 0, value: money(i.sell), lastModifiedDate: i.mod, modifiedBy: 'Portal', currency: USD },
  };
}

/** Item details: the search row plus description, specs and every supplier's cost. */
export function toWireDetails(i: SeedItem) {
  const base = toWireItem(i);
  const product = i.sup === 'SRS Distribution' ? roofing.get(i.sku) : undefined;
  const suppliers = [
    { id: 1, name: i.sup, sku: i.sku, cost: i.cost, isDefault: true, isInStock: i.stock, account: base.defaultCost.accountNumber },
  ];
  if (!product) {
    suppliers.push({ id: 2, name: i.sup === 'ADI Global' ? 'Snap One' : 'ADI Global', sku: `ALT-${i.id}`, cost: Math.round(i.cost * 1.04), isDefault: false, isInStock: true, account: '' });
  }
  const specs = product
    ? [
        { name: 'Unit of measure', value: `${product.proposalUom} (sold by ${product.baseUom})` },
        ...product.uomConversions.map((c) => ({ name: `1 ${c.uom}`, value: `${c.toBase} ${product.baseUom}` })),
        { name: 'Colors', value: product.productOptions.join(', ') },
      ]
    : [{ name: 'Unit of measure', value: i.uom }];
  return {
    ...base,
    description: `${i.desc}. ${i.brand} ${i.model}.`,
    productUrl: '',
    manufacturerProductUrl: '',
    additionalImageUrls: [],
    pdfResourceLinks: [{ name: 'Spec sheet', url: `https://example.com/specs/${i.id}.pdf` }],
    videoResourceLinks: [],
    specs,
    suppliers: suppliers.map((s) => ({
      id: s.id,
      name: s.name,
      cost: { isPromo: false, lastVerifiedDate: i.mod, unitOfMeasure: i.uom, discountPercentage: 0, regularValue: money(s.cost), isCustom: false, futurePrice: null, value: money(s.cost), lastModifiedDate: i.mod, modifiedBy: 'Portal', currency: USD },
      isDefault: s.isDefault,
      sku: s.sku,
      isInStock: s.isInStock,
      isDiscontinued: 'false',
      status: 'Active',
      createdDate: i.mod,
      accountNumber: s.account,
    })),
  };
}

export interface CatalogFilter {
  text?: string;
  category?: number;
  brand?: string;
  supplier?: string;
  modifiedSince?: number;
}

/** Seed items plus, for large catalogs, synthetic ones; changes made during the session on top. */
export class SandboxCatalog {
  /** Items changed (or added) after startup, by id. */
  readonly changed = new Map<number, SeedItem>();
  readonly removed = new Set<number>();
  private readonly seedById = new Map(SEED_ITEMS.map((i) => [i.id, i]));

  constructor(readonly size: number) {}

  get syntheticCount(): number {
    return Math.max(0, this.size - SEED_ITEMS.length);
  }

  private base(index: number): SeedItem {
    return index < SEED_ITEMS.length ? SEED_ITEMS[index]! : syntheticItem(index - SEED_ITEMS.length);
  }

  private baseCount(): number {
    return SEED_ITEMS.length + this.syntheticCount;
  }

  /** Added items (ids not in the base) come after the base range, in id order. */
  private added(): SeedItem[] {
    return [...this.changed.values()].filter((i) => !this.isBaseId(i.id)).sort((a, b) => a.id - b.id);
  }

  private isBaseId(id: number): boolean {
    if (this.seedById.has(id)) return true;
    return id >= SYNTHETIC_BASE_ID && id < SYNTHETIC_BASE_ID + this.syntheticCount;
  }

  get(id: number): SeedItem | undefined {
    if (this.removed.has(id)) return undefined;
    const c = this.changed.get(id);
    if (c) return c;
    const s = this.seedById.get(id);
    if (s) return s;
    if (id >= SYNTHETIC_BASE_ID && id < SYNTHETIC_BASE_ID + this.syntheticCount) return syntheticItem(id - SYNTHETIC_BASE_ID);
    return undefined;
  }

  /** Changes an item (its modification time moves to `at`), e.g. a supplier price update. */
  change(id: number, patch: Partial<Omit<SeedItem, 'id'>>, at: Date): SeedItem | undefined {
    const current = this.get(id);
    if (!current) return undefined;
    const next = { ...current, ...patch, id, mod: at.toISOString().replace(/\.\d{3}Z$/, 'Z') };
    this.changed.set(id, next);
    return next;
  }

  add(item: Omit<SeedItem, 'mod'>, at: Date): SeedItem {
    const next = { ...item, mod: at.toISOString().replace(/\.\d{3}Z$/, 'Z') };
    this.changed.set(item.id, next);
    this.removed.delete(item.id);
    return next;
  }

  remove(id: number): void {
    this.removed.add(id);
    this.changed.delete(id);
  }

  /** One page (1-based) of the items matching the filter, in id order, plus the total. */
  page(filter: CatalogFilter, pageNumber: number, pageSize: number): { items: SeedItem[]; total: number; facetSource: SeedItem[] | null } {
    const start = (pageNumber - 1) * pageSize;
    const filtered = filter.text || filter.category || filter.brand || filter.supplier || this.removed.size > 0;
    const since = filter.modifiedSince;
    if (!filtered && since !== undefined && since >= Date.parse(BASE_MODIFIED)) {
      // Only items changed after the base snapshot can match: no need to walk the base.
      const hits = [...this.changed.values()].filter((i) => Date.parse(i.mod) > since).sort((a, b) => a.id - b.id);
      return { items: hits.slice(start, start + pageSize), total: hits.length, facetSource: hits };
    }
    if (!filtered && since === undefined) {
      const baseCount = this.baseCount();
      const added = this.added();
      const items: SeedItem[] = [];
      for (let i = start; i < Math.min(start + pageSize, baseCount + added.length); i++) {
        const b = i < baseCount ? this.base(i) : added[i - baseCount]!;
        items.push(this.changed.get(b.id) ?? b);
      }
      return { items, total: baseCount + added.length, facetSource: null };
    }
    const matches = this.scan(filter);
    return { items: matches.slice(start, start + pageSize), total: matches.length, facetSource: matches };
  }

  private scan(filter: CatalogFilter): SeedItem[] {
    const tokens = (filter.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const brand = filter.brand?.toLowerCase();
    const supplier = filter.supplier?.toLowerCase();
    const out: SeedItem[] = [];
    const consider = (raw: SeedItem) => {
      if (this.removed.has(raw.id)) return;
      const i = this.changed.get(raw.id) ?? raw;
      if (filter.category && i.cat !== filter.category && i.pcat !== filter.category) return;
      if (brand && i.brand.toLowerCase() !== brand) return;
      if (supplier && i.sup.toLowerCase() !== supplier) return;
      if (filter.modifiedSince !== undefined && Date.parse(i.mod) <= filter.modifiedSince) return;
      if (tokens.length) {
        const hay = `${i.brand} ${i.model} ${i.desc} ${i.sku}`.toLowerCase();
        if (!tokens.every((t) => hay.includes(t))) return;
      }
      out.push(i);
    };
    const baseCount = this.baseCount();
    for (let k = 0; k < baseCount; k++) consider(this.base(k));
    for (const a of this.added()) consider(a);
    return out;
  }
}

export function facets(items: readonly SeedItem[] | null) {
  const source = items ?? SEED_ITEMS;
  const count = (key: (i: SeedItem) => string) => {
    const m = new Map<string, number>();
    for (const i of source) m.set(key(i), (m.get(key(i)) ?? 0) + 1);
    return [...m].map(([name, itemCount]) => ({ name, itemCount })).sort((a, b) => b.itemCount - a.itemCount).slice(0, 50);
  };
  return {
    categoryFacets: count((i) => categoryNames.get(i.cat) ?? String(i.cat)),
    brandFacets: count((i) => i.brand),
    supplierFacets: count((i) => i.sup),
  };
}
