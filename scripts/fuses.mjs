#!/usr/bin/env node
// Packaging step: flips Junction's fuses (scripts/fuses.config.mjs) in a packaged Electron
// binary, reads them back and exits non-zero unless every fuse has its configured value.
// Usage: node scripts/fuses.mjs <path to the packaged app's Electron binary or .app>
// The development binary under node_modules is refused: flipping it would break `npm start`.
import { resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FuseState, FuseV1Options, flipFuses, getCurrentFuseWire } from '@electron/fuses';
import { JUNCTION_FUSES } from './fuses.config.mjs';

export async function applyFuses(binary) {
  const target = resolve(binary);
  if (target.split(sep).includes('node_modules')) {
    throw new Error(`Refusing to flip fuses in ${target}: that is the development Electron under node_modules; pass the packaged app's binary.`);
  }
  await flipFuses(target, JUNCTION_FUSES);
  const wire = await getCurrentFuseWire(target);
  const report = [];
  for (const [key, wanted] of Object.entries(JUNCTION_FUSES)) {
    const index = Number(key);
    if (!Number.isInteger(index)) continue;
    const actual = wire[index];
    const expected = wanted ? FuseState.ENABLE : FuseState.DISABLE;
    report.push({ fuse: FuseV1Options[index], wanted, ok: actual === expected });
  }
  const bad = report.filter((r) => !r.ok);
  if (bad.length) throw new Error(`Fuses not set in ${target}: ${bad.map((r) => r.fuse).join(', ')}`);
  return report;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const binary = process.argv[2];
  if (!binary) {
    console.error('usage: node scripts/fuses.mjs <packaged Electron binary>');
    process.exit(2);
  }
  applyFuses(binary).then(
    (report) => {
      for (const r of report) console.log(`${r.fuse}: ${r.wanted ? 'on' : 'off'}`);
      console.log(`fuses: ${report.length} set and verified in ${resolve(binary)}`);
    },
    (e) => {
      console.error(`fuses: ${e.message}`);
      process.exit(1);
    },
  );
}
