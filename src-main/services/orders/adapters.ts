/**
 * Portal and SRS shapes (as the vendor services cache them) → the conversion engine's
 * input types. Portal's numeric ids become strings; money is already integer cents.
 */
import type { CatalogItem, CatalogItemDetails } from '../../../src-shared/ipc/catalog';
import type { ProposalDetail } from '../../../src-shared/ipc/proposals';
import type { SrsPricedLineView } from '../../../src-shared/ipc/srs';
import type {
  BranchProduct,
  CatalogEntry,
  ChangeOrderDetails,
  ItemType,
  OptionStatus,
  PriceQuote,
  ProposalArea,
  ProposalDetails,
  StockStatus,
} from '../../orders/types';
import type { SrsProductSearchRow } from '../../store/srs/products-repo';

function itemType(t: string): ItemType {
  if (t === 'Labor' || t === 'Part') return t;
  // Anything else (custom items, types Portal adds later) is a candidate supply line:
  // it gets mapped or flagged, never silently dropped.
  return 'CustomItem';
}

function optionStatus(s: string): OptionStatus {
  return s === 'Accepted' || s === 'Declined' ? s : 'Draft';
}

function toAreas(detail: ProposalDetail): ProposalArea[] {
  return detail.areas.map((a) => ({
    id: String(a.id),
    name: a.name,
    options: a.options.map((o) => ({
      id: String(o.id),
      name: o.clientDescription || o.installerDescription || `Option ${o.id}`,
      status: optionStatus(o.status),
      items: o.items.map((i) => ({
        id: String(i.id),
        parentId: i.parentId === null ? null : String(i.parentId),
        itemType: itemType(i.itemType),
        referencedItemId: i.referencedItemId === null ? null : String(i.referencedItemId),
        brand: i.brand,
        model: i.model,
        description: i.description || i.name,
        supplier: i.supplier,
        quantity: i.quantity,
        costCents: i.costCents,
        sellPriceCents: i.sellPriceCents,
      })),
    })),
  }));
}

export function toProposalDetails(detail: ProposalDetail): ProposalDetails {
  const c = detail.customer;
  const loc = c?.location ?? null;
  // Portal's customer name is "First Last" (or the company when there is no person).
  const person = c && c.name !== c.companyName ? c.name : '';
  return {
    id: String(detail.id),
    number: String(detail.number),
    name: detail.name,
    currency: detail.currency.code || 'USD',
    customer: { firstName: person, lastName: '', companyName: c?.companyName ?? '', email: c?.email ?? '', phone: c?.phone ?? '' },
    location: loc ? { street: loc.street, suite: loc.suite, city: loc.city, state: loc.state, postalCode: loc.postalCode, phone: loc.phone } : null,
    areas: toAreas(detail),
  };
}

export function toChangeOrderDetails(detail: ProposalDetail): ChangeOrderDetails {
  return { id: String(detail.id), number: String(detail.number), name: detail.name, areas: toAreas(detail) };
}

/**
 * A catalog entry from the cached search row (its default cost) and, when fetched, the item
 * details (every supplier's SKU and unit). Either may be missing, not both.
 */
export function toCatalogEntry(id: number, item: CatalogItem | null, details: CatalogItemDetails | null): CatalogEntry {
  const fromDetails = details?.suppliers.find((s) => s.isDefault) ?? null;
  const defaultCost = item
    ? item.supplierName || item.supplierSku
      ? { supplierName: item.supplierName, supplierSku: item.supplierSku, unitOfMeasure: item.unitOfMeasure }
      : null
    : fromDetails
      ? { supplierName: fromDetails.name, supplierSku: fromDetails.sku, unitOfMeasure: fromDetails.unitOfMeasure }
      : null;
  return {
    id: String(id),
    defaultCost,
    ...(details ? { suppliers: details.suppliers.map((s) => ({ name: s.name, sku: s.sku, unitOfMeasure: s.unitOfMeasure })) } : {}),
  };
}

export function toBranchProduct(row: SrsProductSearchRow, branchCode: string): BranchProduct {
  return {
    productId: row.productId,
    productName: row.productName,
    productDescription: row.description ?? '',
    manufacturer: row.manufacturer ?? '',
    productOptions: row.options,
    baseUom: row.baseUom,
    uomConversions: row.uomConversions,
    availableAtBranch: row.branches.includes(branchCode),
  };
}

/**
 * The engine's stock status for the quantity actually ordered: SRS answered for the
 * quantity priced (which a cached price may not match), so "Limited" is decided here from
 * the available quantity. SRS's "unknown" is treated as in stock rather than inventing a shortage.
 */
function stockFor(p: SrsPricedLineView, orderedQuantity: number): { status: StockStatus; available: number } {
  if (p.stockStatus === 'out_of_stock') return { status: 'Out of Stock', available: 0 };
  const available = p.availableQuantity;
  if (available !== null && available < orderedQuantity) return { status: 'Limited', available };
  return { status: 'In Stock', available: available ?? orderedQuantity };
}

/** An SRS price (live or cached) as the engine's quote; "call for price" is the engine's 0. */
export function toPriceQuote(p: SrsPricedLineView, orderedQuantity: number): PriceQuote {
  const stock = stockFor(p, orderedQuantity);
  return {
    productId: p.productId,
    uom: p.uom,
    priceCents: p.callForPrice || p.unitPriceCents === null ? 0 : p.unitPriceCents,
    stockStatus: stock.status,
    availableQuantity: stock.available,
    substitutions: p.substitutions.map((s) => ({
      productId: s.productId,
      productName: s.productName ?? `SRS product ${s.productId}`,
      option: s.option ?? 'N/A',
      uom: s.uom ?? p.uom,
    })),
    fetchedAt: p.fetchedAt,
  };
}
