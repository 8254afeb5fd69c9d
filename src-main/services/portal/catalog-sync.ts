import { AppError } from '../../../src-shared/domain/result';
import { CatalogRepo, type CatalogRow, type CategoryRow } from '../../store/portal/catalog-repo';
import { CatalogStagingRepo, type GoneRows } from '../../store/portal/catalog-staging-repo';
import { SyncStateRepo, type CatalogRun } from '../../store/portal/sync-state-repo';
import type { Db } from '../../store/database';
import type { Logger } from '../../log/logger';
import type { PortalClient } from '../../vendors/portal/client';
import { catalogModifiedAt, toCatalogItem } from '../../vendors/portal/mapping';
import type { WireCatalogItem, WireCategoryNode } from '../../vendors/portal/schemas';
import type { ReportProgress } from '../jobs';

export const CATALOG_SYNC = 'portal.catalog';
export const CATALOG_PAGE_SIZE = 500;
/** Up to this many rows a full sync did not see are verified one by one before being dropped. */
export const VERIFY_UNSEEN_LIMIT = 100;

export interface CatalogSyncResult {
  mode: 'full' | 'incremental';
  resumed: boolean;
  items: number;
  removed: number;
  catalogSize: number;
  seconds: number;
}

function flattenCategories(nodes: readonly WireCategoryNode[], parentId: number | null = null, depth = 0, out: CategoryRow[] = []): CategoryRow[] {
  for (const n of nodes) {
    out.push({ id: n.id, parentId, name: n.name, depth });
    flattenCategories([...(n.categories ?? []), ...(n.subCategories ?? [])], n.id, depth + 1, out);
  }
  return out;
}

/**
 * The next incremental sync asks for items modified after this. The newest stored
 * modification time alone could skip an item changed while this run was reading later
 * pages, so the cursor never passes the run's start, less the 5 minutes of clock
 * difference Portal tolerates: changes made during the run are fetched again next time.
 */
export function nextCursor(maxModified: string | null, runStartedAt: string): string | null {
  if (!maxModified) return null;
  const bound = new Date(Date.parse(runStartedAt) - 5 * 60_000).toISOString();
  return maxModified < bound ? maxModified : bound;
}

/** "1,234/s, about 2 min left" from the items fetched so far in this run and those still to come. */
export function rateText(fetched: number, remaining: number, startedMs: number, nowMs: number): string {
  const seconds = Math.max(0.001, (nowMs - startedMs) / 1000);
  const rate = fetched / seconds;
  if (rate <= 0) return `${Math.round(rate).toLocaleString('en-US')}/s`;
  const left = Math.max(0, remaining / rate);
  const eta = left < 90 ? `${Math.ceil(left)} s` : `${Math.ceil(left / 60)} min`;
  return `${Math.round(rate).toLocaleString('en-US')}/s, about ${eta} left`;
}

function toRow(w: WireCatalogItem, fetchedAt: string): CatalogRow {
  const { categoryName: _c, ...item } = toCatalogItem(w, fetchedAt);
  const modified = catalogModifiedAt(w);
  return { ...item, parentCategoryId: w.parentCategoryId ?? null, modifiedAt: modified ? new Date(modified).toISOString() : null };
}

/**
 * Pulls the Portal catalog into SQLite page by page. Each page and the run's position are
 * written in one transaction, so a killed sync resumes where it stopped. A full sync is
 * staged: its pages go to a staging table while the previous catalog stays as it was (whole
 * and searchable), and in its last transaction they become the catalog, text index and all
 * (building the index once is about twice as fast as row by row). Incremental syncs ask
 * only for items modified since the cursor (see nextCursor) and write the live table.
 */
