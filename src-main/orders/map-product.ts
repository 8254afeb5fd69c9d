import { mappingKey, normaliseText } from './text-keys';
import type { BranchProduct, CatalogEntry, ProposalItem, SavedMapping } from './types';

export interface AutoMapping {
  productId: number | null;
  /** Null when the product has several options and the item does not say which. */
  option: string | null;
  mappedBy: 'supplier-sku' | 'saved-mapping' | null;
  /** The proposal's unit for the item: its catalog entry's unitOfMeasure. */
  proposalUom: string | null;
}

const SRS_NAME = /^\s*srs\b/i;

export function isSrsSupplier(name: string): boolean {
  return SRS_NAME.test(name);
}

function numericSku(sku: string): number | null {
  const s = sku.trim();
  return /^\d{1,15}$/.test(s) ? Number(s) : null;
}

/** The catalog's SRS SKU and unit for an item: defaultCost when SRS supplies it, else the SRS entry of suppliers[]. */
function srsSkuFromCatalog(entry: CatalogEntry | undefined): { productId: number; uom: string } | null {
  if (!entry) return null;
  const d = entry.defaultCost;
  if (d && isSrsSupplier(d.supplierName)) {
    const id = numericSku(d.supplierSku);
    if (id !== null) return { productId: id, uom: d.unitOfMeasure };
  }
  for (const s of entry.suppliers ?? []) {
    if (!isSrsSupplier(s.name)) continue;
    const id = numericSku(s.sku);
    if (id !== null) return { productId: id, uom: s.unitOfMeasure };
  }
  return null;
}

/**
 * Picks the product option (colour) the item names. "N/A"-only or single-option products
 * need no choice; otherwise an option must appear in the item's model or description.
 */
export function pickOption(product: BranchProduct | undefined, item: ProposalItem): string | null {
  if (!product) return null;
  const opts = product.productOptions;
  if (opts.length === 0) return 'N/A';
  if (opts.length === 1) return opts[0] ?? null;
  const text = ` ${normaliseText(`${item.model} ${item.description}`)} `;
  const hits = opts.filter((o) => normaliseText(o) !== '' && text.includes(` ${normaliseText(o)} `));
  return hits.length === 1 ? (hits[0] ?? null) : null;
}

/** Supplier SKU first, then a saved mapping; suggestions are the caller's fallback. */
export function autoMap(
  item: ProposalItem,
  catalog: Readonly<Record<string, CatalogEntry>>,
  saved: ReadonlyMap<string, SavedMapping>,
  products: ReadonlyMap<number, BranchProduct>,
): AutoMapping {
  const entry = item.referencedItemId !== null ? catalog[item.referencedItemId] : undefined;
  const catalogUom = entry?.defaultCost?.unitOfMeasure || entry?.suppliers?.find((s) => s.unitOfMeasure)?.unitOfMeasure || null;
  const sku = srsSkuFromCatalog(entry);
  if (sku) {
    return { productId: sku.productId, option: pickOption(products.get(sku.productId), item), mappedBy: 'supplier-sku', proposalUom: sku.uom || catalogUom };
  }
  const key = mappingKey(item.brand, item.model);
  const m = key === '|' ? undefined : saved.get(key);
  if (m) return { productId: m.productId, option: m.option, mappedBy: 'saved-mapping', proposalUom: catalogUom };
  return { productId: null, option: null, mappedBy: null, proposalUom: catalogUom };
}
