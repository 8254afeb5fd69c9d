import type { DraftFix, DraftLineView, DraftProblem, DraftView } from '../../../src-shared/ipc/orders';
import type { SubmitIssue, OrderHeader } from '../../orders/submit-body';
import type { BranchProduct, DraftLine, LineOverride, LineProblem, OrderDraft } from '../../orders/types';
import { knownUoms } from '../../orders/units';
import { toLineSourceView } from './source-view';

export interface ViewContext {
  proposalId: number;
  customerName: string;
  products: ReadonlyMap<number, BranchProduct>;
  header: OrderHeader;
  headerIssues: SubmitIssue[];
  /** SRS refused ordering for this customer (validated and not allowed). */
  accountBlockedReason: string | null;
  overrides: Readonly<Record<string, LineOverride>>;
  jobAccountNumber: number | null;
  includeChangeOrders: boolean;
  existingOrder: DraftView['existingOrder'];
  amendsOrderId: number | null;
  priceTtlMs: number;
}

const fix = (kind: DraftFix['kind'], label: string, o: Partial<Omit<DraftFix, 'kind' | 'label'>> = {}): DraftFix => ({
  kind,
  label,
  productId: o.productId ?? null,
  option: o.option ?? null,
  uom: o.uom ?? null,
  quantity: o.quantity ?? null,
});

/** The option to use when the product leaves no choice; null when the user must pick one. */
function onlyOption(options: readonly string[]): string | null {
  if (options.length === 0) return 'N/A';
  return options.length === 1 ? options[0]! : null;
}

function fixesFor(p: LineProblem, line: DraftLine, product: BranchProduct | undefined): DraftFix[] {
  const remove = fix('remove', 'Leave this line off the order');
  const pick = (p.suggestions ?? []).map((s) => fix('pick-product', `Use ${s.productName}`, { productId: s.productId, option: onlyOption(s.options) }));
  const substitutes = (p.substitutions ?? []).map((s) => fix('accept-substitute', `Substitute ${s.productName}`, { productId: s.productId, option: s.option, uom: s.uom }));
  switch (p.kind) {
    case 'unmapped':
      return [...pick, remove];
    case 'not-stocked':
      return [...pick, fix('change-branch', 'Order from another branch'), remove];
    case 'choose-option':
      return (product?.productOptions ?? []).map((o) => fix('choose-option', o, { productId: line.productId, option: o }));
    case 'unit-mismatch':
    case 'unit-assumed':
      return [fix('set-quantity', 'Set the quantity by hand', { uom: line.uom }), remove];
    case 'out-of-stock':
      return [...substitutes, remove];
    case 'limited-stock':
      return [...substitutes, fix('set-quantity', `Order only the ${line.stock?.availableQuantity ?? 0} available`, { quantity: line.stock?.availableQuantity ?? 0, uom: line.uom }), remove];
    case 'no-price':
    case 'price-stale':
      return [fix('reprice', 'Get current prices')];
    case 'call-for-price':
      return [remove];
    case 'below-proposal-quantity':
      return line.neededQuantity === null ? [] : [fix('set-quantity', 'Order what the proposal needs', { quantity: Math.ceil(line.neededQuantity), uom: line.uom })];
    case 'price-moved':
    case 'loses-money':
      return [];
  }
}

function problemView(p: LineProblem, line: DraftLine, product: BranchProduct | undefined): DraftProblem {
  return { code: p.kind, blocking: p.blocking, message: p.message, fixes: fixesFor(p, line, product) };
}

function overOrderText(o: { quantity: number; uom: string }, orderUom: string | null): string {
  const q = Math.round(o.quantity * 100) / 100;
  return q > 0 ? `${q} ${o.uom} extra (rounded up to whole ${orderUom ?? o.uom})` : `rounded up to whole ${orderUom ?? o.uom}`;
}

