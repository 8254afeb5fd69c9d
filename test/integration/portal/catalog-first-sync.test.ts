import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src-main/log/logger';
import { CatalogRepo } from '../../../src-main/store/portal/catalog-repo';
import { CatalogStagingRepo } from '../../../src-main/store/portal/catalog-staging-repo';
import { CATALOG_SYNC, syncCatalog } from '../../../src-main/services/portal/catalog-sync';
import { CatalogService } from '../../../src-main/services/portal/catalog-service';
import { portalClient } from '../../../src-main/services/portal/portal-client';
import { SyncStateRepo } from '../../../src-main/store/portal/sync-state-repo';
import { portalWorld, type PortalWorld } from './harness';

const SIZE = 4000;
const fast = { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5, breakerThreshold: 100 };
const noReport = () => undefined;

let w: PortalWorld | null = null;
afterEach(async () => {
  await w?.close();
  w = null;
});

async function world() {
  w = await portalWorld({ config: { catalogSize: SIZE } });
  return { w, service: new CatalogService(w.ctx), repo: new CatalogRepo(w.ctx.db), staging: new CatalogStagingRepo(w.ctx.db) };
}

/** SQLite's check and FTS5's own check of the index against the items (rank 1: compare with the content table). */
function integrity(world: PortalWorld): void {
  expect(world.ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
  world.ctx.db.prepare("INSERT INTO portal_catalog_fts (portal_catalog_fts, rank) VALUES ('integrity-check', 1)").run();
}

function insertTriggerExists(world: PortalWorld): boolean {
  return world.ctx.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = 'portal_catalog_items_ai'").get() !== undefined;
}

describe('the first catalog sync (empty catalog) is staged and published at the end', () => {
  it('nothing is searchable while it downloads; at the end the whole catalog is, and later syncs index new and changed items', async () => {
    const { w, service, repo, staging } = await world();
    const midway: { items: number; staged: number; hits: number; status: ReturnType<CatalogService['status']> }[] = [];
    const report = (done: number) => {
      if (done !== 2000) return;
      integrity(w);
      midway.push({ items: repo.count(), staged: staging.count(), hits: service.search({ text: 'landmark' }).total, status: service.status() });
    };
    const result = await syncCatalog({ db: w.ctx.db, client: portalClient(w.ctx, fast), log: silentLogger, signal: new AbortController().signal, report });
    expect(result).toMatchObject({ mode: 'full', resumed: false, items: SIZE, removed: 0, catalogSize: SIZE });
    // Half-way: the rows are in staging, the catalog (and its index) still empty and consistent.
    expect(midway).toEqual([{ items: 0, staged: 2000, hits: 0, status: expect.objectContaining({ itemCount: 0, firstDownload: { items: 2000, total: SIZE } }) }]);

    expect(staging.count()).toBe(0);
    integrity(w);
    expect(insertTriggerExists(w)).toBe(true);
    expect(service.search({ text: 'landm pro' }).items[0]).toMatchObject({ brand: 'CertainTeed', model: expect.stringMatching(/Landmark Pro/) });
    expect(service.search({ text: '' }).total).toBe(SIZE);
    expect(service.status()).toMatchObject({ itemCount: SIZE, interrupted: false, firstDownload: null });
    expect(new SyncStateRepo(w.ctx.db).get(CATALOG_SYNC)).toMatchObject({ status: 'idle', run: null, cursor: expect.any(String) });

    // The insert trigger is back: an item Portal adds later is indexed by the incremental sync, and so is a renamed one.
    const template = w.sandbox.catalog.get(100001)!;
    w.sandbox.catalog.add({ ...template, id: 990001, model: 'Zephyrine Ridge Vent' }, new Date());
    w.sandbox.changeCatalogItem(100002, { model: 'Quillmore Underlayment' });
    const later = await service.startSync().done;
    expect(later).toMatchObject({ mode: 'incremental', items: 2, catalogSize: SIZE + 1 });
    expect(service.search({ text: 'zephyrine' }).items.map((i) => i.id)).toEqual([990001]);
    expect(service.search({ text: 'quillmore' }).items.map((i) => i.id)).toEqual([100002]);
    integrity(w);
  });

  it('cancelled part-way: the catalog stays empty and consistent, status tells how far it got, the next sync resumes at the next page', async () => {
    const { w, service, repo, staging } = await world();
    w.sandbox.faults.set({ latencyMs: 20 });
    const stop = w.ctx.events.onAny((name, p) => {
      const e = p as { jobId: string; done: number };
      if (name === 'job:progress' && e.done >= 1500) w.ctx.jobs.cancel(e.jobId);
    });
    await expect(service.startSync().done).rejects.toMatchObject({ code: 'CANCELLED' });
    stop();
    w.sandbox.faults.clear();

    const run = new SyncStateRepo(w.ctx.db).get(CATALOG_SYNC).run!;
    expect(run).toMatchObject({ mode: 'full', staged: true, total: SIZE });
    const downloaded = (run.nextPage - 1) * run.pageSize;
    expect(downloaded).toBeGreaterThanOrEqual(1500);
    expect(downloaded).toBeLessThan(SIZE);
    expect(repo.count()).toBe(0);
    expect(staging.count()).toBe(downloaded);
    expect(service.search({ text: 'landmark' }).total).toBe(0);
    expect(service.status()).toMatchObject({ itemCount: 0, interrupted: true, runningJobId: null, firstDownload: { items: downloaded, total: SIZE } });
    integrity(w);

    // While paused, Portal drops an item already downloaded: every later item slides back one
    // place, the first of the next page onto the page already written.
    const dropped = w.sandbox.catalog.page({}, 1, 1).items[0]!.id;
    w.sandbox.catalog.remove(dropped);
    w.sandbox.requests.length = 0;
    const resumed = await service.startSync().done;
    // It reads the last page it wrote again, then the rest.
    expect(w.sandbox.requests.find((r) => r.endpoint === 'catalogItems')!.query.PageNumber).toBe(String(run.nextPage - 1));
    expect(w.sandbox.requests.filter((r) => r.endpoint === 'catalogItems')).toHaveLength(SIZE / run.pageSize - run.nextPage + 2);
    expect(resumed).toMatchObject({ mode: 'full', resumed: true, items: SIZE - downloaded + run.pageSize - 1 });
    expect(staging.count()).toBe(0);
    // Nothing Portal still has is missing; the dropped item stays until the next full sync (no older catalog to compare with).
    const portal = new Set(w.sandbox.catalog.page({}, 1, SIZE * 2).items.map((i) => i.id));
    const local = new Set((w.ctx.db.prepare('SELECT id FROM portal_catalog_items').all() as { id: number }[]).map((r) => r.id));
    expect([...portal].filter((id) => !local.has(id))).toEqual([]);
    expect(local.has(dropped)).toBe(true);
    expect(service.search({ text: 'landmark' }).total).toBeGreaterThan(0);
    expect(service.status()).toMatchObject({ itemCount: SIZE, interrupted: false, firstDownload: null });
    integrity(w);
  });

  it('a failed page leaves the partial download resumable; rows an abandoned staged run left behind never join the catalog', async () => {
    const { w, service, repo, staging } = await world();
    // Leftovers of a run whose record is gone (e.g. an older build's): a new staged run starts from nothing.
    w.ctx.db
      .prepare(
        `INSERT INTO portal_catalog_staging (id, brand, model, description, supplier_name, supplier_sku, unit_of_measure, currency, fetched_at, generation)
         VALUES (77, 'Ghostbrand', 'Leftover', '', '', '', 'EA', 'USD|$', '2026-01-01T00:00:00Z', 1)`,
      )
      .run();
    const client = portalClient(w.ctx, fast);
    const report = (done: number) => {
      if (done >= 1000) w.sandbox.faults.fail({ status: 500, count: 100, endpoint: 'catalogItems' });
    };
    await expect(syncCatalog({ db: w.ctx.db, client, log: silentLogger, signal: new AbortController().signal, report })).rejects.toMatchObject({ code: 'VENDOR_ERROR' });
    w.sandbox.faults.clear();
    expect(staging.count()).toBe(1000);
    expect(repo.count()).toBe(0);
    expect(service.status()).toMatchObject({ interrupted: true, firstDownload: { items: 1000, total: SIZE } });
    integrity(w);

    const resumed = await syncCatalog({ db: w.ctx.db, client, log: silentLogger, signal: new AbortController().signal, report: noReport });
    expect(resumed).toMatchObject({ resumed: true, catalogSize: SIZE });
    expect(repo.get(77)).toBeNull();
    expect(service.search({ text: 'ghostbrand' }).total).toBe(0);
    integrity(w);
  });
});

function triggerNames(world: PortalWorld): string[] {
  return (world.ctx.db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'portal_catalog_items' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
}

const portalIds = (world: PortalWorld) => world.sandbox.catalog.page({}, 1, SIZE * 2).items.map((i) => i.id).sort((a, b) => a - b);
const localIds = (world: PortalWorld) => (world.ctx.db.prepare('SELECT id FROM portal_catalog_items ORDER BY id').all() as { id: number }[]).map((r) => r.id);

describe('a later full sync is staged too: the previous catalog stays in view until it is swapped in', () => {
  it('renamed, added and removed items: old names found while it downloads, new ones afterwards; an unseen item Portal still has is kept', async () => {
    const { w, service, repo, staging } = await world();
    await syncCatalog({ db: w.ctx.db, client: portalClient(w.ctx, fast), log: silentLogger, signal: new AbortController().signal, report: noReport });
    const triggers = triggerNames(w);
    expect(triggers).toEqual(['portal_catalog_items_ad', 'portal_catalog_items_ai', 'portal_catalog_items_au']);
    const oldModel = repo.get(100002)!.model;

    // Portal moves on: one item renamed, one added, three removed (on later pages).
    w.sandbox.changeCatalogItem(100002, { model: 'Quillmore Underlayment' });
    const template = w.sandbox.catalog.get(100001)!;
    w.sandbox.catalog.add({ ...template, id: 990001, model: 'Zephyrine Ridge Vent' }, new Date());
    const ids = portalIds(w);
    const removed = [ids[2600]!, ids[3100]!, ids[3700]!];
    for (const id of removed) w.sandbox.catalog.remove(id);
    // Mid-sync, an item on page 1 (already read) disappears while page 2 is requested: page 2's
    // first item slides onto page 1 and is never read. It is checked by id and kept.
    const pageOne = w.sandbox.catalog.page({}, 1, 500).items[10]!.id;
    const slider = w.sandbox.catalog.page({}, 2, 500).items[0]!.id;

    const midway: { items: number; oldName: number[]; newName: number; added: number; removedFound: number; status: ReturnType<CatalogService['status']> }[] = [];
    const report = (done: number) => {
      if (done === 500) w.sandbox.catalog.remove(pageOne);
      if (done !== 2000) return;
      integrity(w);
      midway.push({
        items: repo.count(),
        oldName: service.search({ text: oldModel }).items.map((i) => i.id),
        newName: service.search({ text: 'quillmore' }).total,
        added: service.search({ text: 'zephyrine' }).total,
        removedFound: removed.filter((id) => repo.get(id) !== null).length,
        status: service.status(),
      });
    };
    w.sandbox.requests.length = 0;
    const result = await syncCatalog({ db: w.ctx.db, client: portalClient(w.ctx, fast), log: silentLogger, signal: new AbortController().signal, report, full: true });

    // Half-way the previous catalog is what the user sees, whole, under its old names; nothing says "first download".
    expect(midway).toEqual([
      { items: SIZE, oldName: expect.arrayContaining([100002]), newName: 0, added: 0, removedFound: 3, status: expect.objectContaining({ itemCount: SIZE, firstDownload: null }) },
    ]);
    // The three removed items and the slider were checked one by one; only the removed ones were dropped.
    expect(w.sandbox.requests.filter((r) => r.endpoint === 'catalogItemDetails')).toHaveLength(4);
    expect(result).toMatchObject({ mode: 'full', resumed: false, removed: 3, catalogSize: SIZE - 3 + 1 });
    for (const id of removed) expect(repo.get(id)).toBeNull();
    expect(repo.get(slider)).not.toBeNull();
    expect(service.search({ text: 'quillmore' }).items.map((i) => i.id)).toEqual([100002]);
    expect(service.search({ text: oldModel }).items.map((i) => i.id)).not.toContain(100002);
    expect(service.search({ text: 'zephyrine' }).items.map((i) => i.id)).toEqual([990001]);
    expect(staging.count()).toBe(0);
    expect(triggerNames(w)).toEqual(triggers);
    integrity(w);

    // The triggers work again: an incremental sync's rename is found, and nothing else changes.
    w.sandbox.changeCatalogItem(100003, { model: 'Brightwater Flashing' });
    const later = await service.startSync().done;
    expect(later).toMatchObject({ mode: 'incremental', catalogSize: SIZE - 2 });
    expect(service.search({ text: 'brightwater' }).items.map((i) => i.id)).toEqual([100003]);
    integrity(w);

    // The item dropped from page 1 after it was read goes with the next full sync: the catalog then equals Portal.
    const fresh = await syncCatalog({ db: w.ctx.db, client: portalClient(w.ctx, fast), log: silentLogger, signal: new AbortController().signal, report: noReport, full: true });
    expect(fresh).toMatchObject({ removed: 1, catalogSize: SIZE - 3 });
    expect(localIds(w)).toEqual(portalIds(w));
    integrity(w);
  });

  it('a page-by-page full run an older version left interrupted starts over as a staged run from page 1', async () => {
    const { w, service, repo, staging } = await world();
    await syncCatalog({ db: w.ctx.db, client: portalClient(w.ctx, fast), log: silentLogger, signal: new AbortController().signal, report: noReport });
    const gone = portalIds(w)[1234]!;
    w.sandbox.catalog.remove(gone);
    // What an older version saved after writing pages 1-4 of a full sync into the live table.
    const state = new SyncStateRepo(w.ctx.db);
    state.saveRun(CATALOG_SYNC, { mode: 'full', generation: 2, nextPage: 5, pageSize: 500, since: null, total: SIZE, startedAt: new Date().toISOString() });
    expect(service.status()).toMatchObject({ interrupted: true, itemCount: SIZE, firstDownload: null });

    w.sandbox.requests.length = 0;
    const result = await service.startSync().done;
    expect(w.sandbox.requests.find((r) => r.endpoint === 'catalogItems')!.query.PageNumber).toBe('1');
    expect(result).toMatchObject({ mode: 'full', resumed: false, items: SIZE - 1, removed: 1, catalogSize: SIZE - 1 });
    expect(repo.get(gone)).toBeNull();
    expect(localIds(w)).toEqual(portalIds(w));
    expect(staging.count()).toBe(0);
    expect(state.get(CATALOG_SYNC)).toMatchObject({ status: 'idle', run: null });
    integrity(w);
  });

  it('more than 100 items gone: every unseen item is dropped without checking them one by one', async () => {
    const { w, service, repo } = await world();
    await syncCatalog({ db: w.ctx.db, client: portalClient(w.ctx, fast), log: silentLogger, signal: new AbortController().signal, report: noReport });
    const ids = portalIds(w);
    const removed = ids.filter((_, i) => i % 25 === 7).slice(0, 150);
    expect(removed).toHaveLength(150);
    for (const id of removed) w.sandbox.catalog.remove(id);

    w.sandbox.requests.length = 0;
    const result = await service.startSync({ full: true }).done;
    expect(result).toMatchObject({ mode: 'full', removed: 150, catalogSize: SIZE - 150 });
    expect(w.sandbox.requests.filter((r) => r.endpoint === 'catalogItemDetails')).toHaveLength(0);
    expect(removed.filter((id) => repo.get(id) !== null)).toEqual([]);
    expect(localIds(w)).toEqual(portalIds(w));
    expect(service.search({ text: '' }).total).toBe(SIZE - 150);
    expect(triggerNames(w)).toEqual(['portal_catalog_items_ad', 'portal_catalog_items_ai', 'portal_catalog_items_au']);
    integrity(w);
  });
});
