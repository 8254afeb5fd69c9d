/**
 * Domain-level inputs and outputs of the conversion engine. Independent of the vendor
 * clients: adapters turn Portal / SRS payloads into these shapes. Money is integer cents,
 * ids are strings (Portal's numeric ids are stringified by the adapter), SRS product ids
 * are numbers.
 */
import type { Cents } from '../../src-shared/domain/money';

// ---------- proposal side ----------

export type ItemType = 'Part' | 'Labor' | 'CustomItem';
export type OptionStatus = 'Draft' | 'Accepted' | 'Declined';

export interface ProposalItem {
  id: string;
  /** Kit parent's item id; null for top-level items. */
  parentId: string | null;
  itemType: ItemType;
  /** The Portal catalog entry this item was added from, if any. */
  referencedItemId: string | null;
  brand: string;
  model: string;
  description: string;
  supplier: string;
  /** In the proposal's unit (the catalog entry's unitOfMeasure). */
  quantity: number;
  /** Per proposal unit. */
  costCents: Cents;
  /** Per proposal unit. */
  sellPriceCents: Cents;
}

export interface ProposalOption {
  id: string;
  name: string;
  status: OptionStatus;
  items: ProposalItem[];
}

export interface ProposalArea {
  id: string;
  name: string;
  options: ProposalOption[];
}

export interface ProposalCustomer {
  firstName: string;
  lastName: string;
  companyName: string;
  email: string;
  phone: string;
}

export interface ProposalLocation {
  street: string;
  suite: string;
  city: string;
  state: string;
  postalCode: string;
  phone: string;
}

export interface ProposalDetails {
  id: string;
  number: string;
  name: string;
  currency: string;
  customer: ProposalCustomer;
  location: ProposalLocation | null;
  areas: ProposalArea[];
}

/** An accepted change order of the proposal; same area/option/item shape. */
export interface ChangeOrderDetails {
  id: string;
  number: string;
  name: string;
  areas: ProposalArea[];
}

export interface CatalogSupplier {
  name: string;
  sku: string;
  unitOfMeasure: string;
}

/** A Portal catalog entry, found by an item's referencedItemId. */
export interface CatalogEntry {
  id: string;
  defaultCost: { supplierName: string; supplierSku: string; unitOfMeasure: string } | null;
  /** From the item-details call, when it was fetched. */
  suppliers?: CatalogSupplier[];
}

/** A mapping the user confirmed earlier, remembered per company. */
export interface SavedMapping {
  /** mappingKey(brand, model) */
  key: string;
  productId: number;
  option: string;
}

// ---------- supplier side ----------

export interface UomConversion {
  uom: string;
  /** How many base units one `uom` is (1 SQ = 3 BD → 3; 1 LF = 0.1 PC → 0.1). */
  toBase: number;
}

export interface BranchProduct {
  productId: number;
  productName: string;
  productDescription: string;
  manufacturer: string;
  productOptions: string[];
  baseUom: string;
  uomConversions: UomConversion[];
  availableAtBranch: boolean;
}

export type StockStatus = 'In Stock' | 'Out of Stock' | 'Limited';

export interface Substitution {
  productId: number;
  productName: string;
  option: string;
  uom: string;
}

export interface PriceQuote {
  productId: number;
  uom: string;
  /** Per `uom`. 0 means "call the branch for a price", never free. */
  priceCents: Cents;
  stockStatus: StockStatus;
  availableQuantity: number;
  substitutions: Substitution[];
  /** ISO timestamp. */
  fetchedAt: string;
}

export interface ProductChoice {
  productId: number;
  option: string;
}

export interface LineOverride {
  /** Whole units of the line's order unit. */
  quantity?: number;
  /** Order unit; must be the product's base unit or one of its conversions. */
  uom?: string;
  /** Use this product instead (e.g. a confirmed suggestion), for this order only. */
  product?: ProductChoice;
  /** Accept a supplier substitution; the line remembers what it replaced. */
  substitute?: ProductChoice;
  removed?: boolean;
}

export interface ConversionOptions {
  branchCode: string;
  /** A price moving more than this from the proposal's cost is flagged. */
  maxPriceMovePercent: number;
  includeChangeOrders: boolean;
  /** Change-order ids left out of this order. */
  excludedSourceIds: string[];
  /** Keyed by DraftLine.key. */
  overrides: Record<string, LineOverride>;
  /** Quotes older than this are flagged as stale (default 4 h). */
  priceTtlMs?: number;
}