export async function syncCatalog(o: {
  db: Db;
  client: PortalClient;
  log: Logger;
  signal: AbortSignal;
  report: ReportProgress;
  full?: boolean;
  pageSize?: number;
}): Promise<CatalogSyncResult> {
  const repo = new CatalogRepo(o.db);
  const staging = new CatalogStagingRepo(o.db);
  const state = new SyncStateRepo(o.db);
  const started = Date.now();
  const record = state.get(CATALOG_SYNC);
  // A page-by-page full run an older version saved: start it over as a staged run (simpler than keeping that path).
  const legacyFull = record.run?.mode === 'full' && !record.run.staged;
  let run: CatalogRun;
  let resumed = false;
  if (record.run && !legacyFull && !(o.full && record.run.mode === 'incremental')) {
    run = record.run;
    resumed = true;
    // If Portal removed items while the run was paused, later items slid back onto the page
    // already staged, and the older catalog may not hold them. Read that page again.
    if (run.staged && run.nextPage > 1) run = { ...run, nextPage: run.nextPage - 1 };
  } else if (o.full || legacyFull || !record.cursor || repo.count() === 0) {
    run = { mode: 'full', generation: repo.maxGeneration() + 1, nextPage: 1, pageSize: o.pageSize ?? CATALOG_PAGE_SIZE, since: null, total: null, startedAt: new Date().toISOString(), staged: true };
    // Rows an abandoned staged run left behind (its run record replaced) must not join this catalog.
    staging.clear();
  } else {
    run = { mode: 'incremental', generation: repo.maxGeneration(), nextPage: 1, pageSize: o.pageSize ?? CATALOG_PAGE_SIZE, since: record.cursor, total: null, startedAt: new Date().toISOString() };
  }
  o.log.info('catalog sync', { mode: run.mode, staged: run.staged === true, resumed, fromPage: run.nextPage, since: run.since });

  o.report(0, null, 'Categories');
  repo.replaceCategories(flattenCategories(await o.client.categories(o.signal)));

  let items = 0;
  const fetchPage = (pageNumber: number) =>
    o.client.catalogPage({ pageNumber, pageSize: run.pageSize, ...(run.since ? { modifiedSince: run.since } : {}) }, o.signal);
  let pending = fetchPage(run.nextPage);
  for (;;) {
    const page = await pending;
    if (o.signal.aborted) throw new AppError('CANCELLED', `Catalog sync was cancelled at page ${run.nextPage}; the next sync resumes there.`);
    const last = page.items.length < run.pageSize || run.nextPage * run.pageSize >= page.totalItemCount;
    // Ask for the next page before writing this one: the network and SQLite work overlap.
    if (!last) {
      pending = fetchPage(run.nextPage + 1);
      pending.catch(() => undefined); // awaited on the next turn; never an unhandled rejection
    }
    const fetchedAt = new Date().toISOString();
    const rows = page.items.map((w) => toRow(w, fetchedAt));
    const next: CatalogRun = { ...run, nextPage: run.nextPage + 1, total: page.totalItemCount };
    const save = () => state.saveRun(CATALOG_SYNC, next);
    if (run.staged) staging.writePage(rows, run.generation, save);
    else repo.upsertPage(rows, run.generation, save);
    run = next;
    items += rows.length;
    const done = Math.min(page.totalItemCount, (run.nextPage - 1) * run.pageSize);
    o.report(done, page.totalItemCount, `Items: ${rateText(items, page.totalItemCount - done, started, Date.now())}`);
    if (last) break;
  }

  // Live rows this full sync did not see are probably gone from Portal. But pages shift when
  // items disappear while a sync runs (or between a kill and its resume), so a few unseen rows
  // are checked one by one (before the final transaction: no network inside it): only a 404
  // drops them, the others join the staged rows. Many unseen rows mean a real clean-up upstream.
  let removed = 0;
  const finish = () => state.finish(CATALOG_SYNC, nextCursor(repo.maxModified(), run.startedAt), new Date().toISOString());
  if (run.mode === 'full') {
    let gone: GoneRows = 'all-unstaged';
    const unseen = staging.unseenIds(VERIFY_UNSEEN_LIMIT + 1);
    if (unseen.length <= VERIFY_UNSEEN_LIMIT) {
      const notFound: number[] = [];
      for (const id of unseen) {
        try {
          staging.writePage([toRow(await o.client.catalogItem(id, o.signal), new Date().toISOString())], run.generation);
        } catch (e) {
          if (!(e instanceof AppError && e.code === 'NOT_FOUND')) throw e;
          notFound.push(id);
        }
      }
      gone = notFound;
    }
    o.report(run.total ?? items, run.total, 'Building the search index');
    removed = staging.publish(gone, finish).removed;
  } else {
    finish();
  }
  const result = { mode: run.mode, resumed, items, removed, catalogSize: repo.count(), seconds: Math.round((Date.now() - started) / 100) / 10 };
  o.log.info('catalog sync finished', { ...result });
  return result;
}
