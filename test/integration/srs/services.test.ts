import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract, events } from '../../../src-shared/ipc/contract';
import { silentLogger } from '../../../src-main/log/logger';
import { createAppContext, type AppContext } from '../../../src-main/services/context';
import { createHandlers } from '../../../src-main/services/handlers';
import { createDispatcher } from '../../../src-main/services/ipc/dispatch';
import { SrsAccountService } from '../../../src-main/services/srs/account-service';
import { SrsPricingService } from '../../../src-main/services/srs/pricing-service';
import { SrsProductsService, SRS_PRODUCTS_JOB } from '../../../src-main/services/srs/products-service';
import { SrsProductsRepo } from '../../../src-main/store/srs/products-repo';
import { openHeadlessVault } from '../../../src-main/vault/open-vault';
import seed from '../../../resources/sandbox/roofing-products.json';
import { PRICE, startSrs, type SrsHarness } from './harness';

void events;

/** An app context whose SRS is the test's sandbox (set through the environment, as a headless user would). */
async function contextFor(h: SrsHarness, customerCode = 'DEMO001', integrationKey = h.sandbox.credentials.integrationKey!): Promise<AppContext> {
  const c = h.sandbox.credentials;
  const env = {
    JUNCTION_SRS_URL: h.baseUrl,
    JUNCTION_SRS_CLIENT_ID: c.clientId!,
    JUNCTION_SRS_CLIENT_SECRET: c.clientSecret!,
    JUNCTION_SRS_CUSTOMER_CODE: customerCode,
    JUNCTION_SRS_INTEGRATION_KEY: integrationKey,
  };
  const dataDir = join(h.dataDir, `app-${customerCode}-${Math.random().toString(36).slice(2)}`);
  return createAppContext({ dataDir, env, log: silentLogger, vault: openHeadlessVault(dataDir, env), sandbox: 'off' });
}

