import { createLogger } from '../../src-main/log/logger';
import { CatalogService } from '../../src-main/services/portal/catalog-service';
import { createAppContext, defaultLogFile } from '../../src-main/services/context';
import { ftsQuery, RANKED_CANDIDATES, searchSql } from '../../src-main/store/portal/catalog-repo';
import type { Db } from '../../src-main/store/database';
import { openHeadlessVault } from '../../src-main/vault/open-vault';
import type { Benchmark } from './lib/figure';
import { syncedCatalog } from './lib/fixtures';
import { typedQueries } from './lib/queries';
import { sizes } from './lib/sizes';
import { median, percentile, round } from './lib/stats';

/** EXPLAIN QUERY PLAN of the statements one search runs, for docs/performance.md. */
function queryPlans(db: Db): string {
  const q = searchSql({ text: 'owens cor', offset: 0, limit: 50 });
  const params: Record<string, unknown> = { ...q.params, candidates: RANKED_CANDIDATES, skip: RANKED_CANDIDATES };
  const statements: [string, string | undefined][] = [['count', q.countSql], ['page (exact rank)', q.sql], ['page (broad: ranked candidates)', q.broad?.rankedSql], ['page (broad: the rest)', q.broad?.restSql]];
  return statements
    .filter((e): e is [string, string] => !!e[1])
    .map(([name, sql]) => {
      const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(name === 'count' ? { match: params.match } : params) as { detail: string }[];
      return `  plan of ${name}:\n${rows.map((r) => `    ${r.detail}`).join('\n')}`;
    })
    .join('\n');
}

/**
 * offline_search: typed-prefix queries through the catalog service's search (count + top 50
 * by rank, joined to items and categories), p50/p95; baseline: a bare FTS5 MATCH of the
 * same terms, LIMIT 50, no ranking and no joins.
 */
export const offlineSearch: Benchmark = {
  name: 'offline_search',
  async run(o) {
    const s = sizes(o);
    const dataDir = await syncedCatalog(s.catalog, o.progress);
    const ctx = await createAppContext({ dataDir, env: {}, vault: openHeadlessVault(dataDir, {}), log: createLogger({ file: defaultLogFile(dataDir) }), sandbox: 'off' });
    try {
      const service = new CatalogService(ctx);
      o.progress(queryPlans(ctx.db));
      const queries = typedQueries(ctx.db, s.queries);
      const bare = ctx.db.prepare('SELECT rowid FROM portal_catalog_fts WHERE portal_catalog_fts MATCH ? LIMIT 50');
      const passes: { p50: number; p95: number; base50: number; base95: number; max: number; hits: number }[] = [];
      let slowest = { ms: 0, text: '' };
      for (let pass = 0; pass < s.searchPasses; pass++) {
        const times: number[] = [];
        const baseTimes: number[] = [];
        let hits = 0;
        for (const text of queries) {
          const t0 = performance.now();
          const r = service.search({ text, limit: 50 });
          const ms = performance.now() - t0;
          times.push(ms);
          hits += r.items.length;
          if (ms > slowest.ms) slowest = { ms, text };
          const match = ftsQuery(text)!;
          const t1 = performance.now();
          bare.all(match);
          baseTimes.push(performance.now() - t1);
        }
        passes.push({ p50: percentile(times, 50), p95: percentile(times, 95), base50: percentile(baseTimes, 50), base95: percentile(baseTimes, 95), max: Math.max(...times), hits });
        o.progress(`  search pass ${pass + 1}/${s.searchPasses}: p50 ${passes.at(-1)!.p50.toFixed(2)} ms, p95 ${passes.at(-1)!.p95.toFixed(2)} ms (bare FTS p95 ${passes.at(-1)!.base95.toFixed(2)} ms)`);
      }
      const p95 = median(passes.map((p) => p.p95));
      const base95 = median(passes.map((p) => p.base95));
      return {
        value: round(p95, 3),
        unit: 'ms (p95)',
        p50: round(median(passes.map((p) => p.p50)), 3),
        p95: round(p95, 3),
        baseline: round(base95, 3),
        ratio: round(p95 / base95, 2),
        goal: 'p95 < 5 ms over typed-prefix queries, top 50 ranked',
        pass: p95 < 5,
        runs: passes.map((p) => round(p.p95, 3)),
        detail: {
          items: s.catalog,
          queries: queries.length,
          baselineP50: round(median(passes.map((p) => p.base50)), 3),
          maxMs: round(median(passes.map((p) => p.max)), 2),
          slowestQuery: `${slowest.text} (${slowest.ms.toFixed(1)} ms)`,
          meanResults: round(passes[0]!.hits / queries.length, 1),
          examples: queries.slice(0, 6).join(' | '),
        },
      };
    } finally {
      await ctx.close();
    }
  },
};
