import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import seed from '../../../resources/sandbox/roofing-products.json';
import { PRICE, startSrs, type SrsHarness } from './harness';

describe('SRS pricing (step 7) against the sandbox', () => {
  let h: SrsHarness;
  beforeAll(async () => {
    h = await startSrs();
  });
  afterAll(async () => h.close());
  beforeEach(() => {
    h.sandbox.clearFaults();
    h.sandbox.resetCounters();
  });

  const atBranch = (code: string) => seed.filter((p) => p.branches.includes(code) && !p.zeroPrice && !p.outOfStockAt);

  it('prices in batches: 120 lines with a batch size of 50 make exactly 3 requests, answers in order', async () => {
    const products = atBranch('BRRIV').slice(0, 120);
    const lines = products.map((p) => ({ productId: p.productId, quantity: 2, uom: p.baseUom }));
    const priced = await h.client().price({ branchCode: 'BRRIV', jobAccountNumber: 1, lines, batchSize: 50 });
    expect(h.sandbox.count(PRICE)).toBe(3);
    expect(priced.map((l) => l.productId)).toEqual(products.map((p) => p.productId));
    expect(priced.every((l) => Number.isInteger(l.unitPriceCents) && l.unitPriceCents! > 0)).toBe(true);
  });

  it('prices are customer-specific, in integer cents, per the requested unit', async () => {
    const [bd, sq] = await h.client().price({
      branchCode: 'BRRIV', jobAccountNumber: 1, batchSize: 50,
      lines: [{ productId: 75664, quantity: 3, uom: 'BD' }, { productId: 75664, quantity: 1, uom: 'SQ' }],
    });
    const list = seed.find((p) => p.productId === 75664)!.listPriceCents;
    expect(bd!.unitPriceCents).toBeLessThan(list); // the demo customer has negotiated pricing
    expect(sq!.unitPriceCents).toBe(bd!.unitPriceCents! * 3);
    expect(bd!.stockStatus).toBe('in_stock');
  });

  it('a zero price is "call branch for price", never $0', async () => {
    const zero = seed.find((p) => p.zeroPrice && p.branches.includes('BRRIV'))!;
    const [line] = await h.client().price({ branchCode: 'BRRIV', jobAccountNumber: 1, batchSize: 50, lines: [{ productId: zero.productId, quantity: 1, uom: zero.baseUom }] });
    expect(line).toMatchObject({ productId: zero.productId, callForPrice: true, unitPriceCents: null });
  });

  it('out of stock at a branch comes with substitutes stocked there', async () => {
    const oos = seed.find((p) => p.outOfStockAt?.includes('BRRIV'))!;
    const [line] = await h.client().price({ branchCode: 'BRRIV', jobAccountNumber: 1, batchSize: 50, lines: [{ productId: oos.productId, quantity: 1, uom: oos.baseUom }] });
    expect(line!.stockStatus).toBe('out_of_stock');
    expect(line!.availableQuantity).toBe(0);
    expect(line!.substitutions.map((s) => s.productId)).toEqual(oos.substitutes!.filter((id) => seed.find((p) => p.productId === id)!.branches.includes('BRRIV')));
    expect(line!.substitutions.length).toBeGreaterThan(0);
  });

  it('a unit the product is not sold in is refused with the field named', async () => {
    await expect(
      h.client().price({ branchCode: 'BRRIV', jobAccountNumber: 1, batchSize: 50, lines: [{ productId: 75664, quantity: 1, uom: 'LF' }] }),
    ).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('productList[0].uom LF is not a unit of product 75664') });
  });

  it('a job account the customer does not have at that branch is refused', async () => {
    await expect(
      h.client().price({ branchCode: 'AMDEN', jobAccountNumber: 1, batchSize: 50, lines: [{ productId: 75664, quantity: 1, uom: 'BD' }] }),
    ).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('jobAccountNumber 1 is not a job account of DEMO001 at AMDEN') });
  });

  it('honours Retry-After on 429 and then succeeds', async () => {
    h.sandbox.injectFault({ endpoint: PRICE, kind: 'status429', retryAfterSeconds: 1 });
    const started = Date.now();
    const priced = await h.client().price({ branchCode: 'BRRIV', jobAccountNumber: 1, batchSize: 50, lines: [{ productId: 75664, quantity: 1, uom: 'BD' }] });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(priced).toHaveLength(1);
    expect(h.sandbox.count(PRICE)).toBe(2);
  });

  it('caps a long Retry-After', async () => {
    h.sandbox.injectFault({ endpoint: PRICE, kind: 'status429', retryAfterSeconds: 600 });
    const started = Date.now();
    await h.client({ http: { retryAfterCapMs: 300 } }).price({ branchCode: 'BRRIV', jobAccountNumber: 1, batchSize: 50, lines: [{ productId: 75664, quantity: 1, uom: 'BD' }] });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(h.sandbox.count(PRICE)).toBe(2);
  });

  it('retries a 500 on pricing (safe to repeat) and gives a readable error when it persists', async () => {
    h.sandbox.injectFault({ endpoint: PRICE, kind: 'status500', times: 1 });
    await expect(h.client().price({ branchCode: 'BRRIV', jobAccountNumber: 1, batchSize: 50, lines: [{ productId: 75664, quantity: 1, uom: 'BD' }] })).resolves.toHaveLength(1);
    h.sandbox.injectFault({ endpoint: PRICE, kind: 'status500', times: 10 });
    await expect(
      h.client({ http: { maxAttempts: 2 } }).price({ branchCode: 'BRRIV', jobAccountNumber: 1, batchSize: 50, lines: [{ productId: 75664, quantity: 1, uom: 'BD' }] }),
    ).rejects.toMatchObject({ code: 'VENDOR_ERROR', message: 'SRS had a server error (500) on POST /products/v2/price.' });
  });

  it('a malformed price answer names SRS, the endpoint and the field', async () => {
    h.sandbox.injectFault({ endpoint: PRICE, kind: 'malformed', path: 'productList.0.price', value: 'call' });
    await expect(h.client().price({ branchCode: 'BRRIV', jobAccountNumber: 1, batchSize: 50, lines: [{ productId: 75664, quantity: 1, uom: 'BD' }] })).rejects.toMatchObject({
      code: 'VENDOR_BAD_RESPONSE',
      message: expect.stringMatching(/^SRS POST \/products\/v2\/price: .*productList\[0\]\.price/),
    });
  });
});
