import { rmSync } from 'node:fs';
import type { SandboxInfo } from '../children/sandbox';
import type { RawInsertReply } from '../children/raw-insert';
import type { SyncReply } from '../children/sync';
import { runChild, startChild, type ChildRun } from './child';
import { tempDir } from './temp';

const sandboxes = new Map<number, { run: ChildRun<SandboxInfo>; info: Promise<SandboxInfo> }>();

/** A Portal sandbox process with a catalog of `catalogSize` items (one per size, reused). */
export function portalSandbox(catalogSize: number): Promise<SandboxInfo> {
  let s = sandboxes.get(catalogSize);
  if (!s) {
    const run = startChild<SandboxInfo>('sandbox', { catalogSize });
    s = { run, info: run.first.then((r) => r.value) };
    sandboxes.set(catalogSize, s);
  }
  return s.info;
}

export async function stopSandboxes(): Promise<void> {
  await Promise.all([...sandboxes.values()].map((s) => s.run.stop()));
  sandboxes.clear();
}

export interface IngestRun {
  sync: SyncReply;
  raw: RawInsertReply;
  /** The data dir the sync filled (kept for the last run only). */
  dataDir: string;
}

const ingests = new Map<string, Promise<IngestRun[]>>();

/**
 * `runs` full catalog syncs of `size` items, each in a fresh main-services process on a fresh
 * data dir, each followed by the raw-insert baseline of the same rows. catalog_ingest and
 * memory_rss read their figures from the same runs; the last run's database is kept for the
 * benchmarks that need a synced catalog.
 */
export function ingestRuns(size: number, runs: number, progress: (line: string) => void): Promise<IngestRun[]> {
  const key = `${size}x${runs}`;
  let p = ingests.get(key);
  if (!p) {
    p = (async () => {
      const sandbox = await portalSandbox(size);
      const out: IngestRun[] = [];
      for (let i = 0; i < runs; i++) {
        const dataDir = tempDir('sync');
        const sync = (await runChild<SyncReply>('sync', { dataDir, env: sandbox.env }, { execArgv: ['--expose-gc'] })).value;
        if (sync.items !== size) throw new Error(`the sync stored ${sync.items} items, expected ${size}`);
        const rawDir = tempDir('raw');
        const raw = (await runChild<RawInsertReply>('raw-insert', { sourceDataDir: dataDir, dataDir: rawDir })).value;
        rmSync(rawDir, { recursive: true, force: true });
        if (raw.items !== size) throw new Error(`the raw insert wrote ${raw.items} items, expected ${size}`);
        progress(
          `  ingest ${size.toLocaleString('en-US')} run ${i + 1}/${runs}: sync ${(sync.syncMs / 1000).toFixed(1)} s, raw ${(raw.insertMs / 1000).toFixed(1)} s, rss ${sync.rssStartMb} → ${sync.rssAfterMb} MB (peak ${sync.rssPeakMb})`,
        );
        if (out.length) rmSync(out.at(-1)!.dataDir, { recursive: true, force: true });
        out.push({ sync, raw, dataDir });
      }
      return out;
    })();
    ingests.set(key, p);
  }
  return p;
}

let reused: string | null = null;

/** Development only (`--reuse-catalog DIR`): search and scroll over an already synced data dir instead of syncing one. */
export function reuseCatalog(dataDir: string): void {
  reused = dataDir;
}

/** A data dir holding a freshly synced catalog of `size` items. */
export async function syncedCatalog(size: number, progress: (line: string) => void, runs = 1): Promise<string> {
  if (reused) return reused;
  for (const [key, p] of ingests) if (key.startsWith(`${size}x`)) return (await p).at(-1)!.dataDir;
  return (await ingestRuns(size, runs, progress)).at(-1)!.dataDir;
}
