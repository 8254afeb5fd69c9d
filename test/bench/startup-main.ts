import { databasePath } from '../../src-main/store/database';
import type { StartupReply } from './children/startup';
import { runChild } from './lib/child';
import type { Benchmark } from './lib/figure';
import { sizes } from './lib/sizes';
import { median, round } from './lib/stats';
import { tempDir } from './lib/temp';

/**
 * startup_main: a fresh Node process per run, from spawn until the main services are ready
 * (database opened and migrated, vault, settings, every handler and the dispatcher; the
 * embedded sandbox as the app starts it with no credentials), on a fresh data dir and on
 * an existing one. Baseline: a process that only opens the same SQLite file and runs SELECT 1.
 */
export const startupMain: Benchmark = {
  name: 'startup_main',
  async run(o) {
    const s = sizes(o);
    const fresh: number[] = [];
    const existing: number[] = [];
    const baseline: number[] = [];
    const freshOff: number[] = [];
    const initMs: number[] = [];
    const parts: { importMs: number[]; contextMs: number[]; handlersMs: number[]; cpuMs: number[]; baseCpuMs: number[] } = { importMs: [], contextMs: [], handlersMs: [], cpuMs: [], baseCpuMs: [] };
    const existingDir = tempDir('startup');
    // Creates and migrates the "existing" database once; not timed.
    await runChild<StartupReply>('startup', { dataDir: existingDir, sandbox: 'auto' });
    for (let i = 0; i < s.startupRuns; i++) {
      const f = await runChild<StartupReply>('startup', { dataDir: tempDir('startup'), sandbox: 'auto' });
      fresh.push(f.atMs);
      const e = await runChild<StartupReply>('startup', { dataDir: existingDir, sandbox: 'auto' });
      existing.push(e.atMs);
      initMs.push(e.value.initMs);
      parts.importMs.push(e.value.importMs ?? 0);
      parts.contextMs.push(e.value.contextMs ?? 0);
      parts.handlersMs.push(e.value.handlersMs ?? 0);
      parts.cpuMs.push(e.value.cpuMs);
      freshOff.push((await runChild<StartupReply>('startup', { dataDir: tempDir('startup'), sandbox: 'off' })).atMs);
      const b = await runChild<StartupReply>('select1', { file: databasePath(existingDir) });
      baseline.push(b.atMs);
      parts.baseCpuMs.push(b.value.cpuMs);
    }
    const value = Math.max(median(fresh), median(existing));
    const base = median(baseline);
    o.progress(`  fresh ${median(fresh).toFixed(0)} ms, existing ${median(existing).toFixed(0)} ms, SELECT 1 child ${base.toFixed(0)} ms`);
    return {
      value: round(value, 1),
      unit: 'ms',
      baseline: round(base, 1),
      ratio: round(value / base, 2),
      goal: '< 300 ms from process start to ready (fresh and existing data dir)',
      pass: value < 300,
      runs: fresh.map((f, i) => round(Math.max(f, existing[i]!), 1)),
      detail: {
        freshDataDirMs: round(median(fresh), 1),
        existingDataDirMs: round(median(existing), 1),
        freshWithoutSandboxMs: round(median(freshOff), 1),
        initAfterNodeBootMs: round(median(initMs), 1),
        importModulesMs: round(median(parts.importMs), 1),
        openContextMs: round(median(parts.contextMs), 1),
        buildHandlersMs: round(median(parts.handlersMs), 1),
        existingCpuMs: round(median(parts.cpuMs), 1),
        baselineCpuMs: round(median(parts.baseCpuMs), 1),
      },
    };
  },
};
