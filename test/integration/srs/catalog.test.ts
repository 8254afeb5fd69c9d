import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import seed from '../../../resources/sandbox/roofing-products.json';
import { startSrs, type SrsHarness } from './harness';

describe('SRS steps 3–6 against the sandbox', () => {
  let h: SrsHarness;
  beforeAll(async () => {
    h = await startSrs();
  });
  afterAll(async () => h.close());
  beforeEach(() => h.sandbox.clearFaults());

  it('validates the demo customer with its integration key', async () => {
    const v = await h.client().validateCustomer({ integrationKey: h.sandbox.credentials.integrationKey! });
    expect(v).toMatchObject({ customerCode: 'DEMO001', valid: true, homeBranchCode: 'BRRIV', customerName: 'Demo Roofing & Exteriors LLC' });
  });

  it('validates with an invoice number and amount, and refuses a wrong invoice', async () => {
    const client = h.client();
    await expect(client.validateCustomer({ invoiceNumber: 'INV-100234', billedAmount: 1234.56 })).resolves.toMatchObject({ valid: true });
    await expect(client.validateCustomer({ invoiceNumber: 'INV-100234', invoiceDate: '2026-10-02' })).resolves.toMatchObject({
      valid: false,
      message: 'Invoice details do not match this account.',
    });
  });

  it('reports the invalid demo customer as blocked with SRS’s reason', async () => {
    const client = h.client({ credentials: { ...h.sandbox.credentials, customerCode: 'HOLD002' } as never });
    const v = await client.validateCustomer({ integrationKey: 'sandbox-integration-key-HOLD002' });
    expect(v.valid).toBe(false);
    expect(v.message).toMatch(/credit hold/);
  });

  it('refuses a wrong integration key', async () => {
    const v = await h.client().validateCustomer({ integrationKey: 'not-the-key' });
    expect(v).toMatchObject({ valid: false, message: 'Integration key does not match this account.' });
  });

  it('lists branches with address, phone and shipping methods', async () => {
    const branches = await h.client().branches();
    expect(branches).toHaveLength(4);
    const ply = branches.find((b) => b.branchCode === 'HWPLY')!;
    expect(ply).toMatchObject({ branchName: 'SRS Plymouth', phone: '7635550113', shippingMethods: ['Ground Drop', 'Will Call'] });
    expect(ply.address).toMatchObject({ city: 'Plymouth', state: 'MN' });
  });

  it('an unknown branch is a readable NOT_FOUND', async () => {
    await expect(h.client().branches({ branchCode: 'NOPE1' })).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('Branch NOPE1 was not found') });
  });

  it('lists the customer’s job accounts per branch with numeric account numbers', async () => {
    const accounts = await h.client().jobAccounts();
    expect(accounts.map((a) => `${a.branchCode}:${a.jobAccountNumber}`)).toEqual(['BRRIV:1', 'BRRIV:12', 'AMDEN:78', 'HWPLY:1', 'DALTX:5', 'DALTX:6']);
    expect(accounts[1]).toMatchObject({ jobAccountName: 'SMITH RESIDENCE REROOF', shipTo: { city: 'Riverside' } });
    const den = await h.client().jobAccounts('AMDEN');
    expect(den.map((a) => a.jobAccountNumber)).toEqual([78]);
  });

  it('lists the active products of a branch: only those stocked there, with units and conversions', async () => {
    const products = await h.client().branchProducts('AMDEN');
    const expected = seed.filter((p) => p.branches.includes('AMDEN')).map((p) => p.productId).sort();
    expect(products.map((p) => p.productId).sort()).toEqual(expected);
    expect(products.length).toBeLessThan(seed.length);
    const landmark = products.find((p) => p.productId === 75664)!;
    expect(landmark).toMatchObject({ baseUom: 'BD', uomConversions: [{ uom: 'SQ', toBase: 3 }], manufacturer: 'CertainTeed' });
    expect(landmark.options).toContain('Weathered Wood');
  });

  it('a malformed answer fails with an error naming SRS, the endpoint and the field', async () => {
    h.sandbox.injectFault({ endpoint: 'GET /branches/v2/activeBranchProducts', kind: 'malformed', path: 'products.3.baseUom', value: 42 });
    await expect(h.client().branchProducts('BRRIV')).rejects.toMatchObject({
      code: 'VENDOR_BAD_RESPONSE',
      message: expect.stringMatching(/^SRS GET \/branches\/v2\/activeBranchProducts: .*products\[3\]\.baseUom/),
    });
  });

  it('faults can be injected through the control endpoint (for child-process tests)', async () => {
    const res = await fetch(`${h.baseUrl}/_sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ endpoint: 'GET /branches/v2/branchLocations', kind: 'malformed', path: '0.branchCode' }),
    });
    expect(res.status).toBe(200);
    await expect(h.client().branches()).rejects.toThrow(/^SRS GET \/branches\/v2\/branchLocations: .*branches\[0\]\.branchCode/);
    const counters = (await (await fetch(`${h.baseUrl}/_sandbox/counters`)).json()) as Record<string, number>;
    expect(counters['GET /branches/v2/branchLocations']).toBeGreaterThanOrEqual(1);
  });
});
