#!/usr/bin/env node
/**
 * Builds better-sqlite3 for the installed Electron into .electron-native/ (run by `npm start`).
 *
 * node_modules keeps its build for plain Node, so `npm test` and the CLI still work after
 * `npm start`; the desktop app passes the Electron build to better-sqlite3 as `nativeBinding`
 * (see src-main/app/native-binding.ts). Rebuilds only when Electron or better-sqlite3 change.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const require = createRequire(join(root, 'package.json'));

const electronVersion = require('electron/package.json').version;
const sqliteDir = dirname(require.resolve('better-sqlite3/package.json'));
const sqliteVersion = JSON.parse(readFileSync(join(sqliteDir, 'package.json'), 'utf8')).version;

const outDir = join(root, '.electron-native');
const target = join(outDir, 'better-sqlite3');
const binding = join(target, 'build', 'Release', 'better_sqlite3.node');
const stampFile = join(outDir, 'stamp.json');
const stamp = { electron: electronVersion, betterSqlite3: sqliteVersion, platform: process.platform, arch: process.arch };

function readStamp() {
  try {
    return JSON.parse(readFileSync(stampFile, 'utf8'));
  } catch {
    return null;
  }
}

/** npm's own node-gyp: npm passes its path to scripts; otherwise look next to the npm that runs us. */
function findNodeGyp() {
  const candidates = [process.env.npm_config_node_gyp];
  const npmRoot = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['root', '-g'], { encoding: 'utf8' }).stdout?.trim();
  if (npmRoot) candidates.push(join(npmRoot, 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  candidates.push(join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  return candidates.find((c) => c && existsSync(c));
}

const previous = readStamp();
if (existsSync(binding) && previous && JSON.stringify(previous) === JSON.stringify(stamp)) {
  console.error(`electron-native: better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} is up to date.`);
  process.exit(0);
}

const nodeGyp = findNodeGyp();
if (!nodeGyp) {
  console.error("electron-native: cannot find npm's bundled node-gyp; install npm >= 10 or set npm_config_node_gyp.");
  process.exit(1);
}

console.error(`electron-native: building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${process.platform}-${process.arch})…`);
rmSync(target, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
// Copy the sources only: the Node build in node_modules/better-sqlite3/build stays untouched.
cpSync(sqliteDir, target, {
  recursive: true,
  filter: (src) => {
    const rel = relative(sqliteDir, src);
    return rel !== 'build' && !rel.startsWith(`build${sep}`);
  },
});

const result = spawnSync(
  process.execPath,
  [nodeGyp, 'rebuild', '--release', `--target=${electronVersion}`, `--arch=${process.arch}`, '--dist-url=https://electronjs.org/headers'],
  { cwd: target, stdio: 'inherit', env: { ...process.env, npm_config_runtime: 'electron' } },
);
if (result.status !== 0 || !existsSync(binding)) {
  console.error(`electron-native: the build failed (exit ${result.status ?? result.signal}); the desktop app cannot open its database until it succeeds.`);
  process.exit(1);
}
writeFileSync(stampFile, JSON.stringify(stamp, null, 2) + '\n');
console.error(`electron-native: built ${relative(root, binding)}`);
