import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src-main/log/logger';
import { startSandboxServer, type SandboxServer } from '../../../src-main/sandbox/server';
import type { PortalSandbox } from '../../../src-main/sandbox/portal/index';
import { rng } from '../hardening/lib/soak';
import { portalEnv } from './harness';
import { catalogIntegrityProblems } from '../../helpers/catalog-integrity';

const ROOT = resolve(import.meta.dirname, '../../..');
const CLI = join(ROOT, 'out/main/cli.js');
const SIZE = 10_000;
const ROUNDS = 4;
const PROGRESS = /catalog sync: [\d,]+\/[\d,]+ \d+% Items/;
const PUBLISH = /Building the search index/;

let dir: string;
let server: SandboxServer;
let sandbox: PortalSandbox;

interface Run {
  code: number | null;
  killed: boolean;
  /** ms from start until the stderr line matching `at` appeared (null if it never did), and until exit. */
  matchedMs: number | null;
  exitMs: number;
  stderr: string;
}

/** `junction catalog sync` in a child process; SIGKILLed `afterMs` after its stderr first matches `at`. */
function sync(dataDir: string, kill?: { at: RegExp; afterMs: number }, watch: RegExp = PUBLISH): Promise<Run> {
  const env = { ...process.env, ...portalEnv(server.baseUrl('portal')), JUNCTION_DATA_DIR: dataDir };
  const child = spawn(process.execPath, [CLI, 'catalog', 'sync'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  const started = Date.now();
  let stderr = '';
  let matchedMs: number | null = null;
  let killed = false;
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
    const at = kill?.at ?? watch;
    if (matchedMs === null && at.test(stderr)) {
      matchedMs = Date.now() - started;
      if (kill)
        setTimeout(() => {
          if (child.exitCode === null && child.signalCode === null) {
            killed = true;
            child.kill('SIGKILL');
          }
        }, kill.afterMs);
    }
  });
  return new Promise((res) => child.on('close', (code) => res({ code, killed, matchedMs, exitMs: Date.now() - started, stderr })));
}

interface State {
  problems: string[];
  items: Set<number>;
  staged: number;
  run: { staged?: boolean; nextPage: number; pageSize: number; total: number | null } | null;
  hits: number;
}

function inspect(dataDir: string): State {
  const db = new Database(join(dataDir, 'junction.db'));
  try {
    const problems = catalogIntegrityProblems(db);
    const items = new Set((db.prepare('SELECT id FROM portal_catalog_items').all() as { id: number }[]).map((r) => r.id));
    const staged = (db.prepare('SELECT count(*) AS n FROM portal_catalog_staging').get() as { n: number }).n;
    const detail = db.prepare("SELECT detail FROM sync_state WHERE name = 'portal.catalog'").get() as { detail: string | null } | undefined;
    const hits = (db.prepare("SELECT count(*) AS n FROM portal_catalog_fts WHERE portal_catalog_fts MATCH '\"landmark\"*'").get() as { n: number }).n;
    return { problems, items, staged, run: detail?.detail ? (JSON.parse(detail.detail) as State['run']) : null, hits };
  } finally {
    db.close();
  }
}

const portalIds = () => new Set(sandbox.catalog.page({}, 1, SIZE * 2).items.map((i) => i.id));

