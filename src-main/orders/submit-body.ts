import { AppError } from '../../src-shared/domain/result';
import type { OrderDraft } from './types';

export type ShippingMethod = 'Ground Drop' | 'Roof Load' | 'Will Call';
export const SHIPPING_METHODS: readonly ShippingMethod[] = ['Ground Drop', 'Roof Load', 'Will Call'];

export interface PostalAddress {
  addressLine1: string;
  addressLine2: string;
  addressLine3: string;
  city: string;
  state: string;
  zipCode: string;
}

/** What the review screen collects besides the lines; stored with the order. */
export interface OrderHeader {
  sourceSystem: string;
  customerCode: string;
  /** SRS's accountNumber; usually the customer code. */
  accountNumber: string;
  branchCode: string;
  jobAccountNumber: number | null;
  poNumber: string;
  reference: string;
  jobNumber: string;
  /** YYYY-MM-DD */
  orderDate: string;
  delivery: { method: ShippingMethod; /** YYYY-MM-DD */ date: string; time: string };
  notes: string;
  shipTo: PostalAddress & { name: string };
  contact: {
    name: string;
    phone: string;
    email: string;
    address: { addressLine1: string; city: string; state: string; zipCode: string };
    additionalEmails: string[];
  };
  /** SRS requires a non-empty customerItem on every line; the proposal or job number. */
  customerItem: string;
}

export interface SrsSubmitLine {
  productId: number;
  productName: string;
  option: string;
  quantity: number;
  price: number;
  customerItem: string;
  uom: string;
}

/** The body of `POST /orders/v2/Submit` (field names as SRS spells them). */
export type SrsSubmitBody = {
  sourceSystem: string;
  customerCode: string;
  jobAccountNumber: number;
  branchCode: string;
  accountNumber: string;
  transactionID: string;
  transactionDate: string;
  notes: string;
  shipTo: PostalAddress & { name: string };
  poDetails: {
    poNumber: string;
    reference: string;
    jobNumber: string;
    orderDate: string;
    expectedDeliveryDate: string;
    expectedDeliveryTime: string;
    orderType: 'WHSE' | 'WILLCALL';
    shippingMethod: ShippingMethod;
  };
  orderLineItemDetails: SrsSubmitLine[];
  customerContactInfo: {
    customerContactName: string;
    customerContactPhone: string;
    customerContactEmail: string;
    customerContactAddress: { addressLine1: string; city: string; state: string; zipCode: string };
    additionalContactEmails: string[];
  };
};

export interface HeaderDefaults {
  sourceSystem: string;
  customerCode: string;
  jobAccountNumber: number | null;
  /** YYYY-MM-DD; also the default delivery date. */
  today: string;
}

/** A header pre-filled from the proposal's customer and location; the user edits it before submitting. */
export function defaultOrderHeader(draft: OrderDraft, d: HeaderDefaults): OrderHeader {
  const c = draft.customer;
  const loc = draft.location;
  const person = [c.firstName, c.lastName].filter(Boolean).join(' ').trim();
  const street = loc?.street ?? '';
  return {
    sourceSystem: d.sourceSystem,
    customerCode: d.customerCode,
    accountNumber: d.customerCode,
    branchCode: draft.branchCode,
    jobAccountNumber: d.jobAccountNumber,
    poNumber: `${draft.proposalNumber} ${draft.proposalName}`.trim(),
    reference: `Portal proposal ${draft.proposalNumber}`,
    jobNumber: '',
    orderDate: d.today,
    delivery: { method: 'Ground Drop', date: d.today, time: 'Anytime' },
    notes: '',
    shipTo: {
      name: c.companyName || person,
      addressLine1: street,
      addressLine2: loc?.suite ?? '',
      addressLine3: '',
      city: loc?.city ?? '',
      state: loc?.state ?? '',
      zipCode: loc?.postalCode ?? '',
    },
    contact: {
      name: person || c.companyName,
      phone: c.phone || loc?.phone || '',
      email: c.email,
      address: { addressLine1: street, city: loc?.city ?? '', state: loc?.state ?? '', zipCode: loc?.postalCode ?? '' },
      additionalEmails: [],
    },
    customerItem: draft.proposalNumber,
  };
}

