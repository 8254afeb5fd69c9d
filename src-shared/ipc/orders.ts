import { z } from 'zod';
import { ORDER_STATUSES } from '../domain/order-status';
import type { ChannelMap, EventMap } from './define';

/**
 * Proposal → SRS order: the editable draft (review screen), submission, and the orders
 * that track themselves afterwards. Money is integer cents; dates are ISO strings.
 */

const cents = z.number().int();
const isoDate = z.string();
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD');
const ProposalId = z.number().int().positive();
const BranchCode = z.string().trim().min(2).max(10).regex(/^[A-Za-z0-9]+$/, 'a branch code is letters and digits').transform((s) => s.toUpperCase());
const Uom = z.string().trim().min(2).max(3).regex(/^[A-Za-z]+$/, 'a unit is 2–3 letters').transform((s) => s.toUpperCase());

export const OrderStatusSchema = z.enum(ORDER_STATUSES);
export const SHIPPING_METHODS = ['Ground Drop', 'Roof Load', 'Will Call'] as const;
export const ShippingMethodSchema = z.enum(SHIPPING_METHODS);

// ---------------------------------------------------------------- draft

export const STOCK_STATUSES = ['In Stock', 'Out of Stock', 'Limited'] as const;

export const PROBLEM_CODES = [
  'unmapped',
  'choose-option',
  'not-stocked',
  'unit-mismatch',
  'unit-assumed',
  'out-of-stock',
  'limited-stock',
  'no-price',
  'call-for-price',
  'price-stale',
  'price-moved',
  'loses-money',
  'below-proposal-quantity',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/**
 * A one-click fix the review screen offers for a problem, and the call that applies it:
 * - pick-product → `orders:confirmMapping` { key, productId, option } (remembered for next time)
 * - choose-option / accept-substitute → `orders:updateDraft` lines[{ key, set: { product | substitute } }]
 * - set-quantity → `orders:updateDraft` lines[{ key, set: { quantity } }]
 * - remove → `orders:updateDraft` lines[{ key, set: { removed: true } }]
 * - reprice → `orders:reprice`
 * - change-branch → `orders:updateDraft` { branchCode }
 */
export const FIX_KINDS = ['pick-product', 'choose-option', 'accept-substitute', 'set-quantity', 'remove', 'reprice', 'change-branch'] as const;
export const DraftFixSchema = z.object({
  kind: z.enum(FIX_KINDS),
  label: z.string(),
  productId: z.number().int().nullable(),
  option: z.string().nullable(),
  uom: z.string().nullable(),
  quantity: z.number().nullable(),
});
export type DraftFix = z.infer<typeof DraftFixSchema>;

export const DraftProblemSchema = z.object({
  code: z.enum(PROBLEM_CODES),
  /** A blocking problem keeps the order from being submitted. */
  blocking: z.boolean(),
  message: z.string(),
  fixes: z.array(DraftFixSchema),
});
export type DraftProblem = z.infer<typeof DraftProblemSchema>;

export const SuggestionSchema = z.object({
  productId: z.number().int(),
  productName: z.string(),
  manufacturer: z.string(),
  options: z.array(z.string()),
  /** 0..1, higher is better. */
  score: z.number(),
});

export const SubstituteSchema = z.object({
  productId: z.number().int(),
  productName: z.string(),
  option: z.string(),
  uom: z.string(),
});

export const LineSourceSchema = z.object({
  sourceItemId: z.string(),
  origin: z.object({ kind: z.enum(['proposal', 'change-order']), changeOrderId: z.string().nullable(), number: z.string().nullable() }),
  /** "proposal" or "change order #3". */
  originLabel: z.string(),
  areaName: z.string(),
  optionName: z.string(),
  brand: z.string(),
  model: z.string(),
  description: z.string(),
  quantity: z.number(),
  /** The proposal's unit for this item; null when the catalog does not say. */
  uom: z.string().nullable(),
  costCents: cents,
  sellPriceCents: cents,
});
export type LineSourceView = z.infer<typeof LineSourceSchema>;

export const OverOrderSchema = z.object({ quantity: z.number(), uom: z.string() });

export const DraftLineSchema = z.object({
  /** Stable id of the line; overrides and fixes are keyed by it. */
  key: z.string(),
  productId: z.number().int().nullable(),
  productName: z.string().nullable(),
  option: z.string().nullable(),
  /** The product's options (colours) to choose from. */
  productOptions: z.array(z.string()),
  /** Units the product can be ordered in (its selling unit first). */
  uoms: z.array(z.string()),
  manufacturer: z.string().nullable(),
  mappedBy: z.enum(['supplier-sku', 'saved-mapping', 'override', 'substitute']).nullable(),
  /** Set when an accepted substitute replaced the mapped product. */
  substitutedFor: z.number().int().nullable(),
  /** Whole sellable units ordered; null when not convertible. */
  quantity: z.number().nullable(),
  uom: z.string().nullable(),
  unitPriceCents: cents.nullable(),
  extendedCents: cents.nullable(),
  /** What the proposal asks for in its own unit (summed when all sources share one unit). */
  proposalQuantity: z.number().nullable(),
  proposalUom: z.string().nullable(),
  /** The proposal's need in the order unit, before rounding up. */
  neededQuantity: z.number().nullable(),
  overOrder: OverOrderSchema.nullable(),
  /** e.g. "5 LF extra (rounded up to whole PC)"; null when nothing extra is ordered. */
  overOrderText: z.string().nullable(),
  sourceItemIds: z.array(z.string()),
  sources: z.array(LineSourceSchema),
  areas: z.array(z.string()),
  /** Distinct origins ("proposal", "change order #1"). */
  origins: z.array(z.string()),
  /** The origins as one label, e.g. "proposal + change order #1". */
  source: z.string(),
  proposalCostCents: cents,
  proposalSellCents: cents,
  stock: z.object({ status: z.enum(STOCK_STATUSES), availableQuantity: z.number() }).nullable(),
  /** When the price was fetched from SRS (its age is shown); null while unpriced. */
  priceFetchedAt: z.string().nullable(),
  /** The user changed this line (quantity, unit, product, substitute). */
  edited: z.boolean(),
  problems: z.array(DraftProblemSchema),
  suggestions: z.array(SuggestionSchema),
  substitutes: z.array(SubstituteSchema),
});
export type DraftLineView = z.infer<typeof DraftLineSchema>;

export const RemovedLineSchema = z.object({
  key: z.string(),
  reason: z.enum(['removed-by-user', 'kit-parent']),
  sourceItemIds: z.array(z.string()),
  description: z.string(),
});

export const AddressSchema = z.object({
  addressLine1: z.string(),
  addressLine2: z.string(),
  addressLine3: z.string(),
  city: z.string(),
  state: z.string(),
  zipCode: z.string(),
});

/** Everything besides the lines that goes on the SRS order; filled from the proposal and settings, editable. */
export const OrderHeaderSchema = z.object({
  sourceSystem: z.string(),
  customerCode: z.string(),
  accountNumber: z.string(),
  branchCode: z.string(),
  jobAccountNumber: z.number().int().nullable(),
  poNumber: z.string(),
  reference: z.string(),
  jobNumber: z.string(),
  orderDate: z.string(),
  delivery: z.object({ method: ShippingMethodSchema, date: z.string(), time: z.string() }),
  notes: z.string(),
  shipTo: AddressSchema.extend({ name: z.string() }),
  contact: z.object({
    name: z.string(),
    phone: z.string(),
    email: z.string(),
    address: z.object({ addressLine1: z.string(), city: z.string(), state: z.string(), zipCode: z.string() }),
    additionalEmails: z.array(z.string()),
  }),
  customerItem: z.string(),
});
export type OrderHeaderView = z.infer<typeof OrderHeaderSchema>;

const text = (max: number) => z.string().max(max);
/** The header fields the user may edit (branch and job account are set with their own fields). */
export const HeaderPatchSchema = z
  .object({
    poNumber: text(60),
    reference: text(120),
    jobNumber: text(60),
    orderDate: Day,
    delivery: z.object({ method: ShippingMethodSchema, date: Day, time: text(40) }).partial().strict(),
    notes: text(2000),
    shipTo: AddressSchema.extend({ name: text(120) }).partial().strict(),
    contact: z
      .object({
        name: text(120),
        phone: text(40),
        email: text(200),
        address: z.object({ addressLine1: text(200), city: text(100), state: text(40), zipCode: text(20) }).partial().strict(),
        additionalEmails: z.array(text(200)).max(10),
      })
      .partial()
      .strict(),
    customerItem: text(60),
  })
  .partial()
  .strict();
export type HeaderPatch = z.infer<typeof HeaderPatchSchema>;

export const FieldIssueSchema = z.object({ field: z.string(), message: z.string() });

export const DraftTotalsSchema = z.object({
  totalCents: cents,
  pricedLineCount: z.number().int(),
  unpricedLineCount: z.number().int(),
  proposalCostCents: cents,
  proposalSellCents: cents,
  proposalMarginCents: cents,
  liveMarginCents: cents.nullable(),
  proposalMarginPercent: z.number().nullable(),
  liveMarginPercent: z.number().nullable(),
});

export const OrderRefSchema = z.object({
  id: z.number().int(),
  status: OrderStatusSchema,
  supplierOrderId: z.string().nullable(),
  createdAt: isoDate,
});

export const DraftSchema = z.object({
  proposalId: z.number().int(),
  proposalNumber: z.string(),
  proposalName: z.string(),
  customerName: z.string(),
  currency: z.string(),
  branchCode: z.string(),
  jobAccountNumber: z.number().int().nullable(),
  includeChangeOrders: z.boolean(),
  /** Accepted change orders of the proposal; `included` says whether their items are on this order. */
  changeOrders: z.array(z.object({ id: z.string(), number: z.string(), name: z.string(), included: z.boolean() })),
  lines: z.array(DraftLineSchema),
  removed: z.array(RemovedLineSchema),
  header: OrderHeaderSchema,
  /** Header fields that keep the order from being submitted (required fields, dates). */
  headerIssues: z.array(FieldIssueSchema),
  totals: DraftTotalsSchema,
  totalCents: cents,
  /** True while any blocking problem or header issue remains. */
  blocked: z.boolean(),
  /** Why Submit is disabled, one sentence each (line problems first, then header issues). */
  blockingReasons: z.array(z.string()),
  canSubmit: z.boolean(),
  /** The oldest price on the draft; prices older than priceTtlMs are re-fetched before submitting. */
  oldestPriceAt: z.string().nullable(),
  priceTtlMs: z.number().int(),
  /** The open order already placed for this proposal ("already ordered" warning with its link). */
  existingOrder: OrderRefSchema.nullable(),
  /** Set while this draft amends (replaces) that order: submitting cancels it and places this one. */
  amendsOrderId: z.number().int().nullable(),
  builtAt: isoDate,
});
export type DraftView = z.infer<typeof DraftSchema>;

/** One change to a line, or null to undo every change made to it. */
export const LineOverrideSchema = z
  .object({
    quantity: z.number().int().positive().max(1_000_000),
    uom: Uom,
    product: z.object({ productId: z.number().int().positive(), option: z.string().trim().min(1).max(100) }),
    substitute: z.object({ productId: z.number().int().positive(), option: z.string().trim().min(1).max(100) }),
    removed: z.boolean(),
  })
  .partial()
  .strict();
export type LineOverrideInput = z.infer<typeof LineOverrideSchema>;

// ---------------------------------------------------------------- orders

export const OrderSummarySchema = z.object({
  id: z.number().int(),
  proposalId: z.number().int(),
  proposalNumber: z.string(),
  proposalName: z.string(),
  supplier: z.string(),
  branchCode: z.string(),
  jobAccountNumber: z.number().int().nullable(),
  status: OrderStatusSchema,
  statusReason: z.string().nullable(),
  transactionId: z.string(),
  supplierOrderId: z.string().nullable(),
  queueId: z.string().nullable(),
  totalCents: cents,
  currency: z.string(),
  lineCount: z.number().int(),
  /** Latest delivery ETA SRS gave; null until known. */
  eta: z.string().nullable(),
  /** The ETA moved later, or passed without a delivery. */
  delayed: z.boolean(),
  /** Flagged differences between invoices and the order (quantity, price). */
  invoiceDifferences: z.number().int(),
  lastCheckedAt: z.string().nullable(),
  createdAt: isoDate,
  updatedAt: isoDate,
});
export type OrderSummary = z.infer<typeof OrderSummarySchema>;

export const OrderLineSchema = z.object({
  lineNo: z.number().int(),
  key: z.string(),
  productId: z.number().int(),
  productName: z.string(),
  option: z.string(),
  quantity: z.number(),
  uom: z.string(),
  unitPriceCents: cents,
  extendedCents: cents,
  substitutedFor: z.number().int().nullable(),
  /** As proposed: the proposal items this line covers. */
  proposed: z.array(LineSourceSchema),
  proposalCostCents: cents,
  proposalSellCents: cents,
});

export const TimelineEventSchema = z.object({
  id: z.number().int(),
  at: isoDate,
  kind: z.enum(['status', 'link', 'note']),
  fromStatus: OrderStatusSchema.nullable(),
  toStatus: OrderStatusSchema.nullable(),
  reason: z.string(),
  linkKind: z.enum(['amended-by', 'amends']).nullable(),
  linkOrderId: z.number().int().nullable(),
});

export const DeliverySchema = z.object({
  deliveryId: z.string(),
  status: z.string(),
  eta: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  proofOfDelivery: z.object({ signedBy: z.string().nullable(), photos: z.array(z.string()) }).nullable(),
  updatedAt: isoDate,
});

export const INVOICE_DIFFERENCE_KINDS = ['quantity', 'price', 'extra-line', 'missing-line', 'total'] as const;
export const InvoiceDifferenceSchema = z.object({
  kind: z.enum(INVOICE_DIFFERENCE_KINDS),
  productId: z.number().int().nullable(),
  ordered: z.number().nullable(),
  invoiced: z.number().nullable(),
  message: z.string(),
});

export const InvoiceSchema = z.object({
  invoiceNumber: z.string(),
  invoiceDate: z.string().nullable(),
  subtotalCents: cents.nullable(),
  taxCents: cents.nullable(),
  totalCents: cents,
  lines: z.array(z.object({ productId: z.number().int(), productName: z.string().nullable(), quantity: z.number(), uom: z.string(), unitPriceCents: cents })),
  differences: z.array(InvoiceDifferenceSchema),
  updatedAt: isoDate,
});

export const OrderDetailSchema = z.object({
  order: OrderSummarySchema,
  header: OrderHeaderSchema,
  lines: z.array(OrderLineSchema),
  timeline: z.array(TimelineEventSchema),
  deliveries: z.array(DeliverySchema),
  invoices: z.array(InvoiceSchema),
  /** SRS still allows cancelling (not shipped yet). */
  canCancel: z.boolean(),
  canAmend: z.boolean(),
});
export type OrderDetail = z.infer<typeof OrderDetailSchema>;

export const PriceChangeSchema = z.object({
  key: z.string(),
  productId: z.number().int(),
  productName: z.string(),
  kind: z.enum(['price', 'stock']),
  before: z.string(),
  after: z.string(),
  message: z.string(),
});
export type PriceChange = z.infer<typeof PriceChangeSchema>;

export const SubmitResultSchema = z.discriminatedUnion('outcome', [
  /** The order is stored and sent (or being sent); `order.status` says how far it got. */
  z.object({ outcome: z.literal('placed'), order: OrderSummarySchema }),
  /** A price or stock changed since the draft was shown: nothing was ordered; review `draft`. */
  z.object({ outcome: z.literal('changed'), changes: z.array(PriceChangeSchema), draft: DraftSchema }),
  /** The proposal already has an open order: nothing was ordered; submit again with `again` to order anyway. */
  z.object({ outcome: z.literal('already-ordered'), existingOrder: OrderSummarySchema, message: z.string() }),
]);
export type SubmitResult = z.infer<typeof SubmitResultSchema>;

const DraftOptions = {
  branchCode: BranchCode.optional(),
  jobAccountNumber: z.number().int().positive().optional(),
  includeChangeOrders: z.boolean().optional(),
  /** Change-order ids left out of this order. */
  excludedChangeOrderIds: z.array(z.string().max(40)).max(100).optional(),
};

export const ordersChannels = {
  /**
   * The draft of a proposal: built on first open (fetching the proposal, catalog entries,
   * branch products and prices that are not cached), then kept with the user's edits.
   * `fresh` drops earlier edits; `refresh` fetches the proposal from Portal again.
   */
  'orders:draft': {
    req: z.object({ proposalId: ProposalId, ...DraftOptions, fresh: z.boolean().optional(), refresh: z.boolean().optional() }),
    res: DraftSchema,
  },
  /** Edits lines (null undoes a line's edits), the header, branch / job account (remembered as defaults) or change orders. */
  'orders:updateDraft': {
    req: z.object({
      proposalId: ProposalId,
      ...DraftOptions,
      lines: z.array(z.object({ key: z.string().min(1).max(200), set: LineOverrideSchema.nullable() })).max(2000).optional(),
      header: HeaderPatchSchema.optional(),
    }),
    res: DraftSchema,
  },
  /** Maps a line to an SRS product and remembers it (per company) for the same brand + model next time. */
  'orders:confirmMapping': {
    req: z.object({ proposalId: ProposalId, key: z.string().min(1).max(200), productId: z.number().int().positive(), option: z.string().trim().min(1).max(100) }),
    res: DraftSchema,
  },
  /** Fetches every price of the draft from SRS again. */
  'orders:reprice': { req: z.object({ proposalId: ProposalId }), res: DraftSchema },
  /** Re-checks prices and stock, stores the order with its outbox entry in one transaction, then sends it. */
  'orders:submit': { req: z.object({ proposalId: ProposalId, again: z.boolean().default(false) }), res: SubmitResultSchema },
  'orders:list': {
    req: z.object({
      status: OrderStatusSchema.optional(),
      proposalId: ProposalId.optional(),
      supplier: z.string().max(40).optional(),
      /** Matches proposal number or name, PO number, SRS order id. */
      text: z.string().max(200).optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
    res: z.object({ items: z.array(OrderSummarySchema), total: z.number().int() }),
  },
  'orders:get': { req: z.object({ id: z.number().int().positive() }), res: OrderDetailSchema },
  /** Cancels at SRS while it still allows it (before shipping); a never-sent order is cancelled locally. */
  'orders:cancel': { req: z.object({ id: z.number().int().positive(), reason: z.string().max(500).optional() }), res: OrderDetailSchema },
  /** Opens a draft that replaces the order: submitting it cancels the old order and places the new one, linked. */
  'orders:amend': { req: z.object({ id: z.number().int().positive() }), res: DraftSchema },
  /** Polls SRS now for one order or every open one. */
  'orders:sync': {
    req: z.object({ id: z.number().int().positive().optional() }),
    res: z.object({ checked: z.number().int(), changed: z.number().int(), orders: z.array(OrderSummarySchema) }),
  },
} satisfies ChannelMap;

export const NOTIFICATION_KINDS = ['submitted', 'acknowledged', 'delayed', 'delivered', 'failed', 'cancelled', 'invoice-differences'] as const;

export const OrderChangedSchema = z.object({
  orderId: z.number().int(),
  status: OrderStatusSchema,
  previousStatus: OrderStatusSchema.nullable(),
  reason: z.string(),
});

export const OrderNotificationSchema = z.object({
  orderId: z.number().int(),
  kind: z.enum(NOTIFICATION_KINDS),
  title: z.string(),
  message: z.string(),
  at: isoDate,
});
export type OrderNotification = z.infer<typeof OrderNotificationSchema>;

export const ordersEvents = {
  /** An order was created or moved (status, ETA, delivery, invoice): refresh lists and details. */
  'orders:changed': OrderChangedSchema,
  /** Something the user should hear about: acknowledged, delayed, delivered, failed, invoice differences. */
  'orders:notification': OrderNotificationSchema,
} satisfies EventMap;
