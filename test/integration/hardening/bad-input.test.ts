import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../src-shared/domain/result';
import { silentLogger } from '../../../src-main/log/logger';
import type { SrsSandbox } from '../../../src-main/sandbox/srs/index';
import { startSandboxServer, type SandboxServer } from '../../../src-main/sandbox/server';
import { createAppContext } from '../../../src-main/services/context';
import { CatalogService } from '../../../src-main/services/portal/catalog-service';
import { portalClient } from '../../../src-main/services/portal/portal-client';
import { openDatabase } from '../../../src-main/store/database';
import { OrdersRepo } from '../../../src-main/store/orders/orders-repo';
import { openHeadlessVault } from '../../../src-main/vault/open-vault';
import { tempDir } from '../../helpers/temp-dir';
import { portalEnv } from '../portal/harness';
import { assertBuilt, runCli, type ChildRun } from './lib/child';
import { sandboxDraft, sandboxHeader } from './lib/orders';
import { count, record } from './lib/soak';

const IS_ROOT = process.getuid?.() === 0;
const NOBODY = 65534;
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const lastLine = (r: ChildRun) => r.stderr.trim().split('\n').at(-1) ?? '';

/** Every file under a folder with its hash: "nothing changed" means this is equal before and after. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[p.slice(dir.length)] = sha(p);
    }
  };
  walk(dir);
  return out;
}

describe('bad input from the machine and the user: a clear message, nothing lost', () => {
  let dir: ReturnType<typeof tempDir>;
  let server: SandboxServer;
  let env: Record<string, string>;
  const figures: Record<string, string | number | boolean> = {};

  beforeAll(async () => {
    assertBuilt();
    dir = tempDir('junction-bad-input-');
    chmodSync(dir.path, 0o755);
    server = await startSandboxServer({ dataDir: join(dir.path, 'vendor'), log: silentLogger, only: ['portal', 'srs'] });
    const srs = server.vendors.find((v) => v.vendor === 'srs')!.credentials;
    env = {
      ...portalEnv(server.baseUrl('portal')),
      JUNCTION_SRS_URL: server.baseUrl('srs'),
      JUNCTION_SRS_CLIENT_ID: srs.clientId!,
      JUNCTION_SRS_CLIENT_SECRET: srs.clientSecret!,
      JUNCTION_SRS_CUSTOMER_CODE: srs.customerCode!,
      JUNCTION_SRS_INTEGRATION_KEY: srs.integrationKey!,
    };
  });
  afterAll(async () => {
    record('Bad input', figures);
    await server?.close();
    dir?.cleanup();
  });

  /** A data folder holding a real database with `n` orders (and a log), as a user's would. */
  function userDataDir(name: string, n = 3): { dataDir: string; db: string } {
    const dataDir = join(dir.path, name);
    mkdirSync(dataDir, { recursive: true });
    const db = openDatabase(join(dataDir, 'junction.db'));
    const orders = new OrdersRepo(db);
    for (let i = 0; i < n; i++) {
      const draft = sandboxDraft(String(700_000 + i));
      orders.createOrder(draft, sandboxHeader(draft));
    }
    db.close();
    writeFileSync(join(dataDir, 'notes.txt'), 'the user keeps other things here too');
    return { dataDir, db: join(dataDir, 'junction.db') };
  }
  const cli = (dataDir: string, args: string[], o: { uid?: number } = {}) => runCli({ ...env, JUNCTION_DATA_DIR: dataDir }, args, o);

  it('a file that is not a database: refused with a one-line reason, left byte for byte as it was', async () => {
    const dataDir = join(dir.path, 'garbage');
    mkdirSync(dataDir);
    writeFileSync(join(dataDir, 'junction.db'), Buffer.from('this is not SQLite at all, just the user\'s text '.repeat(200)));
    const before = tree(dataDir);
    const r = await cli(dataDir, ['orders', 'list']);
    expect(r.code).toBe(1);
    expect(lastLine(r)).toMatch(/^junction: The file at .*junction\.db is not a readable Junction database \(file is not a database\)\. It was left untouched; move it aside to start fresh\.$/);
    const withoutLogs = (t: Record<string, string>) => Object.fromEntries(Object.entries(t).filter(([k]) => !k.startsWith('/logs')));
    expect(withoutLogs(tree(dataDir))).toEqual(withoutLogs(before));
    expect(existsSync(join(dataDir, 'junction.db-wal'))).toBe(false);
    figures.notADatabase = 'refused, unchanged';
  });

  it('a damaged database (pages overwritten): refused as damaged, not changed; the same through the app context', async () => {
    const { dataDir, db } = userDataDir('damaged', 40);
    const size = statSync(db).size;
    const fd = openSync(db, 'r+');
    // Overwrite the middle of the file (b-tree pages of the orders), keeping the header valid.
    writeSync(fd, Buffer.alloc(4096 * 3, 0x5a), 0, 4096 * 3, Math.floor(size / 2 / 4096) * 4096);
    closeSync(fd);
    const before = sha(db);
    const r = await cli(dataDir, ['orders', 'list']);
    expect(r.code).toBe(1);
    expect(lastLine(r)).toMatch(/^junction: (The database at .* is damaged \([^\n]+\)\. Restore it from a backup or move it aside to start fresh\.|The file at .* is not a readable Junction database .* It was left untouched; move it aside to start fresh\.)$/);
    expect(sha(db)).toBe(before);
    const opened = await createAppContext({ dataDir, env: {}, vault: openHeadlessVault(dataDir, {}), log: silentLogger, sandbox: 'off' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(opened).toBeInstanceOf(AppError);
    expect((opened as AppError).code).toBe('STORAGE');
    expect(sha(db)).toBe(before);
    figures.damagedDatabase = 'refused, unchanged';
  });

  it('a missing database file: a new one is created, and the other files in the folder are kept', async () => {
    const { dataDir, db } = userDataDir('missing', 1);
    rmSync(db);
    const notes = sha(join(dataDir, 'notes.txt'));
    const r = await cli(dataDir, ['orders', 'list', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).items).toEqual([]);
    expect(new Database(db, { readonly: true }).pragma('integrity_check', { simple: true })).toBe('ok');
    expect(sha(join(dataDir, 'notes.txt'))).toBe(notes);
    // A data folder that does not exist yet is created.
    const fresh = join(dir.path, 'not', 'there', 'yet');
    const r2 = await cli(fresh, ['orders', 'list', '--json']);
    expect(r2.code, r2.stderr).toBe(0);
    expect(existsSync(join(fresh, 'junction.db'))).toBe(true);
    // A data "folder" that is a file: a clear refusal.
    const file = join(dir.path, 'a-file');
    writeFileSync(file, 'x');
    const r3 = await cli(file, ['orders', 'list']);
    expect(r3.code).toBe(1);
    expect(lastLine(r3)).toMatch(/^junction: (Cannot open the database at|A disk error stopped Junction|Junction cannot write to its data folder)/);
    expect(readFileSync(file, 'utf8')).toBe('x');
    figures.missingDatabase = 'recreated, other files kept';
  });

  it('a full disk (injected: SQLite page limit): the sync stops with a clear reason, earlier data is intact, it completes once there is room', async () => {
    const { dataDir, db } = userDataDir('full-injected', 5);
    const before = new Database(db, { readonly: true });
    const ordersBefore = before.prepare('SELECT * FROM orders ORDER BY id').all();
    before.close();
    const ctx = await createAppContext({ dataDir, env: portalEnv(server.baseUrl('portal')), vault: openHeadlessVault(dataDir, {}), log: silentLogger, sandbox: 'off' });
    try {
      const pages = ctx.db.pragma('page_count', { simple: true }) as number;
      // The disk "fills up" 100 pages (400 KB) from now: the first catalog pages fit, the rest do not.
      ctx.db.pragma(`max_page_count = ${pages + 100}`);
      const catalog = new CatalogService(ctx, () => portalClient(ctx));
      const failed = await catalog.startSync({ full: true }).done.then(
        () => null,
        (e: unknown) => e,
      );
      expect(failed).toBeInstanceOf(AppError);
      expect((failed as AppError).code).toBe('STORAGE');
      expect((failed as AppError).message).toMatch(/^The disk holding Junction's data is full\. The last change was not saved; everything saved before it is intact\. Free some space and try again\.$/);
      expect(ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(ctx.db.prepare('SELECT * FROM orders ORDER BY id').all()).toEqual(ordersBefore);
      const partial = catalog.status();
      ctx.db.pragma('max_page_count = 1073741823');
      const done = await catalog.startSync().done;
      expect(catalog.status()).toMatchObject({ interrupted: false, itemCount: done.catalogSize });
      expect(done.catalogSize).toBeGreaterThan(partial.itemCount);
      figures.fullDiskInjected = `sync stopped at ${partial.itemCount} items, resumed to ${done.catalogSize}`;
    } finally {
      await ctx.close();
    }
  });

  it('a full disk (a real 2 MB tmpfs, when this machine lets the test mount one): clear reason from the CLI, nothing lost', async () => {
    const mountPoint = join(dir.path, 'tmpfs');
    mkdirSync(mountPoint);
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mountPoint], { stdio: 'ignore' });
    } catch {
      figures.fullDiskTmpfs = 'not available (no mount rights); covered by the injected case';
      return;
    }
    try {
      const { dataDir: source, db: sourceDb } = userDataDir('full-source', 5);
      const dataDir = join(mountPoint, 'data');
      mkdirSync(dataDir);
      copyFileSync(sourceDb, join(dataDir, 'junction.db'));
      copyFileSync(join(source, 'notes.txt'), join(dataDir, 'notes.txt'));
      // Leave ~150 KB free: room to open the database, not to sync a catalog.
      const free = () => Number(execFileSync('df', ['-B1', '--output=avail', mountPoint], { encoding: 'utf8' }).trim().split('\n').at(-1));
      writeFileSync(join(mountPoint, 'filler'), Buffer.alloc(Math.max(0, free() - 150 * 1024)));
      const r = await cli(dataDir, ['catalog', 'sync']);
      expect(r.code).toBe(1);
      expect(lastLine(r)).toBe(`junction: The disk holding Junction's data is full. The last change was not saved; everything saved before it is intact. Free some space and try again.`);
      const db = new Database(join(dataDir, 'junction.db'), { readonly: true });
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect((db.prepare('SELECT count(*) AS n FROM orders').get() as { n: number }).n).toBe(5);
      } finally {
        db.close();
      }
      rmSync(join(mountPoint, 'filler'));
      const again = await cli(dataDir, ['orders', 'list', '--json']);
      expect(again.code, again.stderr).toBe(0);
      expect(JSON.parse(again.stdout).items).toHaveLength(5);
      figures.fullDiskTmpfs = 'clear reason, 5 of 5 orders intact';
    } finally {
      execFileSync('umount', [mountPoint]);
    }
  });

  it('a read-only data folder: a clear reason, nothing changed', async () => {
    const { dataDir: source } = userDataDir('read-only-source', 3);
    const expectRefusals = async (dataDir: string, o: { uid?: number } = {}) => {
      for (const args of [['orders', 'list'], ['catalog', 'sync']]) {
        const r = await cli(dataDir, args, o);
        expect(r.code, r.stderr).toBe(1);
        expect(lastLine(r)).toBe(
          `junction: Junction cannot write to its data folder (${dataDir}): it is read-only or not writable for this user. Nothing was changed. Make the folder writable, or set JUNCTION_DATA_DIR to a writable folder.`,
        );
      }
    };
    // A read-only file system where this machine allows mounting one (root ignores file modes)...
    const mountPoint = join(dir.path, 'ro-mount');
    mkdirSync(mountPoint);
    let mounted = false;
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', mountPoint], { stdio: 'ignore' });
      mounted = true;
    } catch {
      // ...otherwise the folder's modes, which count for anyone but root.
    }
    if (mounted) {
      try {
        const dataDir = join(mountPoint, 'data');
        cpSync(source, dataDir, { recursive: true });
        execFileSync('mount', ['-o', 'remount,ro', mountPoint]);
        const before = tree(dataDir);
        await expectRefusals(dataDir);
        expect(tree(dataDir)).toEqual(before);
        figures.readOnlyFolder = 'read-only mount: clear reason, unchanged';
      } finally {
        execFileSync('umount', [mountPoint]);
      }
      return;
    }
    const before = tree(source);
    const setModes = (mode: number) => {
      for (const p of [source, ...Object.keys(before).map((k) => join(source, k)), join(source, 'logs')]) if (existsSync(p)) chmodSync(p, statSync(p).isDirectory() ? mode | 0o111 : mode);
    };
    setModes(0o444);
    try {
      await expectRefusals(source, IS_ROOT ? { uid: NOBODY } : {});
    } finally {
      setModes(0o644);
    }
    expect(tree(source)).toEqual(before);
    figures.readOnlyFolder = 'read-only modes: clear reason, unchanged';
  });

  it('a second instance at the same time: several processes reconcile one outbox, every order is placed once', async () => {
    const n = count(12, 60);
    const { dataDir, db } = userDataDir('two-instances', n);
    const instances = count(3, 4);
    const runs = await Promise.all(Array.from({ length: instances }, () => cli(dataDir, ['orders', 'sync', '--json'])));
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    const sent = runs.flatMap((r) => (JSON.parse(r.stdout) as { sent: { orderId: number; result: string }[] }).sent);
    const conn = new Database(db, { readonly: true });
    const orders = conn.prepare('SELECT id, status, transaction_id AS tx, supplier_order_id AS srs FROM orders').all() as { id: number; status: string; tx: string; srs: string }[];
    conn.close();
    const atSrs = server.get<SrsSandbox>('srs').orders().filter((o) => orders.some((x) => x.tx === o.transactionID));
    expect(orders.every((o) => o.status === 'submitted')).toBe(true);
    expect(atSrs).toHaveLength(n);
    expect(new Set(atSrs.map((o) => o.transactionID)).size).toBe(n);
    // Each order was sent by exactly one of the processes.
    expect(sent.filter((s) => s.result === 'submitted').length).toBe(n);
    figures.secondInstance = `${instances} processes, ${n} orders, ${atSrs.length} placed, 0 duplicated`;
  });
});
