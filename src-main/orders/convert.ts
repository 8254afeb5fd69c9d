import { extendCents, sumCents } from '../../src-shared/domain/money';
import { AppError } from '../../src-shared/domain/result';
import { collectItems, type CollectedItem } from './collect-items';
import { autoMap, type AutoMapping } from './map-product';
import { checkPrice } from './price-checks';
import { suggestProducts } from './suggest';
import { mappingKey } from './text-keys';
import { computeTotals } from './totals';
import type {
  BranchProduct,
  ConversionInput,
  ConversionOptions,
  DraftLine,
  LineOverride,
  LineProblem,
  LineSource,
  MappedBy,
  OrderDraft,
  PriceQuote,
  RemovedEntry,
  SavedMapping,
} from './types';
import { convertQuantity, roundUpToWhole, tidy, toBaseFactor } from './units';

export const DEFAULT_PRICE_TTL_MS = 4 * 60 * 60 * 1000;

interface Group {
  key: string;
  auto: AutoMapping;
  members: { collected: CollectedItem; proposalUom: string | null }[];
}

/** Items mapped to the same product and option share one line; unmapped ones share one per catalog entry or brand + model. */
function groupKey(c: CollectedItem, auto: AutoMapping): string {
  if (auto.productId !== null) return `srs:${auto.productId}:${auto.option ?? '?'}`;
  if (c.item.referencedItemId) return `unmapped:ref:${c.item.referencedItemId}`;
  const mk = mappingKey(c.item.brand, c.item.model);
  return mk === '|' ? `unmapped:item:${c.item.id}` : `unmapped:${mk}`;
}

function toSource(c: CollectedItem, uom: string | null): LineSource {
  const { item } = c;
  return {
    sourceItemId: item.id,
    origin: c.origin,
    originLabel: c.originLabel,
    areaName: c.areaName,
    optionName: c.optionName,
    brand: item.brand,
    model: item.model,
    description: item.description,
    quantity: item.quantity,
    uom,
    costCents: item.costCents,
    sellPriceCents: item.sellPriceCents,
  };
}