describe('SRS services over a real database and the sandbox', () => {
  let h: SrsHarness;
  let ctx: AppContext;
  beforeEach(async () => {
    h = await startSrs();
    ctx = await contextFor(h);
  });
  afterEach(async () => {
    await ctx.close();
    await h.close();
  });

  it('ordering is blocked until the customer is validated, then allowed', async () => {
    const account = new SrsAccountService(ctx);
    expect(account.status()).toMatchObject({ mode: 'live', configured: true, orderingBlocked: true, blockedReason: expect.stringContaining('has not been validated') });
    await account.validate();
    expect(account.status()).toMatchObject({ orderingBlocked: false, blockedReason: null, validation: { valid: true, homeBranchCode: 'BRRIV' } });
    expect(account.assertCanOrder().customerCode).toBe('DEMO001');
  });

  it('an invalid customer blocks ordering with SRS’s reason', async () => {
    const held = await contextFor(h, 'HOLD002', 'sandbox-integration-key-HOLD002');
    try {
      const account = new SrsAccountService(held);
      const v = await account.validate();
      expect(v.valid).toBe(false);
      expect(account.status().blockedReason).toMatch(/^SRS does not allow ordering for HOLD002: Account is on credit hold/);
      expect(() => account.assertCanOrder()).toThrow(/credit hold/);
    } finally {
      await held.close();
    }
  });

  it('validates with an invoice and refuses an invoice number alone', async () => {
    const account = new SrsAccountService(ctx);
    await expect(account.validate({ invoiceNumber: 'INV-100234' })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(account.validate({ invoiceNumber: 'INV-100234', invoiceDate: '2026-10-01' })).resolves.toMatchObject({ valid: true });
  });

  it('branches and job accounts are cached in SQLite; defaults must be a real branch/job account pair', async () => {
    const account = new SrsAccountService(ctx);
    expect(await account.branches()).toHaveLength(4);
    expect(await account.jobAccounts()).toHaveLength(6);
    await account.branches();
    await account.jobAccounts();
    expect(h.sandbox.count('GET /branches/v2/branchLocations')).toBe(1);
    expect(h.sandbox.count('GET /branches/v2/customerBranchLocations')).toBe(1);
    await expect(account.setDefaults({ branchCode: 'AMDEN', jobAccountNumber: 1 })).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('not one of your SRS job accounts at AMDEN') });
    expect(ctx.settings.get().srsDefaultBranch).toBeNull();
    await expect(account.setDefaults({ branchCode: 'AMDEN', jobAccountNumber: 78 })).resolves.toEqual({ branchCode: 'AMDEN', jobAccountNumber: 78 });
    expect(ctx.settings.get()).toMatchObject({ srsDefaultBranch: 'AMDEN', srsDefaultJobAccount: 78 });
  });

  it('syncs branch products as a job with progress and searches them offline with "available at branch"', async () => {
    const progress: { phase: string; done: number; total: number | null }[] = [];
    ctx.events.onAny((name, p) => {
      if (name === 'job:progress' && (p as { kind: string }).kind === SRS_PRODUCTS_JOB) progress.push(p as never);
    });
    const products = new SrsProductsService(ctx);
    const result = await products.startSync().done;
    expect(result.branches.map((b) => b.branchCode).sort()).toEqual(['AMDEN', 'BRRIV', 'DALTX', 'HWPLY']);
    expect(result.branches.find((b) => b.branchCode === 'HWPLY')!.count).toBe(seed.filter((p) => p.branches.includes('HWPLY')).length);
    expect(progress.at(-1)).toMatchObject({ phase: 'done', done: 4, total: 4 });
    expect(new SrsProductsRepo(ctx.db).total()).toBe(seed.length);

    const onlyAmden = seed.find((p) => p.branches.length === 1 && p.branches[0] === 'AMDEN')!;
    const hits = products.search({ text: onlyAmden.productName, branchCode: 'BRRIV' }).items;
    expect(hits[0]).toMatchObject({ productId: onlyAmden.productId, branches: ['AMDEN'], availableAtBranch: false });
    expect(products.search({ text: onlyAmden.productName, branchCode: 'BRRIV', onlyAtBranch: true }).items.map((i) => i.productId)).not.toContain(onlyAmden.productId);

    const prefix = products.search({ text: 'landm certain', branchCode: 'DALTX' }).items;
    expect(prefix.map((i) => i.productId)).toContain(75664);
    expect(prefix.find((i) => i.productId === 75664)).toMatchObject({ availableAtBranch: true, baseUom: 'BD', uomConversions: [{ uom: 'SQ', toBase: 3 }] });
  });

  it('a re-sync removes products a branch no longer carries', async () => {
    const repo = new SrsProductsRepo(ctx.db);
    const base = { productName: 'Test Shingle', description: null, manufacturer: 'X', category: 'Shingles', options: ['N/A'], baseUom: 'BD', uomConversions: [] };
    repo.replaceBranch('BRRIV', [{ productId: 1, ...base }, { productId: 2, ...base, productName: 'Other Shingle' }], '2026-11-30T00:00:00.000Z');
    expect(repo.replaceBranch('BRRIV', [{ productId: 2, ...base, productName: 'Other Shingle' }], '2026-11-30T01:00:00.000Z')).toEqual({ added: 0, removed: 1 });
    expect(repo.get(1)).toBeNull();
    expect(repo.search({ text: 'test shingle', limit: 10 })).toEqual([]);
  });

  it('the search query uses the FTS index and the branch primary key (EXPLAIN QUERY PLAN)', () => {
    const plan = new SrsProductsRepo(ctx.db).explainSearch('BRRIV').join('\n');
    expect(plan).toMatch(/SCAN f VIRTUAL TABLE INDEX/);
    expect(plan).toMatch(/SEARCH p USING INTEGER PRIMARY KEY/);
    expect(plan).toMatch(/SEARCH b EXISTS USING PRIMARY KEY \(branch_code=\? AND product_id=\?\)/);
    expect(plan).toMatch(/SEARCH bp USING COVERING INDEX srs_branch_products_by_product \(product_id=\?\)/);
    expect(plan).not.toMatch(/SCAN (p|b|bp)\b/);
  });
});

