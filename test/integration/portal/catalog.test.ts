import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src-main/log/logger';
import { CatalogRepo, searchSql } from '../../../src-main/store/portal/catalog-repo';
import { SyncStateRepo } from '../../../src-main/store/portal/sync-state-repo';
import { CATALOG_SYNC, syncCatalog } from '../../../src-main/services/portal/catalog-sync';
import { CatalogService } from '../../../src-main/services/portal/catalog-service';
import { portalClient } from '../../../src-main/services/portal/portal-client';
import { portalWorld, type PortalWorld } from './harness';

const SIZE = 6000;
let w: PortalWorld;
let service: CatalogService;
let repo: CatalogRepo;

const fast = { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5, breakerThreshold: 100 };
const noReport = () => undefined;

function plan(sql: string, params: Record<string, unknown>): string {
  return (w.ctx.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail).join('\n');
}

beforeAll(async () => {
  w = await portalWorld({ config: { catalogSize: SIZE } });
  service = new CatalogService(w.ctx);
  repo = new CatalogRepo(w.ctx.db);
});
afterAll(() => w.close());

describe('catalog sync into SQLite', () => {
  it('runs as a job with progress and fills the catalog', async () => {
    const progress: { done: number; total: number | null; phase: string }[] = [];
    const stop = w.ctx.events.onAny((name, p) => {
      if (name === 'job:progress') progress.push(p as (typeof progress)[number]);
    });
    const job = service.startSync();
    expect(service.startSync().jobId).toBe(job.jobId);
    const result = await job.done;
    stop();
    expect(result).toMatchObject({ mode: 'full', resumed: false, items: SIZE, catalogSize: SIZE });
    expect(progress.at(-1)).toMatchObject({ done: SIZE, total: SIZE });
    expect(progress.some((p) => /\/s, about \d+ (s|min) left/.test(p.phase))).toBe(true);
    expect(service.status()).toMatchObject({ itemCount: SIZE, interrupted: false, runningJobId: null });
    expect(service.status().lastSynced).not.toBeNull();
  });

  it('searches offline by prefix over brand, model, description and supplier SKU, with filters', () => {
    const landmark = service.search({ text: 'landm pro' });
    expect(landmark.items[0]).toMatchObject({ brand: 'CertainTeed', supplierName: 'SRS Distribution', unitOfMeasure: 'SQ' });
    expect(landmark.items.every((i) => /landm/i.test(i.model) || /landm/i.test(i.description))).toBe(true);
    const bySku = service.search({ text: '70122' });
    expect(bySku.items.map((i) => i.supplierSku)).toContain('70122');
    expect(bySku.items[0]!.costCents).toBe(13056);

    const srsDrip = service.search({ text: 'drip', supplier: 'srs distribution', limit: 500 });
    expect(srsDrip.total).toBeGreaterThan(5);
    expect(srsDrip.items.every((i) => i.supplierName === 'SRS Distribution')).toBe(true);
    const roofing = service.facets().categories.find((c) => c.name === 'Roofing')!;
    const inRoofing = service.search({ text: '', categoryId: roofing.id, limit: 500 });
    expect(inRoofing.total).toBe(320);
    const gaf = service.search({ text: '', brand: 'gaf', limit: 500 });
    expect(gaf.items.every((i) => i.brand === 'GAF')).toBe(true);
    expect(service.search({ text: '"); DROP TABLE x; --' }).total).toBe(0);
    // A one-letter word typed past is a word of its own: "x 2" does not mean "anything with an x-word".
    const model = landmark.items[0]!.model;
    const [first, ...rest] = model.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    expect(service.search({ text: `${first!.slice(0, 1)} ${rest.join(' ')}` }).items.map((i) => i.model)).not.toContain(model);
    expect(service.search({ text: `${first} ${rest.join(' ')}` }).items.map((i) => i.model)).toContain(model);
    const paged = service.search({ text: '', offset: 100, limit: 50 });
    expect(paged.items).toHaveLength(50);
    expect(paged.total).toBe(SIZE);
  });

  it('uses the FTS index and primary key for text search, and indexes for filters (EXPLAIN QUERY PLAN)', () => {
    const text = searchSql({ text: 'landmark', supplier: 'SRS Distribution', offset: 0, limit: 50 });
    const p = plan(text.sql, text.params);
    expect(p).toMatch(/SCAN portal_catalog_fts VIRTUAL TABLE INDEX/);
    expect(p).toMatch(/SEARCH i USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    expect(p).not.toMatch(/SCAN i\b/);
    const brand = searchSql({ text: '', brand: 'GAF', offset: 0, limit: 50 });
    expect(plan(brand.sql, brand.params)).toMatch(/SEARCH i USING INDEX portal_catalog_items_brand/);
    const category = searchSql({ text: '', categoryId: 7, offset: 0, limit: 50 });
    expect(plan(category.sql, category.params)).toMatch(/portal_catalog_items_category|portal_catalog_items_parent_category/);
  });

  it('later syncs fetch only what changed since the cursor', async () => {
    w.sandbox.changeCatalogItem(100001, { cost: 15000, model: 'Landmark Pro Shingles (2027)' });
    w.sandbox.requests.length = 0;
    const result = await service.startSync().done;
    expect(result).toMatchObject({ mode: 'incremental', items: 1, catalogSize: SIZE });
    const itemRequests = w.sandbox.requests.filter((r) => r.endpoint === 'catalogItems');
    expect(itemRequests).toHaveLength(1);
    expect(itemRequests[0]!.query.ModifiedSince).toBeTruthy();
    expect(repo.get(100001)).toMatchObject({ costCents: 15000, model: 'Landmark Pro Shingles (2027)' });
    expect(service.search({ text: '2027' }).items.map((i) => i.id)).toEqual([100001]);
  });

  it('an interrupted full sync leaves the old catalog searchable and resumes where it stopped', async () => {
    w.sandbox.catalog.remove(200005);
    const victim = repo.get(200005)!;
    const client = portalClient(w.ctx, fast);
    // Portal fails from page 4 on: the sync dies part-way.
    const report = (done: number) => {
      if (done >= 1500) w.sandbox.faults.fail({ status: 500, count: 100, endpoint: 'catalogItems' });
    };
    await expect(syncCatalog({ db: w.ctx.db, client, log: silentLogger, signal: new AbortController().signal, report, full: true })).rejects.toMatchObject({ code: 'VENDOR_ERROR' });
    w.sandbox.faults.clear();

    const run = new SyncStateRepo(w.ctx.db).get(CATALOG_SYNC).run!;
    expect(run).toMatchObject({ mode: 'full', staged: true, nextPage: 4 });
    // The previous catalog is in view: no "first download" while it is shown.
    expect(service.status()).toMatchObject({ interrupted: true, itemCount: SIZE, firstDownload: null });
    // The previous catalog is whole: nothing dropped yet, search works, the index is consistent.
    expect(repo.count()).toBe(SIZE);
    expect(service.search({ text: victim.model.split(' ')[0]! }).items.map((i) => i.id)).toContain(200005);
    expect(w.ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
    w.ctx.db.prepare("INSERT INTO portal_catalog_fts (portal_catalog_fts) VALUES ('integrity-check')").run();

    w.sandbox.requests.length = 0;
    const resumed = await syncCatalog({ db: w.ctx.db, client, log: silentLogger, signal: new AbortController().signal, report: noReport });
    expect(resumed).toMatchObject({ mode: 'full', resumed: true, removed: 1, catalogSize: SIZE - 1 });
    // It reads the last page it staged again (Portal's pages may have shifted meanwhile), then the rest.
    expect(w.sandbox.requests.find((r) => r.endpoint === 'catalogItems')!.query.PageNumber).toBe('3');
    expect(repo.get(200005)).toBeNull();
    expect(service.status().interrupted).toBe(false);
  });

  it('keeps an item that slid across a page boundary when Portal drops an earlier one mid-sync', async () => {
    const before = repo.count();
    // Page 1 is written while page 2 is already requested (not yet served): an item on page 1
    // disappears right then, so page 2 starts one item later and its old first item is never read.
    const slider = w.sandbox.catalog.page({}, 2, 500).items[0]!;
    const client = portalClient(w.ctx, fast);
    const report = (done: number) => {
      if (done === 500) w.sandbox.catalog.remove(100010);
    };
    w.sandbox.requests.length = 0;
    const result = await syncCatalog({ db: w.ctx.db, client, log: silentLogger, signal: new AbortController().signal, report, full: true });
    // The slider was never on a page this sync read: it was checked by id and kept.
    expect(result).toMatchObject({ mode: 'full', removed: 0, catalogSize: before });
    expect(repo.get(slider.id)).not.toBeNull();
    expect(w.sandbox.requests.filter((r) => r.endpoint === 'catalogItemDetails')).toHaveLength(1);
    // The dropped item had already been read; the next full sync notices it is gone.
    const next = await syncCatalog({ db: w.ctx.db, client, log: silentLogger, signal: new AbortController().signal, report: noReport, full: true });
    expect(next).toMatchObject({ removed: 1, catalogSize: before - 1 });
    expect(repo.get(100010)).toBeNull();
  });

  it('can be cancelled; the catalog stays usable and the next sync resumes', async () => {
    w.sandbox.faults.set({ latencyMs: 30 });
    const stop = w.ctx.events.onAny((name, p) => {
      const e = p as { jobId: string; done: number };
      if (name === 'job:progress' && e.done >= 1000) w.ctx.jobs.cancel(e.jobId);
    });
    await expect(service.startSync({ full: true }).done).rejects.toMatchObject({ code: 'CANCELLED' });
    stop();
    w.sandbox.faults.clear();
    expect(service.status()).toMatchObject({ interrupted: true, itemCount: SIZE - 2 });
    expect(service.search({ text: 'landmark' }).total).toBeGreaterThan(0);
    const result = await service.startSync().done;
    expect(result).toMatchObject({ resumed: true, mode: 'full', catalogSize: SIZE - 2 });
  });

  it('fetches item details (suppliers) on demand and keeps them for offline use', async () => {
    const online = await service.item(100001);
    expect(online.offline).toBe(false);
    expect(online.details!.suppliers[0]).toMatchObject({ name: 'SRS Distribution', sku: '70122', unitOfMeasure: 'SQ' });
    await w.goOffline();
    const offline = await service.item(100001);
    expect(offline.offline).toBe(true);
    expect(offline.details!.suppliers[0]!.sku).toBe('70122');
    expect(service.search({ text: 'timberline' }).total).toBeGreaterThan(0);
    await expect(service.item(42)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
