/** One benchmark figure as `npm run bench -- --json` prints it. */
export interface Figure {
  value: number;
  unit: string;
  p50?: number;
  p95?: number;
  /** The same work done the simplest possible way, measured in the same run. */
  baseline?: number;
  /** value / baseline, always (for a rate such as items/s, 1.0 means as fast as the baseline). */
  ratio?: number;
  goal: string;
  pass: boolean;
  /** The per-run values the median was taken from. */
  runs?: number[];
  /** Secondary measurements (sub-cases, counts) that explain the figure. */
  detail?: Record<string, number | string>;
}

export interface BenchOptions {
  quick: boolean;
  /** Overrides how many times each measurement is repeated (default: sizes()). */
  runs?: number | undefined;
  /** Progress lines go to stderr, so stdout stays clean for --json. */
  progress(line: string): void;
}

export interface Benchmark {
  name: string;
  run(o: BenchOptions): Promise<Figure>;
}
