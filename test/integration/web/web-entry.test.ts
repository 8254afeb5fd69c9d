import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, RENDERER_DIR } from '../../e2e/harness';
import { apiCall } from '../../helpers/api-call';

const ROOT = resolve(import.meta.dirname, '../../..');
const WEB_JS = join(ROOT, 'out/main/web.js');

let dir: string;
let child: ChildProcess;
let url: URL;
let stderr = '';

beforeAll(async () => {
  ensureBuilt([WEB_JS, join(RENDERER_DIR, 'index.html')]);
  dir = mkdtempSync(join(tmpdir(), 'junction-webjs-'));
  child = spawn(process.execPath, [WEB_JS, '--port', '0'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: dir, JUNCTION_DATA_DIR: dir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const line = await new Promise<string>((res, rej) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /running at (\S+)/.exec(out);
      if (m) res(m[1]!);
    });
    child.on('exit', (code) => rej(new Error(`web.js exited with ${code}: ${stderr}`)));
  });
  url = new URL(line);
});
afterAll(() => {
  if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run web (out/main/web.js as a child process)', () => {
  it('prints a 127.0.0.1 URL with a fresh token and serves the built renderer', async () => {
    expect(url.hostname).toBe('127.0.0.1');
    const token = new URLSearchParams(url.hash.slice(1)).get('token');
    expect(token).toMatch(/^[\w-]{32,}$/);
    const page = await fetch(new URL('/', url));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root"></div>');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('answers the contract only with its token', async () => {
    expect((await apiCall(url.origin, null, 'app:info')).status).toBe(401);
    expect((await apiCall(url.origin, 'guess', 'app:info')).status).toBe(401);
    const { status, reply } = await apiCall(url.origin, new URLSearchParams(url.hash.slice(1)).get('token'), 'app:info', {}, { Origin: url.origin });
    expect(status).toBe(200);
    expect(reply).toMatchObject({ ok: true, value: { dataDir: dir } });
  });

  it('keeps the token out of its log and stops cleanly on SIGTERM', async () => {
    const token = new URLSearchParams(url.hash.slice(1)).get('token')!;
    const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).not.toContain(token);
    expect(readFileSync(join(dir, 'logs', 'junction.log'), 'utf8')).not.toContain(token);
  });

  it('refuses a bad --port with a one-line reason and a non-zero exit', () => {
    const run = spawnSync(process.execPath, [WEB_JS, '--port', 'eighty'], { env: { PATH: process.env.PATH, JUNCTION_DATA_DIR: dir }, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe('junction web: --port must be a number from 0 to 65535, got "eighty".');
  });
});
