import { existsSync, statSync } from 'node:fs';
import { databasePath } from '../../src-main/store/database';
import type { BenchOptions } from './lib/figure';
import { ingestRuns } from './lib/fixtures';
import { sizes } from './lib/sizes';
import { median, round } from './lib/stats';
import { measureSearch } from './offline-search';

export interface ScalingRow {
  items: number;
  syncSeconds: number;
  itemsPerSecond: number;
  rawItemsPerSecond: number;
  ratio: number;
  syncCpuSeconds: number;
  searchP50: number;
  searchP95: number;
  searchCpuP95: number;
  bareP95: number;
  rssAfterMb: number;
  databaseMb: number;
}

const fileMb = (f: string) => (existsSync(f) ? statSync(f).size / 1024 / 1024 : 0);

/** How cost grows with the catalog: the ingest and search measurements at several sizes, same code. */
export async function scalingTable(o: BenchOptions, catalogSizes: number[]): Promise<ScalingRow[]> {
  const s = sizes(o);
  const rows: ScalingRow[] = [];
  for (const size of catalogSizes) {
    o.progress(`▶ scaling: ${size.toLocaleString('en-US')} items`);
    const runs = await ingestRuns(size, s.ingestRuns, o.progress);
    const dataDir = runs.at(-1)!.dataDir;
    const search = await measureSearch(dataDir, s.queries, s.searchPasses);
    const rate = median(runs.map((r) => (r.sync.items / r.sync.syncMs) * 1000));
    const raw = median(runs.map((r) => (r.raw.items / r.raw.insertMs) * 1000));
    const db = databasePath(dataDir);
    rows.push({
      items: size,
      syncSeconds: round(median(runs.map((r) => r.sync.syncMs / 1000)), 2),
      itemsPerSecond: Math.round(rate),
      rawItemsPerSecond: Math.round(raw),
      ratio: round(rate / raw, 2),
      syncCpuSeconds: round(median(runs.map((r) => r.sync.syncCpuMs / 1000)), 2),
      searchP50: round(search.p50, 2),
      searchP95: round(search.p95, 2),
      searchCpuP95: round(search.cpuP95, 2),
      bareP95: round(search.base95, 2),
      rssAfterMb: median(runs.map((r) => r.sync.rssAfterMb)),
      databaseMb: round(fileMb(db) + fileMb(`${db}-wal`), 1),
    });
  }
  return rows;
}

export function scalingMarkdown(rows: ScalingRow[]): string {
  const head = ['items', 'sync s', 'items/s', 'raw insert items/s', 'ratio', 'sync CPU s', 'search p50 ms', 'search p95 ms', 'search CPU p95 ms', 'bare FTS p95 ms', 'RSS after MB', 'database MB'];
  const fmt = (n: number) => (n >= 1000 ? n.toLocaleString('en-US') : String(n));
  return [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---:').join('|')}|`,
    ...rows.map(
      (r) =>
        `| ${[r.items, r.syncSeconds, r.itemsPerSecond, r.rawItemsPerSecond, r.ratio, r.syncCpuSeconds, r.searchP50, r.searchP95, r.searchCpuP95, r.bareP95, r.rssAfterMb, r.databaseMb].map(fmt).join(' | ')} |`,
    ),
  ].join('\n');
}
