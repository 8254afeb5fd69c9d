import { createLogger } from '../../src-main/log/logger';
import { CatalogService } from '../../src-main/services/portal/catalog-service';
import { createAppContext, defaultLogFile } from '../../src-main/services/context';
import type { Db } from '../../src-main/store/database';
import { ftsQuery, RANKED_CANDIDATES, searchSql } from '../../src-main/store/portal/catalog-repo';
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

export interface SearchStats {
  queries: number;
  p50: number;
  p95: number;
  /** CPU time of the same searches: what they cost whatever else the machine is doing. */
  cpuP50: number;
  cpuP95: number;
  base50: number;
  base95: number;
  maxMs: number;
  slowest: string;
  meanResults: number;
  examples: string;
  passP95: number[];
}

/**
 * `passes` passes of `count` typed-prefix queries over a synced data dir, each through the
 * catalog service's search (count + top 50 ranked, joined to items and categories) and then
 * as a bare FTS5 MATCH of the same terms, LIMIT 50 (the baseline). Medians over passes.
 */
export async function measureSearch(dataDir: string, count: number, passes: number, progress?: (line: string) => void): Promise<SearchStats> {
  const ctx = await createAppContext({ dataDir, env: {}, vault: openHeadlessVault(dataDir, {}), log: createLogger({ file: defaultLogFile(dataDir) }), sandbox: 'off' });
  try {
    const service = new CatalogService(ctx);
    progress?.(queryPlans(ctx.db));
    const queries = typedQueries(ctx.db, count);
    const bare = ctx.db.prepare('SELECT rowid FROM portal_catalog_fts WHERE portal_catalog_fts MATCH ? LIMIT 50');
    const results: { p50: number; p95: number; cpu50: number; cpu95: number; base50: number; base95: number; max: number; hits: number }[] = [];
    let slowest = { ms: 0, text: '' };
    for (let pass = 0; pass < passes; pass++) {
      const times: number[] = [];
      const cpu: number[] = [];
      const baseTimes: number[] = [];
      let hits = 0;
      for (const text of queries) {
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        const r = service.search({ text, limit: 50 });
        const ms = performance.now() - t0;
        const c = process.cpuUsage(c0);
        times.push(ms);
        cpu.push((c.user + c.system) / 1000);
        hits += r.items.length;
        if (ms > slowest.ms) slowest = { ms, text };
        const match = ftsQuery(text)!;
        const t1 = performance.now();
        bare.all(match);
        baseTimes.push(performance.now() - t1);
      }
      const showSlowest = Number(process.env.JUNCTION_BENCH_SLOWEST ?? 0);
      if (showSlowest && pass === passes - 1) {
        // Profiling aid: the queries with the most CPU time, and how many items each matched.
        const order = cpu.map((ms, i) => ({ ms, i })).sort((a, b) => b.ms - a.ms).slice(0, showSlowest);
        progress?.(order.map(({ ms, i }) => `    ${ms.toFixed(2)} ms cpu  "${queries[i]}"  ${service.search({ text: queries[i]!, limit: 1 }).total} matches`).join('\n'));
      }
      const p = { p50: percentile(times, 50), p95: percentile(times, 95), cpu50: percentile(cpu, 50), cpu95: percentile(cpu, 95), base50: percentile(baseTimes, 50), base95: percentile(baseTimes, 95), max: Math.max(...times), hits };
      results.push(p);
      progress?.(`  search pass ${pass + 1}/${passes}: p50 ${p.p50.toFixed(2)} ms, p95 ${p.p95.toFixed(2)} ms, cpu p95 ${p.cpu95.toFixed(2)} ms (bare FTS p95 ${p.base95.toFixed(2)} ms)`);
    }
    const med = (f: (r: (typeof results)[number]) => number) => median(results.map(f));
    return {
      queries: queries.length,
      p50: med((r) => r.p50),
      p95: med((r) => r.p95),
      cpuP50: med((r) => r.cpu50),
      cpuP95: med((r) => r.cpu95),
      base50: med((r) => r.base50),
      base95: med((r) => r.base95),
      maxMs: med((r) => r.max),
      slowest: `${slowest.text} (${slowest.ms.toFixed(1)} ms)`,
      meanResults: results[0]!.hits / queries.length,
      examples: queries.slice(0, 6).join(' | '),
      passP95: results.map((r) => r.p95),
    };
  } finally {
    await ctx.close();
  }
}

/**
 * offline_search: typed-prefix queries through the catalog service's search, p50/p95 wall
 * time; baseline: a bare FTS5 MATCH of the same terms, LIMIT 50, no ranking and no joins.
 */
export const offlineSearch: Benchmark = {
  name: 'offline_search',
  async run(o) {
    const s = sizes(o);
    const dataDir = await syncedCatalog(s.catalog, o.progress);
    const r = await measureSearch(dataDir, s.queries, s.searchPasses, o.progress);
    return {
      value: round(r.p95, 3),
      unit: 'ms (p95)',
      p50: round(r.p50, 3),
      p95: round(r.p95, 3),
      baseline: round(r.base95, 3),
      ratio: round(r.p95 / r.base95, 2),
      goal: 'p95 < 5 ms over typed-prefix queries, top 50 ranked',
      pass: r.p95 < 5,
      runs: r.passP95.map((p) => round(p, 3)),
      detail: {
        items: s.catalog,
        queries: r.queries,
        baselineP50: round(r.base50, 3),
        cpuP50: round(r.cpuP50, 3),
        cpuP95: round(r.cpuP95, 3),
        maxMs: round(r.maxMs, 2),
        slowestQuery: r.slowest,
        meanResults: round(r.meanResults, 1),
        examples: r.examples,
      },
    };
  },
};
