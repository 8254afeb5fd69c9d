import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Every hardening test runs in CI with a reduced count and with the full count under
 * `npm run soak` (JUNCTION_SOAK=1). Figures go to stdout and to
 * test-results/hardening/<mode>/<test>.json, from which docs/reliability.md is updated.
 */
export const SOAK = process.env.JUNCTION_SOAK === '1';
export const MODE = SOAK ? 'soak' : 'ci';
export const ROOT = resolve(import.meta.dirname, '../../../..');
/** One JSON file per test (test files run in parallel workers). */
export const FIGURES_DIR = join(ROOT, 'test-results', 'hardening', MODE);

/** The CI count, or the soak count under JUNCTION_SOAK=1. */
export function count(ci: number, soak: number): number {
  return SOAK ? soak : ci;
}

/** The seed of every random choice in a run (JUNCTION_SOAK_SEED to replay one). */
export const SEED = Number(process.env.JUNCTION_SOAK_SEED ?? 20261130);

/** A small seeded PRNG (mulberry32): the same seed gives the same kills, faults and delays. */
export function rng(seed = SEED): { next(): number; int(min: number, max: number): number; pick<T>(xs: readonly T[]): T } {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (xs) => xs[Math.floor(next() * xs.length)]!,
  };
}

export type Figures = Record<string, number | string | boolean>;

/** Prints one test's figures and keeps them (merged by test name) for the reliability doc. */
export function record(test: string, figures: Figures): void {
  const line = Object.entries(figures)
    .map(([k, v]) => `${k}=${typeof v === 'number' ? v.toLocaleString('en-US') : String(v)}`)
    .join(', ');
  process.stdout.write(`[figures ${MODE}] ${test}: ${line}\n`);
  mkdirSync(FIGURES_DIR, { recursive: true });
  const slug = test.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  writeFileSync(join(FIGURES_DIR, `${slug}.json`), JSON.stringify({ test, mode: MODE, seed: SEED, at: new Date().toISOString(), figures }, null, 2) + '\n');
}
