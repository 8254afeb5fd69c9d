import type { BenchOptions } from './figure';

/** Workload sizes: the figures, and smaller ones for `--quick` (same code paths). */
export function sizes(o: Pick<BenchOptions, 'quick' | 'runs'>) {
  const base = o.quick
    ? { catalog: 5_000, ingestRuns: 3, queries: 300, searchPasses: 3, proposals: 10_000, browserRuns: 3, startupRuns: 3, scrollFrames: 240, draftLines: 100, draftRuns: 3 }
    : { catalog: 200_000, ingestRuns: 3, queries: 1_000, searchPasses: 3, proposals: 10_000, browserRuns: 5, startupRuns: 7, scrollFrames: 600, draftLines: 300, draftRuns: 5 };
  return o.runs ? { ...base, ingestRuns: o.runs, searchPasses: o.runs, browserRuns: o.runs, startupRuns: o.runs, draftRuns: o.runs } : base;
}
