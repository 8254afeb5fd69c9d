import { parseArgs } from 'node:util';
import { catalogIngest } from './catalog-ingest';
import type { Benchmark, Figure } from './lib/figure';
import { reuseCatalog, stopSandboxes } from './lib/fixtures';
import { details, table } from './lib/report';
import { removeTempDirs } from './lib/temp';
import { scalingMarkdown, scalingTable } from './scaling';
import { listScroll } from './list-scroll';
import { memoryRss } from './memory-rss';
import { offlineSearch } from './offline-search';
import { proposalToDraft } from './proposal-draft';
import { startupFirstRender } from './startup-first-render';
import { startupMain } from './startup-main';

const BENCHMARKS: Benchmark[] = [catalogIngest, offlineSearch, proposalToDraft, startupMain, startupFirstRender, memoryRss, listScroll];

const USAGE = `Usage: npm run bench -- [--quick] [--json] [--only name,name]

Runs Junction's benchmarks against the embedded sandboxes and real SQLite files.
  --quick   smaller workloads (5k catalog), same code paths; goals are reported, not enforced
  --json    one JSON object on stdout: { name: { value, unit, p50?, p95?, baseline?, ratio?, goal, pass } }
  --runs N  repeat each measurement N times instead of the default (at least 3 for published figures)
  --reuse-catalog DIR  (profiling only) search/scroll an already synced data dir instead of syncing one
  --scaling only the growth table: catalog ingest and search at 10k, 50k and 200k items (quick: 3k, 6k, 12k), as Markdown
  --only    run only these benchmarks (${BENCHMARKS.map((b) => b.name).join(', ')})
Exit code: 0 when every benchmark ran (and, without --quick, met its goal); 1 otherwise.`;

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { quick: { type: 'boolean', default: false }, json: { type: 'boolean', default: false }, only: { type: 'string' }, runs: { type: 'string' }, 'reuse-catalog': { type: 'string' }, scaling: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const only = values.only?.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = only?.filter((n) => !BENCHMARKS.some((b) => b.name === n)) ?? [];
  if (unknown.length) {
    process.stderr.write(`Unknown benchmark: ${unknown.join(', ')}\n\n${USAGE}\n`);
    return 2;
  }
  const runs = values.runs === undefined ? undefined : Number(values.runs);
  if (runs !== undefined && !(Number.isInteger(runs) && runs >= 1)) {
    process.stderr.write(`--runs must be a whole number of at least 1, got "${values.runs}".\n`);
    return 2;
  }
  if (values['reuse-catalog']) reuseCatalog(values['reuse-catalog']);
  if (values.scaling) return scaling(values.quick, runs);
  const selected = BENCHMARKS.filter((b) => !only || only.includes(b.name));
  const progress = (line: string) => process.stderr.write(`${line}\n`);
  const results: Record<string, Figure | { error: string }> = {};
  const started = performance.now();
  progress(`junction bench${values.quick ? ' --quick' : ''}: ${selected.map((b) => b.name).join(', ')}`);
  try {
    for (const b of selected) {
      const t0 = performance.now();
      progress(`▶ ${b.name}`);
      try {
        results[b.name] = await b.run({ quick: values.quick, runs, progress });
      } catch (e) {
        results[b.name] = { error: (e as Error).stack ?? String(e) };
        progress(`  ${b.name} failed: ${(e as Error).stack ?? String(e)}`);
      }
      progress(`  ${b.name} took ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
  } finally {
    await stopSandboxes();
    removeTempDirs();
  }
  const out = values.json ? process.stderr : process.stdout;
  out.write(`\n${table(results)}\n\n${details(results)}\n\nTotal ${((performance.now() - started) / 1000).toFixed(1)} s${values.quick ? ' (quick: goals are reported, not enforced)' : ''}\n`);
  if (values.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  const broken = Object.values(results).some((r) => 'error' in r);
  const missed = Object.values(results).some((r) => 'error' in r || !r.pass);
  return broken || (!values.quick && missed) ? 1 : 0;
}

async function scaling(quick: boolean, runs: number | undefined): Promise<number> {
  const progress = (line: string) => process.stderr.write(`${line}\n`);
  try {
    const rows = await scalingTable({ quick, runs, progress }, quick ? [3_000, 6_000, 12_000] : [10_000, 50_000, 200_000]);
    process.stdout.write(`${scalingMarkdown(rows)}\n`);
    return 0;
  } catch (e) {
    progress(`scaling failed: ${(e as Error).stack ?? String(e)}`);
    return 1;
  } finally {
    await stopSandboxes();
    removeTempDirs();
  }
}
