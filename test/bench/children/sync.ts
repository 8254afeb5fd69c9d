import type { CatalogStatus } from '../../../src-shared/ipc/catalog';
import { reply } from '../lib/child';
import { startMainServices } from '../lib/main-services';

export interface SyncReply {
  items: number;
  catalogSize: number;
  /** From the catalog:sync call to its job:finished event. */
  syncMs: number;
  /** CPU time this process used meanwhile (all its threads): the sync's own work, whatever the machine's load. */
  syncCpuMs: number;
  /** Resident memory right after start-up, at its peak during the sync, and after the sync plus opening the catalog. */
  rssStartMb: number;
  rssPeakMb: number;
  rssAfterMb: number;
  heapAfterMb: number;
  /** After a forced full GC (the child runs with --expose-gc): what is really live. */
  heapAfterGcMb: number;
  rssAfterGcMb: number;
  /** Opening the Catalog screen: status, facets and the first page of results. */
  openMs: number;
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/**
 * The app's main services in a process of their own: start, sync the whole Portal catalog
 * through the catalog:sync channel (the job the UI starts), then open the catalog the way
 * the Catalog screen does. Reports time and resident memory.
 */
export async function syncChild(args: { dataDir: string; env: Record<string, string> }): Promise<void> {
  const { ctx, call } = await startMainServices({ dataDir: args.dataDir, env: args.env, sandbox: 'off' });
  const rssStart = process.memoryUsage.rss();
  let peak = rssStart;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 50);

  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const finished = new Promise<{ outcome: string; message: string | null }>((resolve) => {
    const off = ctx.events.onAny((name, payload) => {
      if (name !== 'job:finished') return;
      off();
      resolve(payload as { outcome: string; message: string | null });
    });
  });
  await call<{ jobId: string }>('catalog:sync', { full: true });
  const end = await finished;
  const syncMs = performance.now() - t0;
  const syncCpu = process.cpuUsage(c0);
  if (end.outcome !== 'done') throw new Error(`catalog sync ${end.outcome}: ${end.message ?? ''}`);

  const t1 = performance.now();
  const status = await call<CatalogStatus>('catalog:status');
  await call('catalog:facets');
  await call('catalog:search', { text: '', offset: 0, limit: 100 });
  const openMs = performance.now() - t1;
  clearInterval(sampler);
  const rssAfter = process.memoryUsage.rss();
  peak = Math.max(peak, rssAfter);

  const heapAfter = process.memoryUsage().heapUsed;
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const afterGc = process.memoryUsage();

  reply({
    items: status.itemCount,
    catalogSize: status.itemCount,
    syncMs,
    syncCpuMs: (syncCpu.user + syncCpu.system) / 1000,
    rssStartMb: mb(rssStart),
    rssPeakMb: mb(peak),
    rssAfterMb: mb(rssAfter),
    heapAfterMb: mb(heapAfter),
    heapAfterGcMb: mb(afterGc.heapUsed),
    rssAfterGcMb: mb(afterGc.rss),
    openMs,
  } satisfies SyncReply);
  await ctx.close();
}
