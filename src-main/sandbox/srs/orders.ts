import { HttpProblem, badRequest } from './http';
import { checkAccount } from './pricing';
import { PRODUCTS_BY_ID, toBase, unitsOf } from './seed';
import type { SandboxState, StoredLine, StoredOrder } from './state';

type Problems = { field: string; message: string }[];
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
const SHIPPING_METHODS = ['Ground Drop', 'Roof Load', 'Will Call'];
export const STATUSES = ['Received', 'Acknowledged', 'Shipped', 'Delivered'] as const;

export interface OrderTiming extends Clock {
  mode: 'sync' | 'async';
  asyncDelayMs: number;
}

/** The answer SRS gives for an order (submit, 409 duplicate, status lookups). */
export function orderView(o: StoredOrder, c: Clock) {
  const visible = c.now >= o.receivedAt;
  return {
    transactionID: o.transactionID,
    orderID: visible ? o.orderID : null,
    queueID: o.queueID,
    status: statusOf(o, c),
    customerCode: o.customerCode,
    branchCode: o.branchCode,
    jobAccountNumber: o.jobAccountNumber,
    poNumber: o.poNumber,
    submittedDate: new Date(o.submittedAt).toISOString(),
  };
}

/** The simulator's clock and how long each status step takes. */
export interface Clock {
  now: number;
  stepMs: number;
}

export function statusOf(o: StoredOrder, c: Clock): string {
  if (o.cancelledAt !== null) return 'Cancelled';
  if (c.now < o.receivedAt) return 'Queued';
  const step = Math.floor((c.now - o.receivedAt) / Math.max(1, c.stepMs));
  return STATUSES[Math.min(step, STATUSES.length - 1)]!;
}

/** POST /orders/v2/Submit: validates everything SRS requires, then stores the order. */
export function submit(body: Record<string, unknown>, state: SandboxState, t: OrderTiming) {
  const problems: Problems = [];
  const transactionID = text(body.transactionID);
  if (!transactionID) problems.push({ field: 'transactionID', message: 'is required' });
  const existing = transactionID ? state.byTransactionId(transactionID) : undefined;
  if (existing) {
    throw new HttpProblem(409, { message: `Duplicate transactionID ${transactionID}: the order was already submitted.`, ...orderView(existing, t) });
  }
  const { customer, branchCode } = checkAccount(body, problems);
  if (!text(body.accountNumber)) problems.push({ field: 'accountNumber', message: 'is required' });

  const ship = isObj(body.shipTo) ? body.shipTo : undefined;
  const po = isObj(body.poDetails) ? body.poDetails : undefined;
  if (!po) problems.push({ field: 'poDetails', message: 'is required' });
  const method = text(po?.shippingMethod);
  if (po && !SHIPPING_METHODS.includes(method)) problems.push({ field: 'poDetails.shippingMethod', message: `must be one of ${SHIPPING_METHODS.join(', ')}` });
  if (method !== 'Will Call' && (!ship || !text(ship.addressLine1))) problems.push({ field: 'shipTo.addressLine1', message: 'is required for delivery' });

  const contact = isObj(body.customerContactInfo) ? body.customerContactInfo : undefined;
  if (!text(contact?.customerContactName)) problems.push({ field: 'customerContactInfo.customerContactName', message: 'is required' });
  if (!text(contact?.customerContactPhone)) problems.push({ field: 'customerContactInfo.customerContactPhone', message: 'is required' });
  const address = isObj(contact?.customerContactAddress) ? contact.customerContactAddress : undefined;
  if (!text(address?.addressLine1)) problems.push({ field: 'customerContactInfo.customerContactAddress.addressLine1', message: 'is required' });

  const items = body.orderLineItemDetails;
  if (!Array.isArray(items) || items.length === 0) problems.push({ field: 'orderLineItemDetails', message: 'must list at least one item' });
  const lines: StoredLine[] = [];
  (Array.isArray(items) ? items : []).forEach((raw, i) => {
    const at = `orderLineItemDetails[${i}]`;
    if (!isObj(raw)) return void problems.push({ field: at, message: 'must be an object' });
    const p = typeof raw.productId === 'number' ? PRODUCTS_BY_ID.get(raw.productId) : undefined;
    if (!p || (branchCode && !p.branches.includes(branchCode))) problems.push({ field: `${at}.productId`, message: `${String(raw.productId)} is not sold at branch ${branchCode}` });
    if (typeof raw.quantity !== 'number' || !(raw.quantity > 0)) problems.push({ field: `${at}.quantity`, message: 'must be a positive number' });
    if (!text(raw.customerItem)) problems.push({ field: `${at}.customerItem`, message: 'must not be empty' });
    const uom = text(raw.uom);
    if (!uom) problems.push({ field: `${at}.uom`, message: 'is required' });
    else if (p && toBase(p, uom) === undefined) problems.push({ field: `${at}.uom`, message: `${uom} is not a unit of product ${p.productId} (sold in ${unitsOf(p).join(', ')})` });
    if (typeof raw.price !== 'number' || raw.price < 0) problems.push({ field: `${at}.price`, message: 'must be a number' });
    if (p && p.productOptions[0] !== 'N/A' && raw.option !== undefined && !p.productOptions.includes(String(raw.option))) {
      problems.push({ field: `${at}.option`, message: `${String(raw.option)} is not an option of product ${p.productId}` });
    }
    lines.push({
      productId: Number(raw.productId), productName: text(raw.productName) || p?.productName || '', option: text(raw.option) || 'N/A',
      quantity: Number(raw.quantity), uom, price: Number(raw.price), customerItem: text(raw.customerItem),
    });
  });
  if (problems.length || !customer || !branchCode) throw badRequest(problems);

  const asyncMode = t.mode === 'async';
  const order: StoredOrder = {
    transactionID,
    orderID: state.allocateOrderId(),
    queueID: asyncMode ? state.allocateQueueId() : null,
    customerCode: customer.customerCode,
    branchCode,
    jobAccountNumber: body.jobAccountNumber as number,
    poNumber: text(po?.poNumber),
    shippingMethod: method,
    shipTo: ship ?? {},
    contactName: text(contact?.customerContactName),
    lines,
    submittedAt: t.now,
    receivedAt: asyncMode ? t.now + t.asyncDelayMs : t.now,
    cancelledAt: null,
  };
  state.add(order);
  return {
    message: asyncMode ? 'Order Queued' : 'Order Submitted',
    transactionID,
    orderID: asyncMode ? null : order.orderID,
    queueID: order.queueID,
  };
}

