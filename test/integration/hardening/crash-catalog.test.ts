import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src-main/log/logger';
import type { PortalSandbox } from '../../../src-main/sandbox/portal/index';
import { startSandboxServer, type SandboxServer } from '../../../src-main/sandbox/server';
import { tempDir } from '../../helpers/temp-dir';
import { portalEnv } from '../portal/harness';
import { assertBuilt, runCli } from './lib/child';
import { count, record, rng } from './lib/soak';
import { catalogIntegrityProblems } from '../../helpers/catalog-integrity';

const KILLS = Number(process.env.JUNCTION_KILLS_OVERRIDE ?? count(10, 200));
const CATALOG_SIZE = 4_000;
const PROGRESS = /catalog sync: [\d,]+\/[\d,]+/;

/**
 * `catalog sync --full` in a child process (the built CLI) against the Portal sandbox in
 * this process, SIGKILLed at a random moment after its first progress line (seeded). After
 * every kill: SQLite's integrity check and FTS5's own check pass, every item of the last
 * complete catalog is still there and found by text search. Between kills Portal's catalog
 * changes (an item removed, one renamed), and a sync that runs to the end must match it.
 * Now and then the database is deleted, so the next kills hit a first sync (staged: the
 * catalog stays empty until its last transaction publishes every item at once).
 */
