import { z } from 'zod';

/**
 * Portal.io response shapes at the wire (dollars as JSON numbers). Loose objects keep unknown
 * fields; fields we rely on are required so a changed payload fails with the field's name.
 */
const str = z.string().nullish();
const num = z.number().nullish();
const bool = z.boolean().nullish();

export const WireCurrency = z.looseObject({ code: z.string(), symbol: str });

export const WireLocation = z.looseObject({
  id: z.number().int(),
  street: str,
  suite: str,
  city: str,
  postalCode: str,
  state: str,
  stateAbbrev: str,
  country: str,
  phone: str,
  isPrimary: bool,
  isBilling: bool,
});

export const WireContact = z.looseObject({
  id: z.number().int(),
  contactType: str,
  contactCategory: str,
  firstName: str,
  lastName: str,
  companyName: str,
  contactEmail: str,
  contactEmailCC: str,
  contactPhone: str,
});
export const WireCustomer = WireContact.extend({ location: WireLocation.nullish() });

export const WireProposalSummary = z.looseObject({
  id: z.number().int(),
  number: z.number().int(),
  name: str,
  status: z.string(),
  total: z.looseObject({ proposalTotal: z.number(), currency: WireCurrency }),
  createdDate: str,
  lastModifiedDate: str,
  lastModifiedByUserDate: str,
  customer: WireContact.nullish(),
});
export const WireProposalList = z.looseObject({ proposals: z.array(WireProposalSummary), proposalCount: z.number().int() });

export const WireChangeOrderSummary = z.looseObject({
  id: z.number().int(),
  number: z.number().int(),
  name: str,
  status: z.string(),
  total: z.looseObject({ changeOrderTotal: z.number(), currency: WireCurrency }),
  customer: WireContact.nullish(),
  createdDate: str,
  lastModifiedDate: str,
});
export const WireChangeOrderList = z.array(WireChangeOrderSummary);

export const WireItem = z.looseObject({
  id: z.number().int(),
  parentId: z.number().int().nullish(),
  itemType: z.string(),
  referencedItemId: z.number().int().nullish(),
  brand: str,
  model: str,
  description: str,
  name: str,
  shortDescription: str,
  msrp: num,
  sellPrice: num,
  cost: num,
  supplier: str,
  quantity: z.number(),
  total: z.looseObject({ amount: num }).nullish(),
  linkedOrders: z.array(z.unknown()).nullish(),
});

export const WireOption = z.looseObject({
  id: z.number().int(),
  status: z.string(),
  clientDescription: str,
  installerDescription: str,
  items: z.array(WireItem),
  total: num,
});

export const WireArea = z.looseObject({ id: z.number().int(), name: str, options: z.array(WireOption) });

const WireFinancial = z.looseObject({
  partsTotal: num,
  laborTotal: num,
  proposalSubtotal: num,
  changeOrderSubtotal: num,
  salesTax: z.looseObject({ total: num }).nullish(),
  proposalTotal: num,
  changeOrderTotal: num,
  currency: WireCurrency,
});

export const WireProposalDetails = z.looseObject({
  id: z.number().int(),
  number: z.number().int(),
  name: str,
  status: z.string(),
  createdDate: str,
  lastModifiedDate: str,
  financialSummary: WireFinancial,
  customer: WireCustomer.nullish(),
  dealer: z
    .looseObject({ companyName: str, salesperson: z.looseObject({ firstName: str, lastName: str }).nullish() })
    .nullish(),
  projectDescription: str,
  areas: z.array(WireArea),
  changeOrders: z.array(WireChangeOrderSummary).nullish(),
});
export type WireProposalDetails = z.infer<typeof WireProposalDetails>;

export const WireContactList = z.looseObject({ people: z.array(WireContact), peopleCount: z.number().int() });
export const WireContactDetails = WireContact.extend({ notes: str, primaryLocation: WireLocation.nullish(), billingLocation: WireLocation.nullish() });
export const WireLocationList = z.looseObject({ contactLocations: z.array(WireLocation), locationCount: z.number().int() });

const WireFuturePrice = z.looseObject({ value: num, effectiveDate: str }).nullish();
export const WireCatalogItem = z.looseObject({
  id: z.number().int(),
  brand: str,
  model: str,
  shortDescription: str,
  parentCategoryId: z.number().int().nullish(),
  categoryId: z.number().int().nullish(),
  categories: z.array(z.string()).nullish(),
  isDiscontinued: bool,
  msrp: z.looseObject({ value: num, lastModifiedDate: str, currency: WireCurrency.nullish() }).nullish(),
  defaultCost: z
    .looseObject({
      supplierName: str,
      supplierSku: str,
      unitOfMeasure: str,
      isInStock: bool,
      lastVerifiedDate: str,
      value: num,
      lastModifiedDate: str,
      futurePrice: WireFuturePrice,
      currency: WireCurrency.nullish(),
    })
    .nullish(),
  sellPrice: z.looseObject({ value: num, lastModifiedDate: str }).nullish(),
});
export type WireCatalogItem = z.infer<typeof WireCatalogItem>;

export const WireCatalogSearch = z.looseObject({
  items: z.array(WireCatalogItem),
  totalItemCount: z.number().int(),
  categoryFacets: z.array(z.looseObject({ name: z.string(), itemCount: z.number() })).nullish(),
  brandFacets: z.array(z.looseObject({ name: z.string(), itemCount: z.number() })).nullish(),
  supplierFacets: z.array(z.looseObject({ name: z.string(), itemCount: z.number() })).nullish(),
});

export interface WireCategoryNode {
  id: number;
  name: string;
  categories?: WireCategoryNode[] | null | undefined;
  subCategories?: WireCategoryNode[] | null | undefined;
}
export const WireCategoryNode: z.ZodType<WireCategoryNode> = z.lazy(() =>
  z.looseObject({
    id: z.number().int(),
    name: z.string(),
    categories: z.array(WireCategoryNode).nullish(),
    subCategories: z.array(WireCategoryNode).nullish(),
  }),
);
export const WireCategories = z.array(WireCategoryNode);

export const WireItemDetails = WireCatalogItem.extend({
  description: str,
  specs: z.array(z.looseObject({ name: z.string(), value: z.string() })).nullish(),
  pdfResourceLinks: z.array(z.looseObject({ name: z.string(), url: z.string() })).nullish(),
  videoResourceLinks: z.array(z.looseObject({ name: z.string(), url: z.string() })).nullish(),
  suppliers: z.array(
    z.looseObject({
      id: z.number().int(),
      name: z.string(),
      sku: str,
      isDefault: bool,
      isInStock: bool,
      accountNumber: str,
      cost: z.looseObject({ value: num, unitOfMeasure: str, lastVerifiedDate: str }).nullish(),
    }),
  ),
});

/** The key exchange answers with the user key as `apiKey`, or inside `meta`. */
export const WireKeyExchange = z.looseObject({
  apiKey: z.string().min(1).optional(),
  meta: z.looseObject({ apiKey: z.string().min(1).optional() }).nullish(),
});

/** Error bodies: ServiceStack style `responseStatus`, or a bare `message`. */
export const WireErrorBody = z.looseObject({
  message: z.string().optional(),
  responseStatus: z.looseObject({ errorCode: z.string().optional(), message: z.string().optional() }).optional(),
});
