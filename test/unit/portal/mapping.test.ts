import { describe, expect, it } from 'vitest';
import { acceptedItems, toCatalogItem, toProposalDetail, toProposalSummary } from '../../../src-main/vendors/portal/mapping';
import { WireCatalogItem, WireProposalDetails, WireProposalSummary } from '../../../src-main/vendors/portal/schemas';
import { parseVendor } from '../../../src-main/vendors/http/parse';

const item = (id: number, itemType: string, extra: Record<string, unknown> = {}) => ({ id, itemType, quantity: 1, cost: 1.1, sellPrice: 2.2, brand: 'B', model: `M${id}`, ...extra });

const wireDetail = {
  id: 7,
  number: 2407,
  name: 'Test',
  status: 'Accepted',
  financialSummary: { partsTotal: 100.1, laborTotal: 0.2, proposalSubtotal: 100.3, salesTax: { total: 7.26 }, proposalTotal: 107.56, currency: { code: 'USD', symbol: '$' } },
  customer: { id: 1, firstName: 'Ann', lastName: 'Lee', companyName: '', location: { id: 9, street: '1 Main', city: 'Denver', stateAbbrev: 'CO', postalCode: '80202' } },
  areas: [
    {
      id: 1,
      name: 'Roof',
      options: [
        { id: 11, status: 'Declined', items: [item(101, 'Part')] },
        {
          id: 12,
          status: 'Accepted',
          items: [item(102, 'Part', { quantity: 10, cost: 130.56, referencedItemId: 100001 }), item(103, 'Labor'), item(104, 'CustomItem'), item(105, 'Part', { parentId: 104 })],
        },
      ],
    },
    { id: 2, name: 'Garage', options: [{ id: 21, status: 'Draft', items: [item(201, 'Part')] }] },
  ],
  changeOrders: [{ id: 5, number: 1, name: 'CO', status: 'Accepted', total: { changeOrderTotal: 19.99, currency: { code: 'USD', symbol: '$' } } }],
};

describe('Portal mapping', () => {
  it('turns dollars into integer cents at the boundary, without float noise', () => {
    const d = toProposalDetail(parseVendor(WireProposalDetails, wireDetail, 'Portal.io', 'GET /proposals/{id}'), 'proposal');
    expect(d.financial).toEqual({ partsTotalCents: 10010, laborTotalCents: 20, subtotalCents: 10030, salesTaxCents: 726, totalCents: 10756 });
    expect(d.changeOrders[0]!.totalCents).toBe(1999);
    const shingles = d.areas[0]!.options[1]!.items[0]!;
    expect(shingles).toMatchObject({ costCents: 13056, sellPriceCents: 220, quantity: 10, referencedItemId: 100001, totalCents: 2200 });
    expect(d.customer).toMatchObject({ name: 'Ann Lee', location: { city: 'Denver', state: 'CO' } });
  });

  it('acceptedItems keeps parts and custom items of accepted options only, with their area and kit parent', () => {
    const d = toProposalDetail(parseVendor(WireProposalDetails, wireDetail, 'Portal.io', 'x'), 'proposal');
    const lines = acceptedItems(d);
    expect(lines.map((l) => l.id)).toEqual([102, 104, 105]);
    expect(lines.find((l) => l.id === 105)).toMatchObject({ parentId: 104, area: { id: 1, name: 'Roof' }, optionId: 12 });
  });

  it('names the endpoint and the field when a required field is missing or of the wrong type', () => {
    const bad = { ...wireDetail, areas: [{ id: 1, name: 'Roof', options: [{ id: 12, status: 'Accepted', items: [{ id: 1, itemType: 'Part', quantity: 'ten' }] }] }] };
    expect(() => parseVendor(WireProposalDetails, bad, 'Portal.io', 'GET /proposals/{id}')).toThrow(
      /^Portal\.io GET \/proposals\/\{id\}: unexpected response: field areas\[0\]\.options\[0\]\.items\[0\]\.quantity/,
    );
    expect(() => parseVendor(WireProposalSummary, { id: 1, number: 2, status: 'Draft' }, 'Portal.io', 'GET /proposals')).toThrow(/field total: /);
  });

  it('keeps unknown fields (loose objects) and maps catalog items with their supplier SKU and unit', () => {
    const wire = parseVendor(
      WireCatalogItem,
      { id: 100001, brand: 'CertainTeed', model: 'Landmark', categoryId: 5, somethingNew: 42, defaultCost: { supplierName: 'SRS Distribution', supplierSku: '70122', unitOfMeasure: 'SQ', value: 130.56, isInStock: true, lastVerifiedDate: '2026-09-01T00:00:00Z' }, sellPrice: { value: 176.26 } },
      'Portal.io',
      'GET /catalog/items',
    );
    expect((wire as Record<string, unknown>).somethingNew).toBe(42);
    expect(toCatalogItem(wire, '2026-11-30T00:00:00Z')).toMatchObject({ supplierSku: '70122', unitOfMeasure: 'SQ', costCents: 13056, sellPriceCents: 17626, msrpCents: null, isInStock: true });
  });

  it('maps a summary with customer and currency', () => {
    const s = toProposalSummary(
      parseVendor(WireProposalSummary, { id: 1, number: 2, name: 'n', status: 'Draft', total: { proposalTotal: 0.3, currency: { code: 'CAD', symbol: '$' } }, customer: { id: 3, companyName: 'Acme' } }, 'Portal.io', 'x'),
    );
    expect(s).toMatchObject({ totalCents: 30, currency: { code: 'CAD' }, customer: { name: 'Acme' } });
  });
});
