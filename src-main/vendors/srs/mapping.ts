import type { z } from 'zod';
import { toCents } from '../../../src-shared/domain/money';
import type {
  BranchSchema,
  CustomerBranchSchema,
  OrderStatusAnswerSchema,
  PriceLineSchema,
  ProductSchema,
  ValidateAnswerSchema,
} from './schemas';
import type { CustomerValidation, PricedLine, SrsAddress, SrsBranch, SrsJobAccount, SrsOrderState, SrsOrderStatus, SrsProduct, StockStatus } from './types';

type Out<S extends z.ZodType> = z.output<S>;

export function toValidation(customerCode: string, a: Out<typeof ValidateAnswerSchema>): CustomerValidation {
  const v = a.validIndicator;
  const valid = v === true || (typeof v === 'string' && ['y', 'yes', 'true'].includes(v.trim().toLowerCase()));
  return {
    customerCode,
    valid,
    message: a.message ?? (valid ? null : 'SRS did not validate this customer and gave no reason.'),
    customerName: a.customerName ?? null,
    homeBranchCode: a.homeBranchCode ?? null,
  };
}

function toAddress(a: { addressLine1?: string | null; addressLine2?: string | null; city?: string | null; state?: string | null; zipCode?: string | null } | null | undefined): SrsAddress | null {
  if (!a) return null;
  return { addressLine1: a.addressLine1 ?? null, addressLine2: a.addressLine2 ?? null, city: a.city ?? null, state: a.state ?? null, zipCode: a.zipCode ?? null };
}

export function toBranch(b: Out<typeof BranchSchema>): SrsBranch {
  return {
    branchCode: b.branchCode,
    branchName: b.branchName ?? b.branchCode,
    address: toAddress(b.branchAddress),
    phone: b.branchPhone ?? null,
    shippingMethods: b.shippingMethods ?? [],
  };
}

/** A customer branch row carries either one job account or a list of them. */
export function toJobAccounts(row: Out<typeof CustomerBranchSchema>): SrsJobAccount[] {
  const branch = { branchCode: row.branchCode, branchName: row.branchName ?? row.branchCode };
  if (row.jobAccounts?.length) {
    return row.jobAccounts.map((j) => ({
      ...branch,
      jobAccountNumber: j.jobAccountNumber,
      jobAccountName: j.jobAccountName ?? null,
      shipToSequenceNumber: j.shipToSequenceNumber ?? null,
      shipTo: j.shipTo ? { name: (j.shipTo.name as string | null | undefined) ?? null, ...toAddress(j.shipTo)! } : null,
    }));
  }
  if (row.jobAccountNumber == null) return [];
  return [{ ...branch, jobAccountNumber: row.jobAccountNumber, jobAccountName: row.jobAccountName ?? null, shipToSequenceNumber: null, shipTo: null }];
}

export function toProduct(p: Out<typeof ProductSchema>): SrsProduct {
  return {
    productId: p.productId,
    productName: p.productName,
    productDescription: p.productDescription ?? null,
    manufacturer: p.manufacturer ?? null,
    category: p.productCategory ?? null,
    options: p.productOptions?.length ? p.productOptions : ['N/A'],
    baseUom: p.baseUom,
    uomConversions: (p.uomConversions ?? []).map((c) => ({ uom: c.uom, toBase: c.toBase })),
  };
}

function toStock(s: string | null | undefined): StockStatus {
  const t = (s ?? '').toLowerCase().replace(/[^a-z]/g, '');
  if (t === 'instock') return 'in_stock';
  if (t === 'outofstock') return 'out_of_stock';
  if (t === 'limited' || t === 'lowstock') return 'limited';
  return 'unknown';
}

export function toPricedLine(l: Out<typeof PriceLineSchema>, _endpoint: string): PricedLine {
  const cents = toCents(l.price);
  return {
    productId: l.productId,
    productName: l.productName ?? null,
    option: l.option ?? null,
    uom: l.uom,
    quantity: l.quantity,
    // A price of 0 is SRS's "call the branch", never a free item.
    unitPriceCents: cents === 0 ? null : cents,
    callForPrice: cents === 0,
    stockStatus: toStock(l.stockStatus),
    availableQuantity: l.availableQuantity ?? null,
    substitutions: (l.substitutions ?? []).map((s) => ({ productId: s.productId, productName: s.productName ?? null, option: s.option ?? null, uom: s.uom ?? null })),
  };
}

const STATES: Record<string, SrsOrderState> = {
  queued: 'queued', pending: 'queued', received: 'received', submitted: 'received', acknowledged: 'acknowledged',
  shipped: 'shipped', outfordelivery: 'shipped', delivered: 'delivered', cancelled: 'cancelled', canceled: 'cancelled',
};

export function toOrderStatus(a: Out<typeof OrderStatusAnswerSchema>): SrsOrderStatus {
  return {
    transactionID: a.transactionID,
    orderID: a.orderID ?? null,
    queueID: a.queueID ?? null,
    state: STATES[a.status.toLowerCase().replace(/[^a-z]/g, '')] ?? 'unknown',
    srsStatus: a.status,
  };
}