describe(`catalog sync crash safety: ${KILLS.toLocaleString('en-US')} SIGKILLs mid-sync`, () => {
  let dir: ReturnType<typeof tempDir>;
  let server: SandboxServer;
  let sandbox: PortalSandbox;
  let env: Record<string, string>;
  let dbFile: string;

  beforeAll(async () => {
    assertBuilt();
    dir = tempDir('junction-catalog-crash-');
    server = await startSandboxServer({ dataDir: join(dir.path, 'vendor'), log: silentLogger, only: ['portal'], config: { portal: { catalogSize: CATALOG_SIZE, latencyMs: 10 } } });
    sandbox = server.get<PortalSandbox>('portal');
    env = { ...portalEnv(server.baseUrl('portal')), JUNCTION_DATA_DIR: join(dir.path, 'data') };
    dbFile = join(dir.path, 'data', 'junction.db');
  });
  afterAll(async () => {
    await server?.close();
    dir?.cleanup();
  });

  /** Checks the database a killed sync left behind; returns the item ids it holds. */
  function inspect(): { ids: Set<number>; interrupted: boolean; lastSynced: string | null; hits: number; problems: string[] } {
    const db = new Database(dbFile);
    try {
      const problems = catalogIntegrityProblems(db);
      const ids = new Set((db.prepare('SELECT id FROM portal_catalog_items').all() as { id: number }[]).map((r) => r.id));
      const hits = (db.prepare("SELECT count(*) AS n FROM portal_catalog_fts WHERE portal_catalog_fts MATCH '\"landmark\"*'").get() as { n: number }).n;
      const run = db.prepare("SELECT detail, last_synced FROM sync_state WHERE name = 'portal.catalog'").get() as { detail: string | null; last_synced: string | null } | undefined;
      return { ids, interrupted: Boolean(run?.detail), lastSynced: run?.last_synced ?? null, hits, problems };
    } finally {
      db.close();
    }
  }

  it('integrity ok after every kill, the previous catalog stays complete and searchable, a fresh full sync matches Portal', async () => {
    const random = rng();
    const first = await runCli(env, ['catalog', 'sync', '--full']);
    expect(first.code, first.stderr).toBe(0);
    let previous = inspect();
    expect(previous.problems).toEqual([]);
    expect(previous.ids.size).toBe(CATALOG_SIZE);
    const syncMs = first.ms;
    const allIds = [...previous.ids].sort((a, b) => a - b);
    const atPortal = () => new Set(allIds.filter((id) => !sandbox.catalog.removed.has(id)));
    const diff = (ids: Set<number>) => {
      const portal = atPortal();
      return { extra: [...ids].filter((id) => !portal.has(id)).length, missing: [...portal].filter((id) => !ids.has(id)).length };
    };

    const tally = {
      kills: 0, killedMidSync: 0, finishedJustBeforeKill: 0, completed: 0, inspections: 0, integrityOk: 0, searchesViaCli: 0, removedAtPortal: 0,
      resumedSyncsOff: 0, resumedExtra: 0, resumedMissing: 0, databasesDeleted: 0, firstSyncKills: 0,
    };
    const failures: string[] = [];
    /** A sync that ran to its end: a fresh one equals Portal; one that resumed an interrupted run may miss Portal's changes made meanwhile. */
    const finished = (now: ReturnType<typeof inspect>, resumed: boolean, what: string) => {
      const d = diff(now.ids);
      if (d.extra || d.missing) {
        if (resumed) {
          tally.resumedSyncsOff += 1;
          tally.resumedExtra += d.extra;
          tally.resumedMissing += d.missing;
        } else failures.push(`${what}: a fresh full sync holds ${d.extra} item(s) Portal removed and lacks ${d.missing} it has`);
      }
      previous = now;
    };

    while (tally.kills < KILLS) {
      // Portal's catalog moves on between syncs.
      if (random.next() < 0.5) {
        sandbox.catalog.remove(allIds[random.int(0, allIds.length - 1)]!);
        tally.removedAtPortal += 1;
      }
      // Start over from no database: the kills that follow hit a first sync until one completes.
      if (previous.ids.size > 0 && random.next() < 0.2) {
        for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) rmSync(f, { force: true });
        previous = { ids: new Set(), interrupted: false, lastSynced: null, hits: 0, problems: [] };
        tally.databasesDeleted += 1;
      }
      const firstSync = previous.ids.size === 0;
      const wasInterrupted = previous.interrupted;
      const run = await runCli(env, ['catalog', 'sync', '--full'], { killAfterStderr: { match: PROGRESS, afterMs: Math.floor(random.next() * syncMs * 0.8) } });
      const now = inspect();
      tally.inspections += 1;
      if (now.problems.length) failures.push(`run ${tally.inspections}: ${now.problems.join('; ')}`);
      else tally.integrityOk += 1;
      if (run.killed) {
        tally.kills += 1;
        if (!now.interrupted && now.lastSynced !== previous.lastSynced) {
          // Killed after its last transaction committed: the sync had in fact finished.
          tally.finishedJustBeforeKill += 1;
          finished(now, true, `kill ${tally.kills}`);
          continue;
        }
        if (now.interrupted) tally.killedMidSync += 1;
        if (firstSync) {
          // A killed first sync has published nothing: an empty catalog, nothing found.
          tally.firstSyncKills += 1;
          if (now.ids.size || now.hits) failures.push(`kill ${tally.kills}: an unfinished first sync left ${now.ids.size} items (${now.hits} found by search)`);
          previous = now;
          continue;
        }
        const missing = [...previous.ids].filter((id) => !now.ids.has(id));
        if (missing.length) failures.push(`kill ${tally.kills}: ${missing.length} items of the previous catalog are gone (e.g. ${missing[0]})`);
        if (now.hits === 0) failures.push(`kill ${tally.kills}: text search finds nothing`);
        if (tally.kills % 10 === 0) {
          const search = await runCli(env, ['catalog', 'search', 'landmark', '--json']);
          tally.searchesViaCli += 1;
          if (search.code !== 0 || !(JSON.parse(search.stdout) as { items: unknown[] }).items.length) failures.push(`kill ${tally.kills}: catalog search failed: ${search.stderr.slice(-200)}`);
        }
        previous = { ...now, ids: new Set([...previous.ids, ...now.ids]) };
      } else {
        if (run.code !== 0) failures.push(`completed run exited ${run.code}: ${run.stderr.slice(-300)}`);
        tally.completed += 1;
        finished(now, wasInterrupted || /\(resumed\)/.test(run.stdout), `completed run ${tally.completed}`);
      }
      if (failures.length > 5) break;
    }
    // The last word: a sync resumes whatever was interrupted, then a fresh full sync equals Portal's catalog.
    const resume = await runCli(env, ['catalog', 'sync', '--full']);
    const fresh = await runCli(env, ['catalog', 'sync', '--full']);
    const end = inspect();
    const endDiff = diff(end.ids);
    record('Crash safety: catalog sync', {
      kills: tally.kills,
      killedMidSync: tally.killedMidSync,
      finishedJustBeforeKill: tally.finishedJustBeforeKill,
      syncsCompletedBetweenKills: tally.completed,
      integrityChecks: tally.inspections,
      integrityChecksOk: tally.integrityOk,
      cliSearches: tally.searchesViaCli,
      itemsRemovedAtPortal: tally.removedAtPortal,
      resumedSyncsNotMatchingPortal: tally.resumedSyncsOff,
      resumedExtraItems: tally.resumedExtra,
      resumedMissingItems: tally.resumedMissing,
      databasesDeleted: tally.databasesDeleted,
      firstSyncKills: tally.firstSyncKills,
      finalCatalogSize: end.ids.size,
      finalDiffFromPortal: endDiff.extra + endDiff.missing,
      failures: failures.length,
    });
    for (const f of failures) process.stdout.write(`[crash-catalog] ${f}\n`);
    expect(failures).toEqual([]);
    expect(tally.kills).toBe(KILLS);
    expect(tally.killedMidSync).toBeGreaterThan(KILLS / 2);
    expect(resume.code, resume.stderr).toBe(0);
    expect(fresh.code, fresh.stderr).toBe(0);
    expect(end.problems).toEqual([]);
    expect(endDiff).toEqual({ extra: 0, missing: 0 });
  }, 4 * 3_600_000);
});
