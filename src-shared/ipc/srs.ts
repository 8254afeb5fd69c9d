import { z } from 'zod';
import type { ChannelMap } from './define';

/** Job kind of the branch-product sync (job:progress / job:finished events). */
export const SRS_PRODUCTS_JOB_KIND = 'srs-products-sync';

/** Prices older than this are refreshed before use (and shown as stale). */
export const SRS_PRICE_TTL_MS = 4 * 60 * 60 * 1000;

const BranchCode = z.string().trim().min(2).max(10).regex(/^[A-Za-z0-9]+$/, 'a branch code is letters and digits').transform((s) => s.toUpperCase());
const Uom = z.string().trim().min(2).max(3).regex(/^[A-Za-z]+$/).transform((s) => s.toUpperCase());

export const SrsAddressSchema = z.object({
  addressLine1: z.string().nullable(),
  addressLine2: z.string().nullable(),
  city: z.string().nullable(),
  state: z.string().nullable(),
  zipCode: z.string().nullable(),
});

export const SrsValidationSchema = z.object({
  customerCode: z.string(),
  valid: z.boolean(),
  /** SRS's message; when not valid, why ordering is blocked. */
  message: z.string().nullable(),
  customerName: z.string().nullable(),
  homeBranchCode: z.string().nullable(),
  validatedAt: z.string(),
});
export type SrsValidation = z.infer<typeof SrsValidationSchema>;

export const SrsBranchSchema = z.object({
  branchCode: z.string(),
  branchName: z.string(),
  address: SrsAddressSchema.nullable(),
  phone: z.string().nullable(),
  shippingMethods: z.array(z.string()),
});
export type SrsBranchView = z.infer<typeof SrsBranchSchema>;

export const SrsJobAccountSchema = z.object({
  branchCode: z.string(),
  branchName: z.string(),
  jobAccountNumber: z.number().int(),
  jobAccountName: z.string().nullable(),
  shipToSequenceNumber: z.number().int().nullable(),
  shipTo: SrsAddressSchema.extend({ name: z.string().nullable() }).nullable(),
});
export type SrsJobAccountView = z.infer<typeof SrsJobAccountSchema>;

export const SrsDefaultsSchema = z.object({ branchCode: z.string().nullable(), jobAccountNumber: z.number().int().nullable() });

export const SrsStatusSchema = z.object({
  mode: z.enum(['sandbox', 'live', 'off']),
  configured: z.boolean(),
  customerCode: z.string().nullable(),
  validation: SrsValidationSchema.nullable(),
  /** Ordering is allowed only after SRS validated the customer. */
  orderingBlocked: z.boolean(),
  blockedReason: z.string().nullable(),
  defaults: SrsDefaultsSchema,
  products: z.object({
    total: z.number().int(),
    branches: z.array(z.object({ branchCode: z.string(), count: z.number().int(), syncedAt: z.string() })),
  }),
});
export type SrsStatus = z.infer<typeof SrsStatusSchema>;

export const StockStatusSchema = z.enum(['in_stock', 'limited', 'out_of_stock', 'unknown']);

export const SrsSubstituteSchema = z.object({
  productId: z.number().int(),
  productName: z.string().nullable(),
  option: z.string().nullable(),
  uom: z.string().nullable(),
});

export const SrsPricedLineSchema = z.object({
  productId: z.number().int(),
  uom: z.string(),
  option: z.string(),
  quantity: z.number(),
  /** Null means "call the branch for a price": never show it as $0. */
  unitPriceCents: z.number().int().positive().nullable(),
  extendedCents: z.number().int().nonnegative().nullable(),
  callForPrice: z.boolean(),
  /** True when the line cannot be submitted as is (call for price, out of stock). */
  blocking: z.boolean(),
  blockingReason: z.string().nullable(),
  stockStatus: StockStatusSchema,
  availableQuantity: z.number().nullable(),
  substitutions: z.array(SrsSubstituteSchema),
  fetchedAt: z.string(),
  fromCache: z.boolean(),
});
export type SrsPricedLineView = z.infer<typeof SrsPricedLineSchema>;

export const SrsProductHitSchema = z.object({
  productId: z.number().int(),
  productName: z.string(),
  description: z.string().nullable(),
  manufacturer: z.string().nullable(),
  category: z.string().nullable(),
  options: z.array(z.string()),
  baseUom: z.string(),
  uomConversions: z.array(z.object({ uom: z.string(), toBase: z.number() })),
  /** Branches that stock it (from the last sync). */
  branches: z.array(z.string()),
  /** Whether the branch asked about (or the default branch) stocks it; null when no branch is chosen. */
  availableAtBranch: z.boolean().nullable(),
  /** The cached price at that branch for the base unit, if any (may be stale). */
  cachedPrice: SrsPricedLineSchema.nullable(),
});
export type SrsProductHit = z.infer<typeof SrsProductHitSchema>;

export const SrsPriceLineRequestSchema = z.object({
  productId: z.number().int().positive(),
  uom: Uom,
  quantity: z.number().positive().max(1_000_000),
  option: z.string().trim().max(100).optional(),
});

export const srsChannels = {
  'srs:status': { req: z.object({}), res: SrsStatusSchema },
  'srs:validate': {
    /** Without an invoice, the integration key from the vault is the proof. */
    req: z.object({
      invoiceNumber: z.string().trim().min(1).max(40).optional(),
      invoiceDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD').optional(),
      billedAmount: z.number().positive().optional(),
    }),
    res: SrsValidationSchema,
  },
  'srs:branches': { req: z.object({ refresh: z.boolean().optional() }), res: z.array(SrsBranchSchema) },
  'srs:jobAccounts': { req: z.object({ refresh: z.boolean().optional() }), res: z.array(SrsJobAccountSchema) },
  'srs:setDefaults': {
    req: z.object({ branchCode: BranchCode.nullable(), jobAccountNumber: z.number().int().positive().nullable() }),
    res: SrsDefaultsSchema,
  },
  'srs:syncProducts': {
    req: z.object({ branchCodes: z.array(BranchCode).max(50).optional() }),
    res: z.object({ jobId: z.string() }),
  },
  'srs:searchProducts': {
    req: z.object({
      text: z.string().max(200),
      branchCode: BranchCode.nullable().optional(),
      onlyAtBranch: z.boolean().optional(),
      limit: z.number().int().min(1).max(200).optional(),
    }),
    res: z.object({ branchCode: z.string().nullable(), items: z.array(SrsProductHitSchema) }),
  },
  'srs:price': {
    req: z.object({
      branchCode: BranchCode.optional(),
      jobAccountNumber: z.number().int().positive().optional(),
      lines: z.array(SrsPriceLineRequestSchema).min(1).max(2000),
      refresh: z.boolean().optional(),
    }),
    res: z.object({ branchCode: z.string(), jobAccountNumber: z.number().int(), lines: z.array(SrsPricedLineSchema) }),
  },
} satisfies ChannelMap;