export function findOrder(state: SandboxState, query: URLSearchParams, c: Clock): StoredOrder {
  const tx = query.get('transactionID');
  const id = query.get('orderID');
  if (!tx && !id) throw badRequest([{ field: 'transactionID', message: 'transactionID or orderID is required' }]);
  const o = tx ? state.byTransactionId(tx) : state.byOrderId(id!);
  // An async order is not findable by its orderID before SRS has assigned it.
  if (!o || (!tx && c.now < o.receivedAt)) throw new HttpProblem(404, { message: `Order ${tx ?? id} was not found.` });
  return o;
}

export function orderDetails(o: StoredOrder, c: Clock) {
  const subtotal = o.lines.reduce((s, l) => s + Math.round(l.price * l.quantity * 100), 0) / 100;
  return {
    ...orderView(o, c),
    shippingMethod: o.shippingMethod,
    shipTo: o.shipTo,
    orderLineItemDetails: o.lines,
    orderTotal: subtotal,
    statusHistory: statusHistory(o, c),
  };
}

function statusHistory(o: StoredOrder, c: Clock) {
  const history = [{ status: 'Submitted', date: new Date(o.submittedAt).toISOString() }];
  STATUSES.forEach((s, i) => {
    const at = o.receivedAt + i * c.stepMs;
    if (at <= c.now && (o.cancelledAt === null || at <= o.cancelledAt)) history.push({ status: s, date: new Date(at).toISOString() });
  });
  if (o.cancelledAt !== null) history.push({ status: 'Cancelled', date: new Date(o.cancelledAt).toISOString() });
  return history;
}

/** Deliveries exist once the order is acknowledged; ETA is the time it will be delivered. */
export function deliveries(o: StoredOrder, c: Clock, baseUrl: string) {
  const status = statusOf(o, c);
  if (o.cancelledAt !== null || status === 'Queued' || status === 'Received') return [];
  const eta = new Date(o.receivedAt + 3 * c.stepMs).toISOString();
  const delivered = status === 'Delivered';
  return [{
    deliveryID: `D${o.orderID}`,
    orderID: o.orderID,
    transactionID: o.transactionID,
    status: delivered ? 'Delivered' : status === 'Shipped' ? 'Out for Delivery' : 'Scheduled',
    shippingMethod: o.shippingMethod,
    estimatedDeliveryDate: eta,
    deliveredDate: delivered ? eta : null,
    proofOfDelivery: delivered
      ? { signedBy: o.contactName, photos: [`${baseUrl}/deliveries/v2/photos/D${o.orderID}-1.jpg`], deliveredDate: eta }
      : null,
  }];
}

/** An invoice exists once the order has shipped. */
export function invoices(o: StoredOrder, c: Clock) {
  const status = statusOf(o, c);
  if (status !== 'Shipped' && status !== 'Delivered') return [];
  const subtotal = o.lines.reduce((s, l) => s + Math.round(l.price * l.quantity * 100), 0);
  const tax = Math.round(subtotal * 0.0725);
  return [{
    invoiceNumber: `I${o.orderID}`,
    orderID: o.orderID,
    transactionID: o.transactionID,
    invoiceDate: new Date(o.receivedAt + 2 * c.stepMs).toISOString(),
    subtotal: subtotal / 100,
    tax: tax / 100,
    invoiceTotal: (subtotal + tax) / 100,
    lines: o.lines.map((l) => ({ productId: l.productId, productName: l.productName, quantity: l.quantity, uom: l.uom, price: l.price, extendedPrice: Math.round(l.price * l.quantity * 100) / 100 })),
  }];
}

/** POST /orders/v2/cancel: only before the order ships. */
export function cancel(body: Record<string, unknown>, state: SandboxState, c: Clock) {
  const query = new URLSearchParams();
  if (typeof body.transactionID === 'string') query.set('transactionID', body.transactionID);
  if (typeof body.orderID === 'string') query.set('orderID', body.orderID);
  const o = findOrder(state, query, c);
  const status = statusOf(o, c);
  if (status === 'Cancelled') return { message: 'Order was already cancelled.', ...orderView(o, c) };
  if (status === 'Shipped' || status === 'Delivered') {
    throw new HttpProblem(409, { message: `Order ${o.orderID} has ${status.toLowerCase()} and can no longer be cancelled.`, ...orderView(o, c) });
  }
  state.update(o, { cancelledAt: c.now });
  return { message: 'Order Cancelled', ...orderView(o, c) };
}