beforeAll(async () => {
  if (!existsSync(CLI)) execFileSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'ignore' });
  dir = mkdtempSync(join(tmpdir(), 'junction-first-kill-'));
  server = await startSandboxServer({ dataDir: join(dir, 'vendor'), log: silentLogger, only: ['portal'], config: { portal: { catalogSize: SIZE, latencyMs: 5 } } });
  sandbox = server.get<PortalSandbox>('portal');
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('first catalog sync killed with SIGKILL (real child process)', () => {
  it('leaves an empty or a complete catalog, never a partial one, with integrity ok; resumes and ends equal to Portal', async () => {
    const random = rng();
    // One undisturbed first sync: how long its download and its final transaction take.
    const warm = await sync(join(dir, 'warm'));
    expect(warm.code, warm.stderr).toBe(0);
    expect(warm.matchedMs).not.toBeNull();
    const publishMs = warm.exitMs - warm.matchedMs!;
    const downloadMs = warm.matchedMs!;

    const tally = { kills: 0, emptyAfterKill: 0, inFinalTransaction: 0, completeAfterKill: 0, resumedFromLaterPage: 0 };
    const failures: string[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      sandbox.catalog.remove([...portalIds()][random.int(0, SIZE - 100)]!);
      const dataDir = join(dir, `round-${round}`);
      // Kill once while pages download, once in the final transaction (the first round right as it begins), then let it finish.
      const kills = [
        { at: PROGRESS, afterMs: Math.floor(random.next() * downloadMs * 0.7) },
        { at: PUBLISH, afterMs: round === 1 ? 0 : Math.floor(random.next() * publishMs * 0.6) },
      ];
      let lastRun: State['run'] = null;
      let droppedWhileStopped = 0;
      for (const kill of [...kills, undefined]) {
        sandbox.requests.length = 0;
        const run = await sync(dataDir, kill);
        const s = inspect(dataDir);
        const where = `round ${round}, ${kill ? `kill ${kill.afterMs} ms after ${kill.at.source}` : 'final run'}`;
        const firstPage = sandbox.requests.find((r) => r.endpoint === 'catalogItems')?.query.PageNumber;
        // A resumed first download reads the last page it wrote again (Portal's pages may have shifted).
        const expectedPage = lastRun ? Math.max(1, lastRun.nextPage - 1) : 1;
        if (lastRun && firstPage !== undefined && firstPage !== String(expectedPage)) failures.push(`${where}: resumed at page ${firstPage}, not ${expectedPage}`);
        if (s.problems.length) failures.push(`${where}: ${s.problems.join('; ')}`);
        if (!run.killed) {
          if (run.code !== 0) failures.push(`${where}: exited ${run.code}: ${run.stderr.slice(-300)}`);
          break;
        }
        tally.kills += 1;
        // Portal drops an item while the download is stopped: later items slide back a place.
        sandbox.catalog.remove([...portalIds()][random.int(0, SIZE - 100)]!);
        droppedWhileStopped += 1;
        if (s.items.size === 0) {
          tally.emptyAfterKill += 1;
          if (!s.run?.staged) failures.push(`${where}: killed with an empty catalog but no staged run recorded`);
          else {
            const committed = Math.min(s.run.total ?? Infinity, (s.run.nextPage - 1) * s.run.pageSize);
            // Items Portal dropped after they were staged stay staged (Portal's total shrank past them).
            if (s.staged < committed || s.staged > committed + droppedWhileStopped) failures.push(`${where}: ${s.staged} staged rows, the run recorded ${committed}`);
            if (s.run.total !== null && committed >= s.run.total) tally.inFinalTransaction += 1;
            if (lastRun && s.run.nextPage < lastRun.nextPage) failures.push(`${where}: the run went back from page ${lastRun.nextPage} to ${s.run.nextPage}`);
          }
          if (s.hits !== 0) failures.push(`${where}: text search finds items of an unfinished first download`);
          lastRun = s.run;
        } else {
          tally.completeAfterKill += 1;
          if (s.run !== null || s.staged !== 0) failures.push(`${where}: a catalog of ${s.items.size} items with a run still recorded or ${s.staged} rows staged`);
          break;
        }
      }
      if (lastRun && lastRun.nextPage > 1) tally.resumedFromLaterPage += 1;
      const end = inspect(dataDir);
      const portal = portalIds();
      expect(end.problems, `round ${round}`).toEqual([]);
      expect(end.run, `round ${round}`).toBeNull();
      expect(end.staged, `round ${round}`).toBe(0);
      expect(end.hits, `round ${round}`).toBeGreaterThan(0);
      // Nothing Portal has is missing; items it dropped while the download was stopped may stay until the next full sync.
      expect([...portal].filter((id) => !end.items.has(id)), `round ${round}`).toEqual([]);
    }
    process.stdout.write(`[first-sync-kill] ${JSON.stringify({ downloadMs, publishMs, ...tally })}\n`);
    expect(failures).toEqual([]);
    expect(tally.kills).toBeGreaterThanOrEqual(ROUNDS);
    expect(tally.inFinalTransaction).toBeGreaterThanOrEqual(1);
    expect(tally.resumedFromLaterPage).toBeGreaterThanOrEqual(1);
  }, 300_000);
});
