import Database from 'better-sqlite3';
import { reply } from '../lib/child';

export interface StartupReply {
  /** ms since this process started (performance.timeOrigin) when it was ready. */
  readyMs: number;
  /** ms spent in our initialisation alone (imports included), after Node's own bootstrap. */
  initMs: number;
  /** Where initMs went: loading our modules, then opening the context (database, sandbox), then building the handlers. */
  importMs?: number;
  contextMs?: number;
  handlersMs?: number;
  /** CPU time (all threads) this process used until ready: the work, whatever the machine's load. */
  cpuMs: number;
}

/** The app's main-process initialisation until ready, then exit. */
export async function startupChild(args: { dataDir: string; sandbox: 'auto' | 'off' }): Promise<void> {
  const t0 = performance.now();
  const { startMainServices } = await import('../lib/main-services');
  const t1 = performance.now();
  const marks: { contextReady?: number } = {};
  const services = await startMainServices({ dataDir: args.dataDir, env: {}, sandbox: args.sandbox, marks });
  const ready = performance.now();
  const cpu = process.cpuUsage();
  reply({
    readyMs: ready,
    initMs: ready - t0,
    importMs: t1 - t0,
    contextMs: (marks.contextReady ?? ready) - t1,
    handlersMs: ready - (marks.contextReady ?? ready),
    cpuMs: (cpu.user + cpu.system) / 1000,
  } satisfies StartupReply);
  await services.ctx.close();
}

/** Baseline: a process that only opens the same SQLite file and runs SELECT 1. */
export function select1Child(args: { file: string }): void {
  const t0 = performance.now();
  const db = new Database(args.file);
  db.prepare('SELECT 1').get();
  const ready = performance.now();
  const cpu = process.cpuUsage();
  reply({ readyMs: ready, initMs: ready - t0, cpuMs: (cpu.user + cpu.system) / 1000 } satisfies StartupReply);
  db.close();
}