export interface ConversionInput {
  proposal: ProposalDetails;
  changeOrders: ChangeOrderDetails[];
  /** By catalog entry id. */
  catalog: Record<string, CatalogEntry>;
  savedMappings: SavedMapping[];
  branchProducts: BranchProduct[];
  quotes: PriceQuote[];
  options: ConversionOptions;
  /** ISO timestamp; the engine has no clock. */
  now: string;
}

// ---------- output ----------

export type SourceOrigin = { kind: 'proposal' } | { kind: 'change-order'; id: string; number: string; name: string };

export interface LineSource {
  sourceItemId: string;
  origin: SourceOrigin;
  /** "proposal" or "change order #3". */
  originLabel: string;
  areaName: string;
  optionName: string;
  brand: string;
  model: string;
  description: string;
  quantity: number;
  /** The proposal's unit for this item; null when the catalog did not say. */
  uom: string | null;
  costCents: Cents;
  sellPriceCents: Cents;
}

export type MappedBy = 'supplier-sku' | 'saved-mapping' | 'override' | 'substitute';

export interface Suggestion {
  productId: number;
  productName: string;
  manufacturer: string;
  options: string[];
  /** 0..1, higher is better. */
  score: number;
}

export type ProblemKind =
  | 'unmapped'
  | 'choose-option'
  | 'not-stocked'
  | 'unit-mismatch'
  | 'unit-assumed'
  | 'out-of-stock'
  | 'limited-stock'
  | 'no-price'
  | 'call-for-price'
  | 'price-stale'
  | 'price-moved'
  | 'loses-money'
  | 'below-proposal-quantity';

export interface LineProblem {
  kind: ProblemKind;
  /** A blocking problem keeps the order from being submitted. */
  blocking: boolean;
  message: string;
  suggestions?: Suggestion[];
  substitutions?: Substitution[];
}

export interface DraftLine {
  /** Stable across re-conversions of the same inputs; overrides are keyed by it. */
  key: string;
  productId: number | null;
  productName: string | null;
  option: string | null;
  mappedBy: MappedBy | null;
  /** Set when a supplier substitution replaced the mapped product. */
  substitutedFor: number | null;
  sources: LineSource[];
  sourceItemIds: string[];
  /** Distinct area names, in proposal order. */
  areas: string[];
  /** Distinct origin labels ("proposal", "change order #3"). */
  origins: string[];
  /** What the proposal asks for, in the order unit, before rounding; null when not convertible. */
  neededQuantity: number | null;
  /** Whole sellable units to order; null when not convertible. */
  quantity: number | null;
  uom: string | null;
  /** The extra ordered by rounding up, in the proposal unit when all sources share one, else the order unit. */
  overOrder: { quantity: number; uom: string } | null;
  /** Null while no usable price is known (unpriced or call for price). */
  unitPriceCents: Cents | null;
  extendedCents: Cents | null;
  proposalCostCents: Cents;
  proposalSellCents: Cents;
  stock: { status: StockStatus; availableQuantity: number } | null;
  priceFetchedAt: string | null;
  suggestions: Suggestion[];
  problems: LineProblem[];
}

export interface RemovedEntry {
  key: string;
  reason: 'removed-by-user' | 'kit-parent';
  sourceItemIds: string[];
  description: string;
}

export interface DraftTotals {
  /** Sum of the priced lines' extended cents. */
  totalCents: Cents;
  pricedLineCount: number;
  unpricedLineCount: number;
  /** Proposal cost and sell of the items on the order's lines. */
  proposalCostCents: Cents;
  proposalSellCents: Cents;
  /** Sell − proposal cost. */
  proposalMarginCents: Cents;
  /** Sell − live supplier cost of the priced lines' items. Null when no line is priced. */
  liveMarginCents: Cents | null;
  /** Percent of sell, one decimal; null when sell is 0 or nothing is priced. */
  proposalMarginPercent: number | null;
  liveMarginPercent: number | null;
}

export interface OrderDraft {
  proposalId: string;
  proposalNumber: string;
  proposalName: string;
  currency: string;
  branchCode: string;
  customer: ProposalCustomer;
  location: ProposalLocation | null;
  includedChangeOrders: { id: string; number: string; name: string }[];
  excludedChangeOrders: { id: string; number: string; name: string }[];
  lines: DraftLine[];
  removed: RemovedEntry[];
  totals: DraftTotals;
  totalCents: Cents;
  blocked: boolean;
  blockingReasons: string[];
  builtAt: string;
}
