import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSP_META } from '../../../src-main/app/csp';
import { JUNCTION_FUSES, REQUIRED_FUSES } from '../../../scripts/fuses.config.mjs';
import { tempDir } from '../../helpers/temp-dir';
import { ROOT } from './lib/soak';

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSE_COUNT = 9;

/**
 * A stand-in for a packaged Electron binary: random bytes around the fuse wire exactly as
 * Electron lays it out (sentinel, version 1, length, one byte per fuse), every fuse at
 * Electron's default. The real binary is not installed here, and the dev binary must not be flipped.
 */
function standInBinary(file: string): void {
  const defaults = [1, 1, 1, 1, 0, 0, 0, 1, 1].map((on) => (on ? FuseState.ENABLE : FuseState.DISABLE));
  const wire = Buffer.from([1 /* wire version */, FUSE_COUNT, ...defaults]);
  writeFileSync(file, Buffer.concat([Buffer.alloc(64 * 1024, 0xcc), Buffer.from(SENTINEL), wire, Buffer.alloc(4096, 0xdd)]));
}

describe('fuses: one config, applied by the packaging step', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeAll(() => {
    dir = tempDir('junction-fuses-');
  });
  afterAll(() => dir.cleanup());

  it('the config turns RunAsNode off, cookie encryption on, ASAR integrity on, app only from ASAR, and names every fuse', () => {
    expect(JUNCTION_FUSES[FuseV1Options.RunAsNode]).toBe(false);
    expect(JUNCTION_FUSES[FuseV1Options.EnableCookieEncryption]).toBe(true);
    expect(JUNCTION_FUSES[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(JUNCTION_FUSES[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(JUNCTION_FUSES[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(JUNCTION_FUSES[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    // Every fuse Electron has is decided explicitly; a new one fails packaging until decided.
    expect(JUNCTION_FUSES.strictlyRequireAllFuses).toBe(true);
    for (let i = 0; i < FUSE_COUNT; i++) expect(typeof JUNCTION_FUSES[i as FuseV1Options], FuseV1Options[i]).toBe('boolean');
    for (const [name, wanted] of Object.entries(REQUIRED_FUSES)) expect(JUNCTION_FUSES[FuseV1Options[name as keyof typeof FuseV1Options]], name).toBe(wanted);
  });

  it('scripts/fuses.mjs flips a packaged binary to the config and verifies it by reading the wire back', async () => {
    const binary = join(dir.path, 'junction');
    standInBinary(binary);
    const before = await getCurrentFuseWire(binary);
    expect(before[FuseV1Options.RunAsNode]).toBe(FuseState.ENABLE);
    expect(before[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.DISABLE);

    const run = spawnSync(process.execPath, [join(ROOT, 'scripts/fuses.mjs'), binary], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`fuses: ${FUSE_COUNT} set and verified`);

    const after = await getCurrentFuseWire(binary);
    for (let i = 0; i < FUSE_COUNT; i++) {
      expect(after[i as FuseV1Options], FuseV1Options[i]).toBe(JUNCTION_FUSES[i as FuseV1Options] ? FuseState.ENABLE : FuseState.DISABLE);
    }
  });

  it('refuses the development binary under node_modules, and a file without a fuse wire', () => {
    const devLike = join(dir.path, 'node_modules', 'electron', 'dist', 'electron');
    mkdirSync(join(devLike, '..'), { recursive: true });
    standInBinary(devLike);
    const refused = spawnSync(process.execPath, [join(ROOT, 'scripts/fuses.mjs'), devLike], { encoding: 'utf8' });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('development Electron under node_modules');
    expect(readFileSync(devLike).includes(Buffer.from([1, FUSE_COUNT, 0x31]))).toBe(true); // untouched

    const notElectron = join(dir.path, 'not-electron');
    writeFileSync(notElectron, 'plain text');
    const bad = spawnSync(process.execPath, [join(ROOT, 'scripts/fuses.mjs'), notElectron], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/fuses: Could not find sentinel/);
  });
});

describe('content security policy of the built renderer', () => {
  it('out/renderer/index.html carries the policy, with no unsafe-eval and no inline script', () => {
    const built = join(ROOT, 'out/renderer/index.html');
    if (!existsSync(built)) spawnSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'ignore' });
    const html = readFileSync(built, 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(CSP_META);
    expect(meta).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval/);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });
});

describe('Electronegativity gate', () => {
  it('fails on a weakened window (contextIsolation off, Auxclick on, a preload added) and names the checks', () => {
    const dir = tempDir('junction-en-');
    try {
      for (const d of ['src-main', 'src-renderer', 'src-shared']) cpSync(join(ROOT, d), join(dir.path, d), { recursive: true });
      const window = join(dir.path, 'src-main/app/window.ts');
      const weakened = readFileSync(window, 'utf8')
        .replace('contextIsolation: true', 'contextIsolation: false')
        .replace("disableBlinkFeatures: 'Auxclick',", '')
        .replace('partition: APP_PARTITION,', "partition: APP_PARTITION,\n      preload: '/tmp/preload.cjs',");
      expect(weakened).toContain('contextIsolation: false');
      writeFileSync(window, weakened);
      const run = spawnSync(process.execPath, [join(ROOT, 'scripts/electronegativity.mjs'), '--root', dir.path], { encoding: 'utf8', timeout: 300_000 });
      expect(run.stdout).toMatch(/HIGH\s+CONTEXT_ISOLATION_JS_CHECK src-main\/app\/window\.ts/);
      expect(run.stdout).toMatch(/MEDIUM\s+AUXCLICK_JS_CHECK src-main\/app\/window\.ts/);
      expect(run.stdout).toMatch(/MEDIUM\s+PRELOAD_JS_CHECK src-main\/app\/window\.ts/);
      expect(run.stdout).toMatch(/failing \(high\/medium\) 3$/m);
      expect(run.status).toBe(1);
    } finally {
      dir.cleanup();
    }
  }, 300_000);
});
