import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp-dir';

const SCRIPT = resolve(import.meta.dirname, '../../../scripts/electron-fuses.mjs');
const SENTINEL = Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX');
const ON = 49;
const OFF = 48;

/**
 * Electron's binary cannot be installed here, so the script runs on a file laid out like
 * one: bytes, the fuse sentinel, version 1, and a 9-fuse wire with Electron's defaults.
 */
function fakeElectron(file: string): { before: Buffer; after: Buffer } {
  const before = randomBytes(4096);
  const after = randomBytes(4096);
  const defaults = [ON, OFF, ON, ON, OFF, OFF, OFF, ON, ON];
  writeFileSync(file, Buffer.concat([before, SENTINEL, Buffer.from([1, defaults.length, ...defaults]), after]));
  return { before, after };
}

const run = (binary: string) => spawnSync(process.execPath, [SCRIPT, binary], { encoding: 'utf8' });

describe('scripts/electron-fuses.mjs', () => {
  const dir = tempDir('junction-fuses-');
  afterAll(() => dir.cleanup());

  it('turns off running as Node, NODE_OPTIONS and --inspect, and turns on cookie encryption', async () => {
    const binary = join(dir.path, 'electron');
    const { before, after } = fakeElectron(binary);
    const result = run(binary);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain('fuses set');
    const wire = await getCurrentFuseWire(binary);
    expect(wire[FuseV1Options.RunAsNode]).toBe(OFF);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(ON);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(OFF);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(OFF);
    // Still loadable from the project folder and from file://, as `npm start` needs.
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(OFF);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(ON);
    // A fuse it does not manage keeps Electron's default; nothing else in the file moves.
    expect(wire[FuseV1Options.WasmTrapHandlers]).toBe(ON);
    const bytes = readFileSync(binary);
    expect(bytes.subarray(0, 4096).equals(before)).toBe(true);
    expect(bytes.subarray(bytes.length - 4096).equals(after)).toBe(true);
  });

  it('leaves a binary whose fuses are already set untouched', () => {
    const binary = join(dir.path, 'electron');
    const once = readFileSync(binary);
    const result = run(binary);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('already set');
    expect(readFileSync(binary).equals(once)).toBe(true);
  });

  it('fails with a reason on a file that is not an Electron binary', () => {
    const other = join(dir.path, 'not-electron');
    writeFileSync(other, randomBytes(1024));
    const result = run(other);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/could not set fuses on .*not-electron: Could not find sentinel/);
  });
});
