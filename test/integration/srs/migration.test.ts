import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../src-main/store/database';
import { bundledMigrations, migrate } from '../../../src-main/store/migrations';
import { SrsProductsRepo } from '../../../src-main/store/srs/products-repo';
import { SrsPriceCacheRepo } from '../../../src-main/store/srs/price-cache-repo';
import { tempDir } from '../../helpers/temp-dir';

const product = (productId: number, productName: string) => ({
  productId, productName, description: 'Architectural shingles', manufacturer: 'CertainTeed', category: 'Shingles',
  options: ['Country Gray', 'Weathered Wood'], baseUom: 'BD', uomConversions: [{ uom: 'SQ', toBase: 3 }],
});

describe('migration 003-srs', () => {
  let dir: ReturnType<typeof tempDir>;
  let db: Db;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => {
    db?.close();
    dir.cleanup();
  });

  it('applies from empty with the rest of the bundled migrations', () => {
    db = openDatabase(`${dir.path}/junction.db`);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'srs_%' AND type IN ('table') ORDER BY name").all() as { name: string }[]).map((r) => r.name);
    expect(tables).toEqual(expect.arrayContaining(['srs_branch_products', 'srs_branches', 'srs_customer', 'srs_job_accounts', 'srs_prices', 'srs_products', 'srs_products_fts']));
  });

  it('applies on top of the previous version and keeps its data', () => {
    const all = bundledMigrations();
    const before = all.filter((m) => m.version < 3);
    db = openDatabase(`${dir.path}/junction.db`, { migrations: before });
    db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('priceBatchSize', '25', 'now')").run();
    expect(migrate(db, all).applied).toContain('003-srs.sql');
    expect(db.prepare("SELECT value FROM settings WHERE key = 'priceBatchSize'").get()).toEqual({ value: '25' });
    new SrsProductsRepo(db).replaceBranch('BRRIV', [product(75664, 'CertainTeed Landmark Shingles')], '2026-11-30T00:00:00Z');
    expect(new SrsProductsRepo(db).search({ text: 'weath', limit: 5 }).map((p) => p.productId)).toEqual([75664]);
  });

  it('keeps the FTS index in step with product updates and deletes', () => {
    db = openDatabase(`${dir.path}/junction.db`);
    const repo = new SrsProductsRepo(db);
    repo.replaceBranch('AMDEN', [product(1, 'Landmark Shingles'), product(2, 'Presidential Shake')], 't1');
    repo.replaceBranch('AMDEN', [product(1, 'Landmark Pro Shingles'), product(2, 'Presidential Shake')], 't2');
    expect(repo.search({ text: 'landmark pro', limit: 5 }).map((p) => p.productId)).toEqual([1]);
    repo.replaceBranch('AMDEN', [product(2, 'Presidential Shake')], 't3');
    expect(repo.search({ text: 'landmark', limit: 5 })).toEqual([]);
    // FTS5 raises an error when the index disagrees with its content table.
    expect(() => db.prepare("INSERT INTO srs_products_fts (srs_products_fts) VALUES ('integrity-check')").run()).not.toThrow();
  });

  it('refuses a $0 price row: zero is stored as "call for price" (NULL), never as 0 cents', () => {
    db = openDatabase(`${dir.path}/junction.db`);
    const cache = new SrsPriceCacheRepo(db);
    const key = { customerCode: 'C', branchCode: 'B', jobAccountNumber: 1, productId: 1, uom: 'BD', option: '' };
    const base = { stockStatus: 'in_stock' as const, availableQuantity: 1, substitutions: [], fetchedAt: 't' };
    expect(() => cache.putMany([{ ...key, ...base, unitPriceCents: 0, callForPrice: false }])).toThrow(/CHECK constraint/);
    expect(() => cache.putMany([{ ...key, ...base, unitPriceCents: 100, callForPrice: true }])).toThrow(/CHECK constraint/);
    cache.putMany([{ ...key, ...base, unitPriceCents: null, callForPrice: true }]);
    expect(cache.get(key)).toMatchObject({ unitPriceCents: null, callForPrice: true });
  });
});
