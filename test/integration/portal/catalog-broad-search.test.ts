import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogService } from '../../../src-main/services/portal/catalog-service';
import { RANKED_CANDIDATES } from '../../../src-main/store/portal/catalog-repo';
import { portalWorld, type PortalWorld } from './harness';

// Big enough that a one- or two-letter prefix matches more items than are ranked.
const SIZE = 8000;
let w: PortalWorld;
let service: CatalogService;

beforeAll(async () => {
  w = await portalWorld({ config: { catalogSize: SIZE } });
  service = new CatalogService(w.ctx);
  await service.startSync().done;
});
afterAll(() => w.close());

/** Every page of a search, the way the virtualized list fetches them. */
function allPages(text: string, pageSize: number): { ids: number[]; total: number } {
  const first = service.search({ text, offset: 0, limit: pageSize });
  const ids = first.items.map((i) => i.id);
  for (let offset = pageSize; offset < first.total; offset += pageSize) ids.push(...service.search({ text, offset, limit: pageSize }).items.map((i) => i.id));
  return { ids, total: first.total };
}

describe('search for a prefix that matches thousands of items', () => {
  it('counts every match and lists each exactly once across pages, also across the ranked/unranked boundary', () => {
    const { ids, total } = allPages('s', 300);
    expect(total).toBeGreaterThan(RANKED_CANDIDATES);
    // Counted independently: items with a word starting with "s" in any searched column.
    const rows = w.ctx.db.prepare('SELECT brand, model, description, supplier_sku FROM portal_catalog_items').raw().all() as string[][];
    expect(total).toBe(rows.filter((r) => /(^|[^\p{L}\p{N}])s/iu.test(r.join(' '))).length);
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
    // Every listed item really matches: some word of it starts with "s".
    const page = service.search({ text: 's', offset: RANKED_CANDIDATES - 10, limit: 20 });
    expect(page.items).toHaveLength(20);
    for (const i of page.items) expect(`${i.brand} ${i.model} ${i.description} ${i.supplierSku}`.toLowerCase()).toMatch(/(^|[^\p{L}\p{N}])s/u);
  });

  it('one-letter words use the prefix index and still match as prefixes', () => {
    const plan = (w.ctx.db.prepare(`EXPLAIN QUERY PLAN SELECT rowid FROM portal_catalog_fts WHERE portal_catalog_fts MATCH '"h"*'`).all() as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(plan).toMatch(/VIRTUAL TABLE INDEX/);
    const cfg = w.ctx.db.prepare("SELECT sql FROM sqlite_master WHERE name = 'portal_catalog_fts'").get() as { sql: string };
    expect(cfg.sql).toMatch(/prefix = '1 2 3 4'/);
    const some = service.search({ text: 'l', limit: 50 });
    expect(some.total).toBeGreaterThan(0);
    for (const i of some.items) expect(`${i.brand} ${i.model} ${i.description} ${i.supplierSku}`.toLowerCase()).toMatch(/(^|[^\p{L}\p{N}])l/u);
  });

  it('ranks narrow searches over every match, best first', () => {
    const r = service.search({ text: 'landm pro', limit: 50 });
    expect(r.total).toBeLessThan(RANKED_CANDIDATES);
    expect(r.items[0]).toMatchObject({ brand: 'CertainTeed' });
  });
});
