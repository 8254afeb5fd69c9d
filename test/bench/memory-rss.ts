import type { Benchmark } from './lib/figure';
import { ingestRuns } from './lib/fixtures';
import { sizes } from './lib/sizes';
import { median, round } from './lib/stats';

/**
 * memory_rss: resident memory of a process running the main services after a full catalog
 * sync and opening the catalog; baseline: the same process right after start-up.
 */
export const memoryRss: Benchmark = {
  name: 'memory_rss',
  async run(o) {
    const s = sizes(o);
    const runs = await ingestRuns(s.catalog, s.ingestRuns, o.progress);
    const after = runs.map((r) => r.sync.rssAfterMb);
    const value = median(after);
    const baseline = median(runs.map((r) => r.sync.rssStartMb));
    return {
      value,
      unit: 'MB',
      baseline,
      ratio: round(value / baseline, 2),
      goal: 'RSS < 250 MB after syncing the catalog and opening it',
      pass: value < 250,
      runs: after,
      detail: {
        items: s.catalog,
        peakDuringSyncMb: median(runs.map((r) => r.sync.rssPeakMb)),
        heapAfterMb: median(runs.map((r) => r.sync.heapAfterMb)),
        heapAfterGcMb: median(runs.map((r) => r.sync.heapAfterGcMb)),
        rssAfterGcMb: median(runs.map((r) => r.sync.rssAfterGcMb)),
        openCatalogMs: round(median(runs.map((r) => r.sync.openMs)), 1),
      },
    };
  },
};
