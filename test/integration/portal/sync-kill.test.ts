import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src-main/log/logger';
import { startSandboxServer, type SandboxServer } from '../../../src-main/sandbox/server';
import type { PortalSandbox } from '../../../src-main/sandbox/portal/index';
import { portalEnv } from './harness';

const ROOT = resolve(import.meta.dirname, '../../..');
const CLI = join(ROOT, 'out/main/cli.js');
const SIZE = 20_000;

let dir: string;
let server: SandboxServer;
let sandbox: PortalSandbox;
let env: NodeJS.ProcessEnv;

function cli(args: string[]): { child: ChildProcess; stderr: () => string; exit: Promise<number | null> } {
  const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  child.stdout!.resume();
  const exit = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
  return { child, stderr: () => err, exit };
}

function openDb() {
  return new Database(join(dir, 'data', 'junction.db'), { readonly: true });
}

beforeAll(async () => {
  if (!existsSync(CLI)) execFileSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'ignore' });
  dir = mkdtempSync(join(tmpdir(), 'junction-kill-'));
  server = await startSandboxServer({ dataDir: join(dir, 'vendor'), log: silentLogger, only: ['portal'], config: { portal: { catalogSize: SIZE } } });
  sandbox = server.get<PortalSandbox>('portal');
  env = { ...process.env, ...portalEnv(server.baseUrl('portal')), JUNCTION_DATA_DIR: join(dir, 'data') };
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('catalog sync killed with SIGKILL (real child process)', () => {
  it('keeps the previous catalog searchable and consistent, then resumes', async () => {
    const first = cli(['catalog', 'sync']);
    expect(await first.exit).toBe(0);
    expect(first.stderr()).toMatch(/catalog sync: 20,000\/20,000 100%/);

    // Portal changes: one item disappears, one is renamed. Then a full sync starts and is killed.
    sandbox.catalog.remove(200010);
    sandbox.changeCatalogItem(100002, { model: 'ClimateFlex Renamed' });
    sandbox.faults.set({ latencyMs: 60 });
    const second = cli(['catalog', 'sync', '--full']);
    await new Promise<void>((res, rej) => {
      const timer = setInterval(() => {
        if ((second.stderr().match(/catalog sync: [\d,]+\/19,999/g) ?? []).length >= 6) {
          clearInterval(timer);
          second.child.kill('SIGKILL');
          res();
        }
      }, 10);
      second.exit.then(() => {
        clearInterval(timer);
        rej(new Error(`sync finished before it could be killed:\n${second.stderr()}`));
      });
    });
    expect(await second.exit).toBeNull();
    sandbox.faults.clear();

    const db = openDb();
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect((db.prepare('SELECT count(*) AS n FROM portal_catalog_items').get() as { n: number }).n).toBe(SIZE);
      const run = JSON.parse((db.prepare("SELECT detail FROM sync_state WHERE name = 'portal.catalog'").get() as { detail: string }).detail);
      expect(run.mode).toBe('full');
      expect(run.nextPage).toBeGreaterThan(1);
      // The removed item is still there (the full sync did not finish), and text search works.
      const hits = db.prepare("SELECT rowid FROM portal_catalog_fts WHERE portal_catalog_fts MATCH '\"landmark\"*'").all();
      expect(hits.length).toBeGreaterThan(0);
      expect(db.prepare('SELECT id FROM portal_catalog_items WHERE id = 200010').get()).toBeDefined();
    } finally {
      db.close();
    }

    const offlineSearch = cli(['catalog', 'search', 'climateflex', '--json']);
    expect(await offlineSearch.exit).toBe(0);

    const third = cli(['catalog', 'sync', '--json']);
    expect(await third.exit).toBe(0);
    const db2 = openDb();
    try {
      expect(db2.pragma('integrity_check', { simple: true })).toBe('ok');
      expect((db2.prepare('SELECT count(*) AS n FROM portal_catalog_items').get() as { n: number }).n).toBe(SIZE - 1);
      expect(db2.prepare('SELECT id FROM portal_catalog_items WHERE id = 200010').get()).toBeUndefined();
      expect((db2.prepare('SELECT model FROM portal_catalog_items WHERE id = 100002').get() as { model: string }).model).toBe('ClimateFlex Renamed');
      expect(db2.prepare("SELECT status, detail FROM sync_state WHERE name = 'portal.catalog'").get()).toMatchObject({ status: 'idle', detail: null });
    } finally {
      db2.close();
    }
    const search = cli(['catalog', 'search', 'climateflex', 'renamed', '--json']);
    let out = '';
    search.child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    expect(await search.exit).toBe(0);
    expect(JSON.parse(out).items.map((i: { id: number }) => i.id)).toEqual([100002]);
  });
});
