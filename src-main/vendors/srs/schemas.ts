import { z } from 'zod';

/**
 * SRS answers some lists bare and some wrapped ({ products: [...] }). Both parse to the
 * wrapped form, so a bad field is reported with its full path ("products[3].baseUom").
 */
function listOf<T extends z.ZodType, K extends string>(key: K, item: T) {
  return z.preprocess(
    (v) => (Array.isArray(v) ? { [key]: v } : v),
    z.looseObject({ [key]: z.array(item) } as { [P in K]: z.ZodArray<T> }),
  );
}

/**
 * Every SRS answer, parsed at the boundary. The exact shapes are not public: these follow
 * vendors/srs.md and the sandbox, so each can be corrected against QA in one place.
 * looseObject keeps unknown fields; nullish accepts SRS's habit of sending null.
 */

export const TokenAnswerSchema = z.looseObject({
  token_type: z.string().nullish(),
  access_token: z.string().min(1),
  expires_in: z.coerce.number().positive(),
});

export const ValidateAnswerSchema = z.looseObject({
  accountNumber: z.string().nullish(),
  validIndicator: z.union([z.string(), z.boolean()]),
  message: z.string().nullish(),
  customerName: z.string().nullish(),
  homeBranchCode: z.string().nullish(),
});

const AddressSchema = z.looseObject({
  addressLine1: z.string().nullish(),
  addressLine2: z.string().nullish(),
  city: z.string().nullish(),
  state: z.string().nullish(),
  zipCode: z.string().nullish(),
});

export const BranchSchema = z.looseObject({
  branchCode: z.string().min(1),
  branchName: z.string().nullish(),
  branchAddress: AddressSchema.nullish(),
  branchPhone: z.string().nullish(),
  shippingMethods: z.array(z.string()).nullish(),
});
export const BranchesAnswerSchema = listOf('branches', BranchSchema);

const JobAccountSchema = z.looseObject({
  jobAccountNumber: z.number().int(),
  jobAccountName: z.string().nullish(),
  shipToSequenceNumber: z.number().int().nullish(),
  shipTo: z.looseObject({ name: z.string().nullish() }).and(AddressSchema).nullish(),
});
export const CustomerBranchSchema = BranchSchema.extend({
  /** Either one numeric job account on the row, or a list of them. */
  jobAccountNumber: z.number().int().nullish(),
  jobAccountName: z.string().nullish(),
  jobAccounts: z.array(JobAccountSchema).nullish(),
});
export const CustomerBranchesAnswerSchema = listOf('customerBranchLocations', CustomerBranchSchema);

/** One branch product: the one place the (non-public) product shape is written down. */
export const ProductSchema = z.looseObject({
  productId: z.number().int().positive(),
  productName: z.string().min(1),
  productDescription: z.string().nullish(),
  manufacturer: z.string().nullish(),
  productCategory: z.string().nullish(),
  productOptions: z.array(z.string()).nullish(),
  baseUom: z.string().min(2).max(3),
  uomConversions: z.array(z.looseObject({ uom: z.string().min(2).max(3), toBase: z.number().positive() })).nullish(),
});
export const ProductsAnswerSchema = listOf('products', ProductSchema);

/** One priced line of POST /products/v2/price: the one place the price answer is written down. */
export const PriceLineSchema = z.looseObject({
  productId: z.number().int(),
  productName: z.string().nullish(),
  option: z.string().nullish(),
  uom: z.string(),
  quantity: z.number(),
  /** Dollars per uom; 0 means "call the branch for a price". */
  price: z.number().nonnegative(),
  extendedPrice: z.number().nullish(),
  stockStatus: z.string().nullish(),
  availableQuantity: z.number().nullish(),
  substitutions: z
    .array(z.looseObject({ productId: z.number().int(), productName: z.string().nullish(), option: z.string().nullish(), uom: z.string().nullish() }))
    .nullish(),
});
export const PriceAnswerSchema = z.looseObject({
  transactionId: z.string().nullish(),
  productList: z.array(PriceLineSchema),
});

const IdSchema = z.union([z.string().min(1), z.number().int()]).transform(String);

export const SubmitAnswerSchema = z.looseObject({
  message: z.string().nullish(),
  transactionID: z.string().min(1),
  orderID: IdSchema.nullish(),
  queueID: IdSchema.nullish(),
});

export const OrderStatusAnswerSchema = z.looseObject({
  transactionID: z.string().min(1),
  orderID: IdSchema.nullish(),
  queueID: IdSchema.nullish(),
  status: z.string().min(1),
  branchCode: z.string().nullish(),
  submittedDate: z.string().nullish(),
});

export const OrderDetailsAnswerSchema = OrderStatusAnswerSchema.extend({
  orderTotal: z.number().nullish(),
  shippingMethod: z.string().nullish(),
  orderLineItemDetails: z.array(
    z.looseObject({ productId: z.number().int(), productName: z.string().nullish(), option: z.string().nullish(), quantity: z.number(), uom: z.string(), price: z.number() }),
  ),
  statusHistory: z.array(z.looseObject({ status: z.string(), date: z.string() })).nullish(),
});

const ProofSchema = z.looseObject({ signedBy: z.string().nullish(), photos: z.array(z.string()).nullish(), deliveredDate: z.string().nullish() });
export const DeliverySchema = z.looseObject({
  deliveryID: IdSchema,
  orderID: IdSchema.nullish(),
  status: z.string(),
  estimatedDeliveryDate: z.string().nullish(),
  deliveredDate: z.string().nullish(),
  proofOfDelivery: ProofSchema.nullish(),
});
export const DeliveriesAnswerSchema = listOf('deliveries', DeliverySchema);
export const ProofOfDeliveryAnswerSchema = ProofSchema.extend({ deliveryID: IdSchema });

export const InvoiceSchema = z.looseObject({
  invoiceNumber: IdSchema,
  orderID: IdSchema.nullish(),
  invoiceDate: z.string().nullish(),
  subtotal: z.number().nullish(),
  tax: z.number().nullish(),
  invoiceTotal: z.number(),
  /** Invoiced lines, when SRS lists them (the order flow matches them against the order). */
  lines: z
    .array(z.looseObject({ productId: z.number().int(), productName: z.string().nullish(), quantity: z.number(), uom: z.string(), price: z.number() }))
    .nullish(),
});
export const InvoicesAnswerSchema = listOf('invoices', InvoiceSchema);

export const CancelAnswerSchema = z.looseObject({ message: z.string().nullish(), status: z.string().nullish() });

/** 4xx bodies: SRS field messages, or OAuth-style errors from the token endpoint. */
export const ErrorBodySchema = z.looseObject({
  message: z.string().nullish(),
  error: z.string().nullish(),
  error_description: z.string().nullish(),
  errors: z.array(z.looseObject({ field: z.string().nullish(), message: z.string().nullish() })).nullish(),
});
