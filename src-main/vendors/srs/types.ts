import type { Cents } from '../../../src-shared/domain/money';

export interface SrsCredentials {
  clientId: string;
  clientSecret: string;
  customerCode: string;
  integrationKey?: string;
}

/** Proof that we may act for the customer: the integration key, or an invoice of theirs. */
export type CustomerProof =
  | { integrationKey: string }
  | { invoiceNumber: string; invoiceDate?: string; billedAmount?: number };

export interface CustomerValidation {
  customerCode: string;
  valid: boolean;
  /** SRS's message; when not valid, the reason ordering is blocked. */
  message: string | null;
  customerName: string | null;
  homeBranchCode: string | null;
}

export interface SrsAddress {
  addressLine1: string | null;
  addressLine2: string | null;
  city: string | null;
  state: string | null;
  zipCode: string | null;
}

export interface SrsBranch {
  branchCode: string;
  branchName: string;
  address: SrsAddress | null;
  phone: string | null;
  shippingMethods: string[];
}

export interface SrsJobAccount {
  branchCode: string;
  branchName: string;
  jobAccountNumber: number;
  jobAccountName: string | null;
  shipToSequenceNumber: number | null;
  shipTo: (SrsAddress & { name: string | null }) | null;
}

export interface SrsProduct {
  productId: number;
  productName: string;
  productDescription: string | null;
  manufacturer: string | null;
  category: string | null;
  options: string[];
  baseUom: string;
  /** How many base units one `uom` is. */
  uomConversions: { uom: string; toBase: number }[];
}

export interface PriceRequestLine {
  productId: number;
  productName?: string;
  option?: string;
  quantity: number;
  uom: string;
}

export type StockStatus = 'in_stock' | 'limited' | 'out_of_stock' | 'unknown';

export interface PricedLine {
  productId: number;
  productName: string | null;
  option: string | null;
  uom: string;
  quantity: number;
  /** Customer price per uom in cents; null means "call the branch for a price" (SRS sent 0). */
  unitPriceCents: Cents | null;
  callForPrice: boolean;
  stockStatus: StockStatus;
  availableQuantity: number | null;
  substitutions: { productId: number; productName: string | null; option: string | null; uom: string | null }[];
}

export interface SrsOrderLine {
  productId: number;
  productName: string;
  option: string;
  quantity: number;
  uom: string;
  unitPriceCents: Cents;
  /** Our reference for the line (proposal or job number); SRS requires it non-empty. */
  customerItem: string;
}

export interface SrsOrder {
  /** Created with the order row and reused on every retry. */
  transactionID: string;
  transactionDate?: string;
  branchCode: string;
  jobAccountNumber: number;
  notes?: string;
  shipTo: { name: string; addressLine1: string; addressLine2?: string; addressLine3?: string; city: string; state: string; zipCode: string };
  po: {
    poNumber: string;
    reference?: string;
    jobNumber?: string;
    orderDate: string;
    expectedDeliveryDate?: string;
    expectedDeliveryTime?: string;
    orderType: 'WHSE' | 'WILLCALL';
    shippingMethod: 'Ground Drop' | 'Roof Load' | 'Will Call';
  };
  lines: SrsOrderLine[];
  contact: {
    name: string;
    phone: string;
    email?: string;
    address: { addressLine1: string; city?: string; state?: string; zipCode?: string };
    additionalEmails?: string[];
  };
}

export interface SubmitResult {
  transactionID: string;
  /** Set in sync mode, or once SRS processed an async submission. */
  orderID: string | null;
  /** Set in async mode. */
  queueID: string | null;
  message: string | null;
  /** SRS already had this transactionID (409, or found by lookup): nothing new was created. */
  alreadySubmitted: boolean;
}

export type SrsOrderState = 'queued' | 'received' | 'acknowledged' | 'shipped' | 'delivered' | 'cancelled' | 'unknown';

export interface SrsOrderStatus {
  transactionID: string;
  orderID: string | null;
  queueID: string | null;
  state: SrsOrderState;
  /** SRS's own wording. */
  srsStatus: string;
}

export type OrderRef = { transactionID: string } | { orderID: string };