function distinct(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function itemLabel(s: { brand: string; model: string; description: string }): string {
  return [s.brand, s.model].filter(Boolean).join(' ') || s.description || '(unnamed item)';
}

function validateOptions(o: ConversionOptions): void {
  if (!o.branchCode.trim()) throw new AppError('VALIDATION', 'Conversion needs an SRS branch code (options.branchCode).');
  if (!Number.isFinite(o.maxPriceMovePercent) || o.maxPriceMovePercent < 0) {
    throw new AppError('VALIDATION', `options.maxPriceMovePercent must be a number ≥ 0, got ${o.maxPriceMovePercent}.`);
  }
  for (const [key, ov] of Object.entries(o.overrides)) {
    if (ov.quantity !== undefined && (!Number.isSafeInteger(ov.quantity) || ov.quantity <= 0)) {
      throw new AppError('VALIDATION', `Override for line ${key}: quantity must be a whole number above 0 (remove the line instead of ordering 0), got ${ov.quantity}.`);
    }
  }
}

interface Lookups {
  products: Map<number, BranchProduct>;
  quotes: Map<string, PriceQuote>;
  input: ConversionInput;
  priceTtlMs: number;
}

const quoteKey = (productId: number, uom: string) => `${productId}|${uom.toUpperCase()}`;

function chooseProduct(group: Group, ov: LineOverride | undefined): { productId: number | null; option: string | null; mappedBy: MappedBy | null; substitutedFor: number | null } {
  if (ov?.substitute) {
    return { productId: ov.substitute.productId, option: ov.substitute.option, mappedBy: 'substitute', substitutedFor: ov.product?.productId ?? group.auto.productId };
  }
  if (ov?.product) return { productId: ov.product.productId, option: ov.product.option, mappedBy: 'override', substitutedFor: null };
  return { productId: group.auto.productId, option: group.auto.option, mappedBy: group.auto.mappedBy, substitutedFor: null };
}

function buildLine(group: Group, ov: LineOverride | undefined, lk: Lookups): DraftLine {
  const { input } = lk;
  const sources = group.members.map((m) => toSource(m.collected, m.proposalUom));
  const first = sources[0]!;
  const proposalCostCents = sumCents(sources.map((s) => extendCents(s.costCents, s.quantity)));
  const proposalSellCents = sumCents(sources.map((s) => extendCents(s.sellPriceCents, s.quantity)));
  const choice = chooseProduct(group, ov);
  const problems: LineProblem[] = [];
  const line: DraftLine = {
    key: group.key,
    productId: choice.productId,
    productName: null,
    option: choice.option,
    mappedBy: choice.mappedBy,
    substitutedFor: choice.substitutedFor,
    sources,
    sourceItemIds: sources.map((s) => s.sourceItemId),
    areas: distinct(sources.map((s) => s.areaName)),
    origins: distinct(sources.map((s) => s.originLabel)),
    neededQuantity: null,
    quantity: null,
    uom: null,
    overOrder: null,
    unitPriceCents: null,
    extendedCents: null,
    proposalCostCents,
    proposalSellCents,
    stock: null,
    priceFetchedAt: null,
    suggestions: [],
    problems,
  };

  if (choice.productId === null) {
    line.suggestions = suggestProducts(first, [...lk.products.values()]);
    problems.push({
      kind: 'unmapped',
      blocking: true,
      message: `${itemLabel(first)} has no SRS product yet: ${line.suggestions.length > 0 ? 'pick one of the suggestions' : 'search the catalog'} to map it.`,
      suggestions: line.suggestions,
    });
    return line;
  }

  const product = lk.products.get(choice.productId);
  if (!product) {
    line.suggestions = suggestProducts(first, [...lk.products.values()]);
    problems.push({
      kind: 'not-stocked',
      blocking: true,
      message: `SRS product ${choice.productId} (${itemLabel(first)}) is not sold at branch ${input.options.branchCode}; pick another product or branch.`,
      suggestions: line.suggestions,
    });
    return line;
  }
  line.productName = product.productName;
  const productLabel = `${product.productName} (${product.productId})`;
  if (!product.availableAtBranch) {
    problems.push({ kind: 'not-stocked', blocking: true, message: `${productLabel} is not stocked at branch ${input.options.branchCode}; pick another product or branch.` });
  }
  if (line.option === null) {
    problems.push({ kind: 'choose-option', blocking: true, message: `Choose the option of ${productLabel}: ${product.productOptions.join(', ')}.` });
  } else if (product.productOptions.length > 0 && !product.productOptions.includes(line.option)) {
    problems.push({ kind: 'choose-option', blocking: true, message: `${productLabel} has no option "${line.option}"; choose one of ${product.productOptions.join(', ')}.` });
  }

  const uom = ov?.uom ?? product.baseUom;
  if (toBaseFactor(product, uom) === null) {
    throw new AppError('VALIDATION', `Override for line ${group.key}: ${productLabel} cannot be ordered in ${uom} (it knows ${[product.baseUom, ...product.uomConversions.map((c) => c.uom)].join(', ')}).`);
  }
  line.uom = uom;

  let needed: number | null = 0;
  for (const s of sources) {
    const from = s.uom ?? product.baseUom;
    if (s.uom === null) {
      problems.push({ kind: 'unit-assumed', blocking: false, message: `The proposal does not say the unit of item ${s.sourceItemId}; assumed ${product.baseUom}, SRS's selling unit. Check the quantity.` });
    }
    const q = convertQuantity(product, s.quantity, from, uom);
    if (q === null) {
      problems.push({ kind: 'unit-mismatch', blocking: true, message: `${productLabel} has no conversion from ${from} (item ${s.sourceItemId}) to ${uom}; set the quantity by hand.` });
      needed = null;
    } else if (needed !== null) {
      needed += q;
    }
  }
  line.neededQuantity = needed === null ? null : tidy(needed);
  const hasUnitMismatch = problems.some((p) => p.kind === 'unit-mismatch');
  if (ov?.quantity !== undefined) {
    line.quantity = ov.quantity;
    if (needed !== null && ov.quantity < roundUpToWhole(needed)) {
      problems.push({ kind: 'below-proposal-quantity', blocking: false, message: `${ov.quantity} ${uom} ordered but the proposal needs ${tidy(needed)} ${uom}.` });
    }
    if (hasUnitMismatch) {
      // The user typed the quantity the conversion could not compute.
      for (const p of problems) if (p.kind === 'unit-mismatch') p.blocking = false;
    }
  } else if (needed !== null) {
    line.quantity = roundUpToWhole(needed);
  }

  if (needed !== null && line.quantity !== null) {
    const extra = line.quantity - needed;
    if (tidy(extra) > 0) {
      const shared = distinct(sources.map((s) => s.uom ?? product.baseUom));
      const showIn = shared.length === 1 ? shared[0]! : uom;
      const inUnit = convertQuantity(product, extra, uom, showIn);
      line.overOrder = { quantity: tidy(inUnit ?? extra), uom: inUnit === null ? uom : showIn };
    }
  }

  const quote = lk.quotes.get(quoteKey(product.productId, uom));
  if (quote) {
    line.stock = { status: quote.stockStatus, availableQuantity: quote.availableQuantity };
    line.priceFetchedAt = quote.fetchedAt;
  }
  const priced = checkPrice({
    quote,
    productLabel,
    uom,
    quantity: line.quantity,
    neededQuantity: line.neededQuantity,
    proposalCostCents,
    proposalSellCents,
    maxPriceMovePercent: input.options.maxPriceMovePercent,
    priceTtlMs: lk.priceTtlMs,
    now: input.now,
    currency: input.proposal.currency,
  });
  line.unitPriceCents = priced.unitPriceCents;
  line.extendedCents = priced.extendedCents;
  problems.push(...priced.problems);
  return line;
}

/**
 * Turns a proposal (plus its accepted change orders) into an SRS order draft with
 * per-line problems. Pure: everything it needs is in `input`, including `now`.
 */
export function convertProposal(input: ConversionInput): OrderDraft {
  const { proposal, options } = input;
  validateOptions(options);
  const collected = collectItems(proposal, input.changeOrders, options.includeChangeOrders, options.excludedSourceIds);

  const products = new Map(input.branchProducts.map((p) => [p.productId, p]));
  const saved = new Map<string, SavedMapping>(input.savedMappings.map((m) => [m.key, m]));
  const quotes = new Map(input.quotes.map((q) => [quoteKey(q.productId, q.uom), q]));

  const removed: RemovedEntry[] = [];
  const groups = new Map<string, Group>();
  for (const c of collected.items) {
    const auto = autoMap(c.item, input.catalog, saved, products);
    // A kit parent is ordered only when it is itself a product (has an SRS SKU or a
    // saved mapping); otherwise its children are the supplies and the parent is listed as skipped.
    if (c.isKitParent && auto.productId === null) {
      removed.push({ key: `kit:${c.item.id}`, reason: 'kit-parent', sourceItemIds: [c.item.id], description: itemLabel(c.item) });
      continue;
    }
    const key = groupKey(c, auto);
    const g = groups.get(key) ?? { key, auto, members: [] };
    g.members.push({ collected: c, proposalUom: auto.proposalUom });
    groups.set(key, g);
  }

  const lookups: Lookups = { products, quotes, input, priceTtlMs: options.priceTtlMs ?? DEFAULT_PRICE_TTL_MS };
  const lines: DraftLine[] = [];
  for (const g of groups.values()) {
    const ov = options.overrides[g.key];
    if (ov?.removed) {
      const first = g.members[0]!.collected.item;
      removed.push({ key: g.key, reason: 'removed-by-user', sourceItemIds: g.members.map((m) => m.collected.item.id), description: itemLabel(first) });
      continue;
    }
    lines.push(buildLine(g, ov, lookups));
  }

  const totals = computeTotals(lines);
  const blockingReasons: string[] = [];
  if (lines.length === 0) blockingReasons.push('Nothing to order: the accepted options have no supply items.');
  for (const l of lines) {
    for (const p of l.problems) if (p.blocking) blockingReasons.push(p.message);
  }
  return {
    proposalId: proposal.id,
    proposalNumber: proposal.number,
    proposalName: proposal.name,
    currency: proposal.currency,
    branchCode: options.branchCode,
    customer: proposal.customer,
    location: proposal.location,
    includedChangeOrders: collected.includedChangeOrders,
    excludedChangeOrders: collected.excludedChangeOrders,
    lines,
    removed,
    totals,
    totalCents: totals.totalCents,
    blocked: blockingReasons.length > 0,
    blockingReasons,
    builtAt: input.now,
  };
}
