import { describe, expect, it } from 'vitest';
import { convertProposal } from '../../../src-main/orders/convert';
import { buildSubmitBody, defaultOrderHeader, validateSubmission, type OrderHeader } from '../../../src-main/orders/submit-body';
import type { OrderDraft } from '../../../src-main/orders/types';
import { QUOTES, SHINGLES, area, input, item, option, proposal } from './fixtures';

const TX = '3932cdd6-38e7-4d19-a05c-cd866473bdea';

function readyDraft(): OrderDraft {
  return convertProposal(
    input(
      proposal([
        area('House', [
          option('Accepted', [
            item({ id: 's', referencedItemId: 'c-shingles', brand: 'CertainTeed', model: 'Landmark Weathered Wood', quantity: 10, costCents: 12450, sellPriceCents: 19000 }),
            item({ id: 'd', referencedItemId: 'c-drip', quantity: 95, costCents: 90, sellPriceCents: 200 }),
          ]),
        ]),
      ]),
    ),
  );
}

function header(draft: OrderDraft): OrderHeader {
  return defaultOrderHeader(draft, { sourceSystem: 'JUNCTION', customerCode: 'DEMO001', jobAccountNumber: 1, today: '2026-11-30' });
}

describe('default order header', () => {
  it('fills PO number, ship-to and the contact block from the proposal', () => {
    const d = readyDraft();
    const h = header(d);
    expect(h.poNumber).toBe('1042 Smith roof');
    expect(h.customerItem).toBe('1042');
    expect(h.shipTo).toEqual({ name: 'Jane Smith', addressLine1: '12 Elm St', addressLine2: '', addressLine3: '', city: 'Riverside', state: 'CA', zipCode: '92501' });
    expect(h.contact).toMatchObject({ name: 'Jane Smith', phone: '555-201-3344', email: 'jane@example.com', address: { addressLine1: '12 Elm St', city: 'Riverside', state: 'CA', zipCode: '92501' } });
    expect(h.delivery).toEqual({ method: 'Ground Drop', date: '2026-11-30', time: 'Anytime' });
    expect(validateSubmission(d, h)).toEqual([]);
  });
});

describe('SRS submit body', () => {
  it('carries the transactionID, the lines in SRS units with dollar prices, and the contact block', () => {
    const d = readyDraft();
    const body = buildSubmitBody(d, header(d), { transactionId: TX, transactionDate: '2026-11-30T12:00:00.000Z' });
    expect(body).toMatchObject({
      sourceSystem: 'JUNCTION',
      customerCode: 'DEMO001',
      accountNumber: 'DEMO001',
      jobAccountNumber: 1,
      branchCode: 'BRRIV',
      transactionID: TX,
      transactionDate: '2026-11-30T12:00:00.000',
      poDetails: { poNumber: '1042 Smith roof', orderType: 'WHSE', shippingMethod: 'Ground Drop', expectedDeliveryDate: '2026-11-30', orderDate: '2026-11-30' },
      customerContactInfo: { customerContactName: 'Jane Smith', customerContactPhone: '555-201-3344' },
    });
    expect(body.orderLineItemDetails).toEqual([
      { productId: SHINGLES.productId, productName: SHINGLES.productName, option: 'Weathered Wood', quantity: 30, price: 41.5, customerItem: '1042', uom: 'BD' },
      { productId: 61010, productName: 'Drip Edge 10 ft', option: 'White', quantity: 10, price: 8.99, customerItem: '1042', uom: 'PC' },
    ]);
  });

  it('uses order type WILLCALL for a will-call pick-up and does not need a ship-to address', () => {
    const d = readyDraft();
    const h = header(d);
    const willCall: OrderHeader = { ...h, delivery: { method: 'Will Call', date: '2026-12-02', time: 'Morning' }, shipTo: { ...h.shipTo, addressLine1: '', city: '' } };
    const body = buildSubmitBody(d, willCall, { transactionId: TX, transactionDate: '2026-11-30T12:00:00.000Z' });
    expect(body.poDetails).toMatchObject({ orderType: 'WILLCALL', shippingMethod: 'Will Call', expectedDeliveryDate: '2026-12-02', expectedDeliveryTime: 'Morning' });
  });

  it('lists every missing required field', () => {
    const d = readyDraft();
    const h = header(d);
    const bad: OrderHeader = {
      ...h,
      jobAccountNumber: null,
      poNumber: ' ',
      customerItem: '',
      delivery: { method: 'Ground Drop', date: '2026-11-29', time: '' },
      shipTo: { ...h.shipTo, addressLine1: '' },
      contact: { ...h.contact, name: '', phone: '12', email: 'nope', address: { ...h.contact.address, addressLine1: '' } },
    };
    expect(validateSubmission(d, bad).map((i) => i.field)).toEqual([
      'jobAccountNumber',
      'poNumber',
      'delivery.date',
      'shipTo.addressLine1',
      'contact.name',
      'contact.phone',
      'contact.address.addressLine1',
      'contact.email',
      'customerItem',
    ]);
    expect(() => buildSubmitBody(d, bad, { transactionId: TX, transactionDate: '2026-11-30T12:00:00Z' })).toThrow(
      /SRS order for proposal 1042 cannot be submitted: jobAccountNumber: A numeric SRS job account number is required\.; poNumber: The PO number is required\./,
    );
  });

  it('refuses a draft with a blocking problem, naming it, and a header for another branch', () => {
    const base = input(proposal([area('House', [option('Accepted', [item({ referencedItemId: 'c-shingles', model: 'Landmark Weathered Wood', quantity: 10 })])])]));
    const d = convertProposal({ ...base, quotes: QUOTES.map((q) => ({ ...q, priceCents: 0 })) });
    const issues = validateSubmission(d, { ...header(d), branchCode: 'AMDEN' });
    expect(issues).toEqual([
      { field: 'branchCode', message: 'The draft was priced at branch BRRIV, not AMDEN; re-price it for AMDEN.' },
      { field: 'lines[0]', message: expect.stringContaining('call the branch for a price') },
    ]);
  });
});