describe('SRS pricing service: batching, the 4-hour cache, zero prices and substitutes', () => {
  let h: SrsHarness;
  let ctx: AppContext;
  let clock = new Date('2026-11-30T08:00:00.000Z');
  const now = () => clock;
  beforeEach(async () => {
    h = await startSrs();
    ctx = await contextFor(h);
    clock = new Date('2026-11-30T08:00:00.000Z');
    ctx.settings.update({ srsDefaultBranch: 'BRRIV', srsDefaultJobAccount: 1 });
  });
  afterEach(async () => {
    await ctx.close();
    await h.close();
  });

  const brriv = () => seed.filter((p) => p.branches.includes('BRRIV'));

  it('batches by the priceBatchSize setting: 25 lines with a batch of 10 make 3 requests', async () => {
    ctx.settings.update({ priceBatchSize: 10 });
    const lines = brriv().slice(0, 25).map((p) => ({ productId: p.productId, uom: p.baseUom, quantity: 1 }));
    const r = await new SrsPricingService(ctx, now).price({ lines });
    expect(r.lines).toHaveLength(25);
    expect(h.sandbox.count(PRICE)).toBe(3);
  });

  it('serves fresh prices from the cache and asks SRS again once they are 4 hours old', async () => {
    const pricing = new SrsPricingService(ctx, now);
    const lines = [{ productId: 75664, uom: 'SQ', quantity: 10 }];
    const first = await pricing.price({ lines });
    expect(first.lines[0]).toMatchObject({ fromCache: false, fetchedAt: '2026-11-30T08:00:00.000Z' });
    expect(first.lines[0]!.extendedCents).toBe(first.lines[0]!.unitPriceCents! * 10);

    clock = new Date('2026-11-30T11:59:00.000Z');
    const second = await pricing.price({ lines });
    expect(second.lines[0]).toMatchObject({ fromCache: true, fetchedAt: '2026-11-30T08:00:00.000Z', unitPriceCents: first.lines[0]!.unitPriceCents });
    expect(h.sandbox.count(PRICE)).toBe(1);

    clock = new Date('2026-11-30T12:00:01.000Z');
    const third = await pricing.price({ lines });
    expect(third.lines[0]).toMatchObject({ fromCache: false, fetchedAt: '2026-11-30T12:00:01.000Z' });
    expect(h.sandbox.count(PRICE)).toBe(2);

    await pricing.price({ lines, refresh: true });
    expect(h.sandbox.count(PRICE)).toBe(3);
  });

  it('a zero price is "call the branch", blocks the line, and is stored as no price (never $0)', async () => {
    const zero = brriv().find((p) => p.zeroPrice)!;
    const r = await new SrsPricingService(ctx, now).price({ lines: [{ productId: zero.productId, uom: zero.baseUom, quantity: 2 }] });
    expect(r.lines[0]).toMatchObject({ callForPrice: true, unitPriceCents: null, extendedCents: null, blocking: true, blockingReason: expect.stringMatching(/^Call the BRRIV branch for a price/) });
    const row = ctx.db.prepare('SELECT unit_price_cents, call_for_price FROM srs_prices WHERE product_id = ?').get(zero.productId);
    expect(row).toEqual({ unit_price_cents: null, call_for_price: 1 });
  });

  it('out of stock is stored with its substitutes and shown in search', async () => {
    const oos = brriv().find((p) => p.outOfStockAt?.includes('BRRIV'))!;
    const r = await new SrsPricingService(ctx, now).price({ lines: [{ productId: oos.productId, uom: oos.baseUom, quantity: 1 }] });
    expect(r.lines[0]).toMatchObject({ stockStatus: 'out_of_stock', blocking: true });
    expect(r.lines[0]!.substitutions.length).toBeGreaterThan(0);
    const products = new SrsProductsService(ctx);
    await products.startSync(['BRRIV']).done;
    const hit = products.search({ text: oos.productName }).items.find((i) => i.productId === oos.productId)!;
    expect(hit.cachedPrice).toMatchObject({ stockStatus: 'out_of_stock', substitutions: r.lines[0]!.substitutions, fromCache: true });
  });

  it('without a job account for the branch, pricing explains what is missing', async () => {
    await expect(new SrsPricingService(ctx, now).price({ branchCode: 'DALTX', lines: [{ productId: 75664, uom: 'BD', quantity: 1 }] })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('Choose an SRS job account at DALTX'),
    });
    expect(h.sandbox.count(PRICE)).toBe(0);
  });

  it('the srs:* channels answer through the dispatcher, with no secret in any reply', async () => {
    const dispatch = createDispatcher(contract, createHandlers(ctx, { version: 'test', openInBrowser: async () => false }), silentLogger);
    const call = (ch: string, req: unknown) => dispatch(ch, req, { origin: 'test' });
    const validated = await call('srs:validate', {});
    expect(validated).toMatchObject({ ok: true, value: { valid: true } });
    const zero = brriv().find((p) => p.zeroPrice)!;
    const priced = await call('srs:price', { lines: [{ productId: zero.productId, uom: zero.baseUom.toLowerCase(), quantity: 1 }] });
    expect(priced).toMatchObject({ ok: true, value: { branchCode: 'BRRIV', lines: [{ callForPrice: true, unitPriceCents: null }] } });
    expect(await call('srs:price', { lines: [] })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    const status = await call('srs:status', {});
    expect(status).toMatchObject({ ok: true, value: { orderingBlocked: false } });
    const everything = JSON.stringify([validated, priced, status, await call('srs:branches', {}), await call('srs:jobAccounts', {})]);
    for (const secret of [h.sandbox.credentials.clientSecret!, h.sandbox.credentials.integrationKey!]) expect(everything).not.toContain(secret);
  });
});