function lineView(l: DraftLine, ctx: ViewContext): DraftLineView {
  const product = l.productId === null ? undefined : ctx.products.get(l.productId);
  const units = [...new Set(l.sources.map((s) => s.uom))];
  const sharedUnit = units.length === 1 ? units[0]! : null;
  const substitutes = l.problems.flatMap((p) => p.substitutions ?? []);
  return {
    key: l.key,
    productId: l.productId,
    productName: l.productName,
    option: l.option,
    productOptions: product?.productOptions ?? [],
    uoms: product ? knownUoms(product) : [],
    manufacturer: product?.manufacturer ?? null,
    mappedBy: l.mappedBy,
    substitutedFor: l.substitutedFor,
    quantity: l.quantity,
    uom: l.uom,
    unitPriceCents: l.unitPriceCents,
    extendedCents: l.extendedCents,
    proposalQuantity: sharedUnit === null ? null : Math.round(l.sources.reduce((s, x) => s + x.quantity, 0) * 1e6) / 1e6,
    proposalUom: sharedUnit,
    neededQuantity: l.neededQuantity,
    overOrder: l.overOrder,
    // Conversion factors carry float noise (1/120 BD per LF): an "extra" under 1% of a unit is not worth showing.
    overOrderText: l.overOrder && l.quantity !== null && l.neededQuantity !== null && l.quantity - l.neededQuantity >= 0.01 ? overOrderText(l.overOrder, l.uom) : null,
    sourceItemIds: l.sourceItemIds,
    sources: l.sources.map(toLineSourceView),
    areas: l.areas,
    origins: l.origins,
    source: l.origins.join(' + '),
    proposalCostCents: l.proposalCostCents,
    proposalSellCents: l.proposalSellCents,
    stock: l.stock,
    priceFetchedAt: l.priceFetchedAt,
    edited: Object.keys(ctx.overrides[l.key] ?? {}).length > 0,
    problems: l.problems.map((p) => problemView(p, l, product)),
    suggestions: l.suggestions,
    substitutes: [...new Map(substitutes.map((s) => [`${s.productId}|${s.option}`, s])).values()],
  };
}

/** The engine's draft plus header, account state and existing order, as the review screen shows it. */
export function toDraftView(draft: OrderDraft, ctx: ViewContext): DraftView {
  const headerIssues = ctx.headerIssues.map((i) => ({ field: i.field, message: i.message }));
  const blockingReasons = [...draft.blockingReasons, ...headerIssues.map((i) => i.message)];
  if (ctx.accountBlockedReason) blockingReasons.unshift(ctx.accountBlockedReason);
  const fetched = draft.lines.map((l) => l.priceFetchedAt).filter((t): t is string => t !== null);
  const changeOrders = [
    ...draft.includedChangeOrders.map((c) => ({ ...c, included: true })),
    ...draft.excludedChangeOrders.map((c) => ({ ...c, included: false })),
  ].sort((a, b) => Number(a.number) - Number(b.number) || a.id.localeCompare(b.id));
  return {
    proposalId: ctx.proposalId,
    proposalNumber: draft.proposalNumber,
    proposalName: draft.proposalName,
    customerName: ctx.customerName,
    currency: draft.currency,
    branchCode: draft.branchCode,
    jobAccountNumber: ctx.jobAccountNumber,
    includeChangeOrders: ctx.includeChangeOrders,
    changeOrders,
    lines: draft.lines.map((l) => lineView(l, ctx)),
    removed: draft.removed,
    header: ctx.header,
    headerIssues,
    totals: draft.totals,
    totalCents: draft.totalCents,
    blocked: blockingReasons.length > 0,
    blockingReasons,
    canSubmit: blockingReasons.length === 0,
    oldestPriceAt: fetched.length ? fetched.reduce((a, b) => (a < b ? a : b)) : null,
    priceTtlMs: ctx.priceTtlMs,
    existingOrder: ctx.existingOrder,
    amendsOrderId: ctx.amendsOrderId,
    builtAt: draft.builtAt,
  };
}