export interface SubmitIssue {
  /** Dotted path of the header field, or `lines[i]` / `draft`. */
  field: string;
  message: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (s: string) => DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Everything that keeps the draft + header from being a valid SRS order; empty when it can be submitted. */
export function validateSubmission(draft: OrderDraft, h: OrderHeader): SubmitIssue[] {
  const issues: SubmitIssue[] = [];
  const need = (field: string, value: string, label: string) => {
    if (!value.trim()) issues.push({ field, message: `${label} is required.` });
  };
  need('sourceSystem', h.sourceSystem, 'The SRS source system');
  need('customerCode', h.customerCode, 'The SRS customer code');
  need('accountNumber', h.accountNumber, 'The SRS account number');
  need('branchCode', h.branchCode, 'The SRS branch');
  if (h.branchCode.trim() && h.branchCode !== draft.branchCode) {
    issues.push({ field: 'branchCode', message: `The draft was priced at branch ${draft.branchCode}, not ${h.branchCode}; re-price it for ${h.branchCode}.` });
  }
  if (h.jobAccountNumber === null || !Number.isSafeInteger(h.jobAccountNumber) || h.jobAccountNumber <= 0) {
    issues.push({ field: 'jobAccountNumber', message: 'A numeric SRS job account number is required.' });
  }
  need('poNumber', h.poNumber, 'The PO number');
  if (!isDate(h.orderDate)) issues.push({ field: 'orderDate', message: `The order date must be a date (YYYY-MM-DD), got "${h.orderDate}".` });
  if (!SHIPPING_METHODS.includes(h.delivery.method)) {
    issues.push({ field: 'delivery.method', message: `The shipping method must be one of ${SHIPPING_METHODS.join(', ')}.` });
  }
  if (!isDate(h.delivery.date)) {
    issues.push({ field: 'delivery.date', message: `The ${h.delivery.method === 'Will Call' ? 'pick-up' : 'delivery'} date must be a date (YYYY-MM-DD), got "${h.delivery.date}".` });
  } else if (isDate(h.orderDate) && h.delivery.date < h.orderDate) {
    issues.push({ field: 'delivery.date', message: `The ${h.delivery.method === 'Will Call' ? 'pick-up' : 'delivery'} date ${h.delivery.date} is before the order date ${h.orderDate}.` });
  }
  if (h.delivery.method !== 'Will Call') {
    need('shipTo.name', h.shipTo.name, 'The ship-to name');
    need('shipTo.addressLine1', h.shipTo.addressLine1, 'The ship-to street');
    need('shipTo.city', h.shipTo.city, 'The ship-to city');
    need('shipTo.state', h.shipTo.state, 'The ship-to state');
    need('shipTo.zipCode', h.shipTo.zipCode, 'The ship-to ZIP code');
  }
  need('contact.name', h.contact.name, 'The contact name');
  need('contact.phone', h.contact.phone, 'The contact phone');
  if (h.contact.phone.trim() && h.contact.phone.replace(/\D/g, '').length < 7) {
    issues.push({ field: 'contact.phone', message: `The contact phone "${h.contact.phone}" has too few digits.` });
  }
  need('contact.address.addressLine1', h.contact.address.addressLine1, 'The contact street');
  need('contact.address.city', h.contact.address.city, 'The contact city');
  need('contact.address.state', h.contact.address.state, 'The contact state');
  need('contact.address.zipCode', h.contact.address.zipCode, 'The contact ZIP code');
  for (const [i, e] of [h.contact.email, ...h.contact.additionalEmails].entries()) {
    if (e.trim() && !EMAIL.test(e.trim())) issues.push({ field: i === 0 ? 'contact.email' : `contact.additionalEmails[${i - 1}]`, message: `"${e}" is not an e-mail address.` });
  }
  need('customerItem', h.customerItem, 'The customer item (proposal or job number)');

  if (draft.lines.length === 0) issues.push({ field: 'lines', message: 'The order has no lines.' });
  draft.lines.forEach((l, i) => {
    const blocking = l.problems.filter((p) => p.blocking);
    if (blocking.length > 0) {
      for (const p of blocking) issues.push({ field: `lines[${i}]`, message: p.message });
      return;
    }
    if (l.productId === null || l.option === null || l.uom === null) issues.push({ field: `lines[${i}]`, message: `Line ${l.key} has no SRS product.` });
    if (l.quantity === null || l.quantity <= 0) issues.push({ field: `lines[${i}]`, message: `Line ${l.key} has no quantity to order.` });
    if (l.unitPriceCents === null) issues.push({ field: `lines[${i}]`, message: `Line ${l.key} has no price.` });
  });
  return issues;
}

/**
 * The SRS submit body for a draft + header. `transactionId` is the order row's (created
 * with it and reused on every retry); `transactionDate` is the caller's clock. Refuses,
 * listing every problem, when the order cannot be submitted.
 */
export function buildSubmitBody(draft: OrderDraft, h: OrderHeader, ids: { transactionId: string; transactionDate: string }): SrsSubmitBody {
  const issues = validateSubmission(draft, h);
  if (!ids.transactionId.trim()) issues.push({ field: 'transactionId', message: 'The order has no transactionID.' });
  if (issues.length > 0) {
    throw new AppError('VALIDATION', `SRS order for proposal ${draft.proposalNumber} cannot be submitted: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`);
  }
  return {
    sourceSystem: h.sourceSystem,
    customerCode: h.customerCode,
    jobAccountNumber: h.jobAccountNumber!,
    branchCode: h.branchCode,
    accountNumber: h.accountNumber,
    transactionID: ids.transactionId,
    // SRS's examples carry a local timestamp without a zone.
    transactionDate: ids.transactionDate.replace(/Z$/, ''),
    notes: h.notes,
    shipTo: { ...h.shipTo },
    poDetails: {
      poNumber: h.poNumber,
      reference: h.reference,
      jobNumber: h.jobNumber,
      orderDate: h.orderDate,
      expectedDeliveryDate: h.delivery.date,
      expectedDeliveryTime: h.delivery.time || 'Anytime',
      orderType: h.delivery.method === 'Will Call' ? 'WILLCALL' : 'WHSE',
      shippingMethod: h.delivery.method,
    },
    orderLineItemDetails: draft.lines.map((l) => ({
      productId: l.productId!,
      productName: l.productName ?? '',
      option: l.option!,
      quantity: l.quantity!,
      // Dollars on the wire; a single division of integer cents is exact to the cent.
      price: l.unitPriceCents! / 100,
      customerItem: h.customerItem,
      uom: l.uom!,
    })),
    customerContactInfo: {
      customerContactName: h.contact.name,
      customerContactPhone: h.contact.phone,
      customerContactEmail: h.contact.email,
      customerContactAddress: { ...h.contact.address },
      additionalContactEmails: [...h.contact.additionalEmails],
    },
  };
}
