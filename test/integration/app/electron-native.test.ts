import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { electronNativeBindingPath } from '../../../src-main/app/native-binding';
import { tempDir } from '../../helpers/temp-dir';

const SCRIPT = resolve(import.meta.dirname, '../../../scripts/electron-native.mjs');

/**
 * Runs scripts/electron-native.mjs in a throw-away project whose node-gyp is a recorder
 * (Electron's headers cannot be downloaded here): what matters is what the script asks
 * node-gyp to build, where, and that the Node build in node_modules stays untouched.
 */
describe('scripts/electron-native.mjs', () => {
  const dir = tempDir('junction-native-');
  const root = dir.path;
  const sqlite = join(root, 'node_modules', 'better-sqlite3');
  const calls = join(root, 'node-gyp-calls.jsonl');
  const fakeGyp = join(root, 'fake-node-gyp.cjs');
  const run = () =>
    spawnSync(process.execPath, [join(root, 'scripts', 'electron-native.mjs')], {
      cwd: root,
      env: { PATH: process.env.PATH, npm_config_node_gyp: fakeGyp },
      encoding: 'utf8',
    });

  beforeAll(() => {
    mkdirSync(join(root, 'scripts'));
    copyFileSync(SCRIPT, join(root, 'scripts', 'electron-native.mjs'));
    writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'fixture', type: 'module' }));
    mkdirSync(join(root, 'node_modules', 'electron'), { recursive: true });
    writeFileSync(join(root, 'node_modules', 'electron', 'package.json'), JSON.stringify({ name: 'electron', version: '45.5.0' }));
    mkdirSync(join(sqlite, 'src'), { recursive: true });
    mkdirSync(join(sqlite, 'build', 'Release'), { recursive: true });
    writeFileSync(join(sqlite, 'package.json'), JSON.stringify({ name: 'better-sqlite3', version: '12.6.2' }));
    writeFileSync(join(sqlite, 'binding.gyp'), '{}');
    writeFileSync(join(sqlite, 'src', 'better_sqlite3.cpp'), '// sources');
    writeFileSync(join(sqlite, 'build', 'Release', 'better_sqlite3.node'), 'NODE BUILD');
    writeFileSync(
      fakeGyp,
      `const fs = require('node:fs'); const path = require('node:path');
       fs.appendFileSync(${JSON.stringify(calls)}, JSON.stringify({ argv: process.argv.slice(2), cwd: process.cwd(), runtime: process.env.npm_config_runtime, sawOldBuild: fs.existsSync('build') }) + '\\n');
       fs.mkdirSync(path.join('build', 'Release'), { recursive: true });
       fs.writeFileSync(path.join('build', 'Release', 'better_sqlite3.node'), 'ELECTRON BUILD');`,
    );
  });
  afterAll(() => dir.cleanup());

  it('builds a copy of better-sqlite3 against the installed Electron, into .electron-native', () => {
    const result = run();
    expect(result.status, result.stderr).toBe(0);
    const [call, ...more] = readFileSync(calls, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(more).toEqual([]);
    expect(call.argv).toEqual(['rebuild', '--release', '--target=45.5.0', `--arch=${process.arch}`, '--dist-url=https://electronjs.org/headers']);
    expect(call.cwd).toBe(join(root, '.electron-native', 'better-sqlite3'));
    expect(call.runtime).toBe('electron');
    expect(call.sawOldBuild).toBe(false);
    expect(readFileSync(electronNativeBindingPath(root), 'utf8')).toBe('ELECTRON BUILD');
    expect(readFileSync(join(sqlite, 'build', 'Release', 'better_sqlite3.node'), 'utf8')).toBe('NODE BUILD');
    expect(existsSync(join(root, '.electron-native', 'better-sqlite3', 'src', 'better_sqlite3.cpp'))).toBe(true);
  });

  it('does nothing the second time, and rebuilds when Electron changes', () => {
    expect(run().status).toBe(0);
    expect(readFileSync(calls, 'utf8').trim().split('\n')).toHaveLength(1);
    writeFileSync(join(root, 'node_modules', 'electron', 'package.json'), JSON.stringify({ name: 'electron', version: '46.0.0' }));
    expect(run().status).toBe(0);
    const last = JSON.parse(readFileSync(calls, 'utf8').trim().split('\n').at(-1)!);
    expect(last.argv).toContain('--target=46.0.0');
  });

  it('fails with a reason when the build fails', () => {
    writeFileSync(join(root, 'node_modules', 'electron', 'package.json'), JSON.stringify({ name: 'electron', version: '47.0.0' }));
    writeFileSync(fakeGyp, 'process.exit(3)');
    const result = run();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('the build failed (exit 3)');
  });
});
