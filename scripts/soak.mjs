#!/usr/bin/env node
// `npm run soak`: every hardening test at its full count (JUNCTION_SOAK=1), against a frozen
// copy of the build (a rebuild during the hours of a soak must not change the app under test),
// then a summary of the figures from test-results/hardening/soak/. Extra arguments filter the
// test files, e.g. `npm run soak -- crash-catalog`.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const FROZEN = join(ROOT, 'test-results', 'soak-build');
const FIGURES = join(ROOT, 'test-results', 'hardening', 'soak');

if (!existsSync(join(ROOT, 'out', 'main', 'cli.js'))) {
  console.error('soak: out/main/cli.js is missing; run `npm run build` first.');
  process.exit(2);
}
rmSync(FROZEN, { recursive: true, force: true });
cpSync(join(ROOT, 'out'), join(FROZEN, 'out'), { recursive: true });

const filters = process.argv.slice(2);
const files = filters.length ? filters : ['test/integration/hardening', 'test/e2e/hardening-renderer-secrets.test.ts'];
const started = Date.now();
const run = spawnSync('npx', ['vitest', 'run', ...files], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, JUNCTION_SOAK: '1', JUNCTION_HARDENING_CLI: join(FROZEN, 'out', 'main', 'cli.js') },
});

console.log(`\nsoak finished in ${Math.round((Date.now() - started) / 60_000)} min with exit ${run.status}; figures:`);
for (const file of existsSync(FIGURES) ? readdirSync(FIGURES).filter((f) => f.endsWith('.json')).sort() : []) {
  const { test, at, figures } = JSON.parse(readFileSync(join(FIGURES, file), 'utf8'));
  console.log(`- ${test} (${at}): ${Object.entries(figures).map(([k, v]) => `${k}=${v}`).join(', ')}`);
}
process.exit(run.status ?? 1);
