import { z } from 'zod';
import type { ChannelMap } from './define';
import { CurrencySchema } from './proposals';

const cents = z.number().int();

/** One catalog item as cached locally (money in cents, as everywhere after the vendor boundary). */
export const CatalogItemSchema = z.object({
  id: z.number().int(),
  brand: z.string(),
  model: z.string(),
  description: z.string(),
  categoryId: z.number().int().nullable(),
  categoryName: z.string(),
  supplierName: z.string(),
  supplierSku: z.string(),
  unitOfMeasure: z.string(),
  costCents: cents.nullable(),
  sellPriceCents: cents.nullable(),
  msrpCents: cents.nullable(),
  currency: CurrencySchema,
  isInStock: z.boolean().nullable(),
  isDiscontinued: z.boolean(),
  /** When Portal last verified the supplier cost. */
  costVerifiedAt: z.string().nullable(),
  /** When Junction fetched this row from Portal: the age the UI shows. */
  fetchedAt: z.string(),
});
export type CatalogItem = z.infer<typeof CatalogItemSchema>;

export const CatalogSupplierSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  sku: z.string(),
  costCents: cents.nullable(),
  unitOfMeasure: z.string(),
  isInStock: z.boolean().nullable(),
  isDefault: z.boolean(),
  accountNumber: z.string(),
  lastVerifiedDate: z.string().nullable(),
});

export const CatalogItemDetailsSchema = z.object({
  description: z.string(),
  specs: z.array(z.object({ name: z.string(), value: z.string() })),
  links: z.array(z.object({ name: z.string(), url: z.string() })),
  suppliers: z.array(CatalogSupplierSchema),
  fetchedAt: z.string(),
});
export type CatalogItemDetails = z.infer<typeof CatalogItemDetailsSchema>;

export const CatalogSearchRequestSchema = z.object({
  text: z.string().max(200).default(''),
  categoryId: z.number().int().optional(),
  brand: z.string().max(200).optional(),
  supplier: z.string().max(200).optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
export type CatalogSearchRequest = z.input<typeof CatalogSearchRequestSchema>;

export const CatalogStatusSchema = z.object({
  itemCount: z.number().int(),
  lastSynced: z.string().nullable(),
  /** A sync stopped part-way; the next sync resumes it. */
  interrupted: z.boolean(),
  runningJobId: z.string().nullable(),
  /**
   * The first download (into an empty catalog), running or interrupted: items downloaded so far
   * of Portal's total. They become searchable all at once when it finishes; null otherwise.
   */
  firstDownload: z.object({ items: z.number().int(), total: z.number().int().nullable() }).nullable(),
});
export type CatalogStatus = z.infer<typeof CatalogStatusSchema>;

export const CategorySchema = z.object({ id: z.number().int(), name: z.string(), parentId: z.number().int().nullable(), depth: z.number().int() });

export const catalogChannels = {
  /** Starts (or resumes) a sync job; progress arrives as job:progress events. */
  'catalog:sync': {
    req: z.object({ full: z.boolean().default(false) }),
    res: z.object({ jobId: z.string() }),
  },
  'catalog:status': { req: z.object({}), res: CatalogStatusSchema },
  /** Offline search over the local catalog. */
  'catalog:search': {
    req: CatalogSearchRequestSchema,
    res: z.object({ items: z.array(CatalogItemSchema), total: z.number().int(), tookMs: z.number() }),
  },
  'catalog:facets': {
    req: z.object({}),
    res: z.object({ categories: z.array(CategorySchema), brands: z.array(z.string()), suppliers: z.array(z.string()) }),
  },
  /** One item; supplier details are fetched on demand and cached (null offline when never fetched). */
  'catalog:item': {
    req: z.object({ id: z.number().int().positive() }),
    res: z.object({ item: CatalogItemSchema, details: CatalogItemDetailsSchema.nullable(), offline: z.boolean() }),
  },
} satisfies ChannelMap;
