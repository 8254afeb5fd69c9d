import { z } from 'zod';
import type { ChannelMap } from './define';

/** Proposal statuses Portal reports. */
export const PROPOSAL_STATUSES = [
  'Undefined',
  'Draft',
  'Submitted',
  'ViewedByClient',
  'Accepted',
  'Declined',
  'Delayed',
  'Completed',
  'EmailFailed',
  'Expired',
] as const;
export const ProposalStatusSchema = z.enum(PROPOSAL_STATUSES);
export type ProposalStatus = z.infer<typeof ProposalStatusSchema>;

const cents = z.number().int();
const isoDate = z.string().nullable();

export const CurrencySchema = z.object({ code: z.string(), symbol: z.string() });
export type Currency = z.infer<typeof CurrencySchema>;

export const LocationSchema = z.object({
  id: z.number().int(),
  street: z.string(),
  suite: z.string(),
  city: z.string(),
  state: z.string(),
  postalCode: z.string(),
  country: z.string(),
  phone: z.string(),
  isPrimary: z.boolean(),
  isBilling: z.boolean(),
});
export type Location = z.infer<typeof LocationSchema>;

export const CustomerSchema = z.object({
  id: z.number().int(),
  /** "First Last" or the company name when there is no person. */
  name: z.string(),
  companyName: z.string(),
  email: z.string(),
  phone: z.string(),
  location: LocationSchema.nullable(),
});
export type Customer = z.infer<typeof CustomerSchema>;

export const ProposalSummarySchema = z.object({
  id: z.number().int(),
  number: z.number().int(),
  name: z.string(),
  status: z.string(),
  totalCents: cents,
  currency: CurrencySchema,
  customer: CustomerSchema.nullable(),
  createdDate: isoDate,
  lastModifiedDate: isoDate,
});
export type ProposalSummary = z.infer<typeof ProposalSummarySchema>;

export const ITEM_TYPES = ['Part', 'Labor', 'CustomItem'] as const;

export const ProposalItemSchema = z.object({
  id: z.number().int(),
  /** Kits and bundles: the id of the parent item in the same option. */
  parentId: z.number().int().nullable(),
  itemType: z.string(),
  /** The catalog item this line came from. */
  referencedItemId: z.number().int().nullable(),
  brand: z.string(),
  model: z.string(),
  name: z.string(),
  description: z.string(),
  supplier: z.string(),
  quantity: z.number(),
  costCents: cents,
  sellPriceCents: cents,
  msrpCents: cents,
  totalCents: cents,
});
export type ProposalItem = z.infer<typeof ProposalItemSchema>;

export const OptionSchema = z.object({
  id: z.number().int(),
  status: z.string(),
  clientDescription: z.string(),
  installerDescription: z.string(),
  totalCents: cents,
  items: z.array(ProposalItemSchema),
});
export type ProposalOption = z.infer<typeof OptionSchema>;

export const AreaSchema = z.object({ id: z.number().int(), name: z.string(), options: z.array(OptionSchema) });
export type ProposalArea = z.infer<typeof AreaSchema>;

export const ChangeOrderSummarySchema = z.object({
  id: z.number().int(),
  number: z.number().int(),
  name: z.string(),
  status: z.string(),
  totalCents: cents,
  currency: CurrencySchema,
  lastModifiedDate: isoDate,
});
export type ChangeOrderSummary = z.infer<typeof ChangeOrderSummarySchema>;

export const FinancialSummarySchema = z.object({
  partsTotalCents: cents,
  laborTotalCents: cents,
  subtotalCents: cents,
  salesTaxCents: cents,
  totalCents: cents,
});

/** A proposal or a change order (same shape); `kind` tells which. */
export const ProposalDetailSchema = z.object({
  kind: z.enum(['proposal', 'changeOrder']),
  id: z.number().int(),
  number: z.number().int(),
  name: z.string(),
  status: z.string(),
  currency: CurrencySchema,
  financial: FinancialSummarySchema,
  customer: CustomerSchema.nullable(),
  dealerName: z.string(),
  salesperson: z.string(),
  projectDescription: z.string(),
  createdDate: isoDate,
  lastModifiedDate: isoDate,
  areas: z.array(AreaSchema),
  changeOrders: z.array(ChangeOrderSummarySchema),
});
export type ProposalDetail = z.infer<typeof ProposalDetailSchema>;

/** A supply line of an accepted option: parts and custom items only, never labor. */
export const AcceptedItemSchema = z.object({
  id: z.number().int(),
  itemType: z.string(),
  brand: z.string(),
  model: z.string(),
  name: z.string(),
  supplier: z.string(),
  quantity: z.number(),
  costCents: cents,
  sellPriceCents: cents,
  referencedItemId: z.number().int().nullable(),
  parentId: z.number().int().nullable(),
  area: z.object({ id: z.number().int(), name: z.string() }),
  optionId: z.number().int(),
});
export type AcceptedItem = z.infer<typeof AcceptedItemSchema>;

export const PROPOSAL_SORTS = ['number', 'customer', 'modified', 'total'] as const;

export const ProposalListRequestSchema = z.object({
  status: ProposalStatusSchema.optional(),
  text: z.string().max(200).optional(),
  sort: z.enum(PROPOSAL_SORTS).default('modified'),
  direction: z.enum(['asc', 'desc']).default('desc'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(200),
});
export type ProposalListRequest = z.input<typeof ProposalListRequestSchema>;

export const proposalChannels = {
  /** The cached list (works offline). */
  'proposals:list': {
    req: ProposalListRequestSchema,
    res: z.object({ items: z.array(ProposalSummarySchema), total: z.number().int(), lastSynced: isoDate }),
  },
  /** Pulls proposals (changed ones in detail), change orders and contacts into the cache. */
  'proposals:sync': {
    req: z.object({}),
    res: z.object({ proposals: z.number().int(), detailsFetched: z.number().int(), lastSynced: z.string() }),
  },
  /** One proposal, from the cache; `refresh` asks Portal first and falls back to the cache offline. */
  'proposals:get': {
    req: z.object({ id: z.number().int().positive(), refresh: z.boolean().default(false) }),
    res: z.object({
      proposal: ProposalDetailSchema,
      acceptedItems: z.array(AcceptedItemSchema),
      lastSynced: isoDate,
      offline: z.boolean(),
    }),
  },
  'proposals:changeOrder': {
    req: z.object({ id: z.number().int().positive(), refresh: z.boolean().default(false) }),
    res: z.object({ changeOrder: ProposalDetailSchema, lastSynced: isoDate, offline: z.boolean() }),
  },
} satisfies ChannelMap;
