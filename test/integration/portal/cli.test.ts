import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src-main/log/logger';
import { startSandboxServer, type SandboxServer } from '../../../src-main/sandbox/server';
import { PORTAL_DEMO_CREDENTIALS } from '../../../src-main/sandbox/portal/index';
import { portalEnv } from './harness';

const ROOT = resolve(import.meta.dirname, '../../..');
const CLI = join(ROOT, 'out/main/cli.js');

let dir: string;
let server: SandboxServer;

function cli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((res) => {
    execFile(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH, ...env } }, (err, stdout, stderr) => {
      res({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

function filesUnder(d: string): string[] {
  return readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? filesUnder(join(d, n)) : [join(d, n)]));
}

beforeAll(async () => {
  if (!existsSync(CLI)) execFileSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'ignore' });
  dir = mkdtempSync(join(tmpdir(), 'junction-portal-cli-'));
  server = await startSandboxServer({ dataDir: join(dir, 'vendor'), log: silentLogger, only: ['portal'] });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('junction proposals / portal (real CLI process)', () => {
  it('lists proposals by status and shows one with acceptedItems as JSON', async () => {
    const env = { ...portalEnv(server.baseUrl('portal')), JUNCTION_DATA_DIR: join(dir, 'a') };
    const list = await cli(['proposals', 'list', '--status', 'accepted', '--json'], env);
    expect(list.code).toBe(0);
    const parsed = JSON.parse(list.stdout) as { items: { id: number; status: string }[]; total: number };
    expect(parsed.total).toBeGreaterThan(0);
    expect(parsed.items.every((p) => p.status === 'Accepted')).toBe(true);

    const show = await cli(['proposals', 'show', '1001', '--json'], env);
    expect(show.code).toBe(0);
    const detail = JSON.parse(show.stdout) as { acceptedItems: Record<string, unknown>[] };
    expect(detail.acceptedItems.length).toBeGreaterThan(5);
    for (const line of detail.acceptedItems) {
      expect(Object.keys(line)).toEqual(expect.arrayContaining(['id', 'itemType', 'brand', 'model', 'supplier', 'quantity', 'costCents', 'sellPriceCents', 'referencedItemId', 'parentId', 'area']));
      expect(['Part', 'CustomItem']).toContain(line.itemType);
    }
    expect(detail.acceptedItems).toContainEqual(expect.objectContaining({ supplier: 'SRS Distribution', quantity: 95, area: expect.objectContaining({ name: 'Main Roof' }) }));

    const human = await cli(['proposals', 'show', '1001'], env);
    expect(human.stdout).toMatch(/^#2401 .* — Accepted — \$/);
    expect(human.stdout).toMatch(/\[Declined\]/);
  });

  it('with Portal unreachable, lists and shows proposals from the cache and says so', async () => {
    const online = { ...portalEnv(server.baseUrl('portal')), JUNCTION_DATA_DIR: join(dir, 'offline') };
    expect((await cli(['proposals', 'list'], online)).code).toBe(0);
    // Same data, but Portal's address now answers nothing (port 9 on loopback: connection refused).
    const offline = { ...online, JUNCTION_PORTAL_URL: 'http://127.0.0.1:9/portal' };
    const list = await cli(['proposals', 'list', '--status', 'Accepted', '--json'], offline);
    expect(list.code).toBe(0);
    expect(list.stderr).toMatch(/Portal\.io is not reachable .*; showing proposals cached at \d{4}-/);
    expect(JSON.parse(list.stdout).items.length).toBeGreaterThan(0);
    const show = await cli(['proposals', 'show', '1001', '--json'], offline);
    expect(show.code).toBe(0);
    expect(JSON.parse(show.stdout)).toMatchObject({ offline: true, proposal: { id: 1001 } });
    const never = await cli(['proposals', 'list'], { ...offline, JUNCTION_DATA_DIR: join(dir, 'never-synced') });
    expect(never.code).toBe(1);
    expect(never.stderr).toMatch(/junction: Cannot reach Portal\.io/);
  });

  it('refuses bad input with a one-line reason and a non-zero exit code', async () => {
    const env = { ...portalEnv(server.baseUrl('portal')), JUNCTION_DATA_DIR: join(dir, 'b') };
    const bad = await cli(['proposals', 'list', '--status', 'Maybe'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n').at(-1)).toMatch(/^junction: unknown status "Maybe"; use one of Undefined, Draft/);
    const missing = await cli(['proposals', 'show', '999999'], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/junction: Portal\.io has no such proposal 999999/);
    const wrongKey = await cli(['proposals', 'list'], { ...env, JUNCTION_PORTAL_SECRET: 'wrong-secret' });
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.stderr).toMatch(/junction: Portal\.io refused the credentials on GET \/proposals/);
  });

  it('portal login exchanges the password for a user key kept in the vault, then works without it', async () => {
    const dataDir = join(dir, 'c');
    const base = { JUNCTION_DATA_DIR: dataDir, JUNCTION_PORTAL_URL: server.baseUrl('portal'), JUNCTION_VAULT_PASSPHRASE: 'cli vault passphrase' };
    const login = await cli(['portal', 'login'], {
      ...base,
      JUNCTION_PORTAL_APP_ID: PORTAL_DEMO_CREDENTIALS.appId,
      JUNCTION_PORTAL_SECRET: PORTAL_DEMO_CREDENTIALS.secretKey,
      JUNCTION_PORTAL_USERNAME: PORTAL_DEMO_CREDENTIALS.username,
      JUNCTION_PORTAL_PASSWORD: PORTAL_DEMO_CREDENTIALS.password,
    });
    expect(login.stderr).not.toContain(PORTAL_DEMO_CREDENTIALS.password);
    expect(login.code).toBe(0);
    expect(login.stdout).toMatch(/Signed in to Portal\.io/);
    // Next run: no Portal keys in the environment, the vault supplies them.
    const list = await cli(['proposals', 'list', '--json'], base);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout).total).toBe(30);
    for (const f of filesUnder(dataDir)) expect(readFileSync(f).includes(Buffer.from(PORTAL_DEMO_CREDENTIALS.password)), f).toBe(false);

    const refused = await cli(['portal', 'login'], { ...base, JUNCTION_PORTAL_USERNAME: PORTAL_DEMO_CREDENTIALS.username, JUNCTION_PORTAL_PASSWORD: 'Not-It-123' });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/refused the username or password/);
    expect(refused.stderr).not.toContain('Not-It-123');
  });
});
