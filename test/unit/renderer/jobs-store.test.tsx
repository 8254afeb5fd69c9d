import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Transport } from '../../../src-shared/ipc/define';
import { rendererConnection, rendererTransport } from '../../helpers/renderer-api';

vi.mock('../../../src-renderer/api', async () => (await import('../../helpers/renderer-api')).rendererApiModule());

/**
 * Stands in for main's side of the contract: the renderer's api goes to this transport,
 * and the test plays main by emitting the contract's job events.
 */
const listeners = new Map<string, Set<(p: unknown) => void>>();
const cancelled: string[] = [];
/** What main would answer to jobs:list. */
let runningAtMain: unknown[] = [];
const transport: Transport = {
  async call(channel, req) {
    if (channel === 'jobs:list') return { ok: true, value: runningAtMain };
    if (channel === 'jobs:cancel') {
      cancelled.push((req as { jobId: string }).jobId);
      return { ok: true, value: { cancelled: true } };
    }
    return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: channel } };
  },
  subscribe(name, listener) {
    if (!listeners.has(name)) listeners.set(name, new Set());
    listeners.get(name)!.add(listener);
    return () => listeners.get(name)!.delete(listener);
  },
};
const emit = (name: string, payload: unknown) => listeners.get(name)?.forEach((l) => l(payload));
rendererTransport.current = transport;

const { useJobs, watchJobs, jobLabel, QUIET_JOB_MS } = await import('../../../src-renderer/app/jobs-store');
const { useToasts } = await import('../../../src-renderer/app/toast-store');

let stop: () => void;
beforeAll(() => {
  stop = watchJobs();
});
afterAll(() => stop());
beforeEach(() => {
  vi.useRealTimers();
  useToasts.setState({ toasts: [] });
});

const progress = (jobId: string, done: number, total: number | null, phase = 'Working') => emit('job:progress', { jobId, kind: 'catalog-sync', done, total, phase });
const finished = (jobId: string, outcome: string, message: string | null = null) => emit('job:finished', { jobId, kind: 'catalog-sync', outcome, message });
const titles = () => useToasts.getState().toasts.map((t) => `${t.kind}:${t.title}${t.message ? ` (${t.message})` : ''}`);

describe('job progress in the renderer', () => {
  it('tracks progress per job and drops a job when it finishes', () => {
    progress('a', 0, 10);
    progress('b', 5, null, 'Counting');
    progress('a', 4, 10, 'Downloading');
    expect(useJobs.getState().running).toEqual([
      { jobId: 'a', kind: 'catalog-sync', done: 4, total: 10, phase: 'Downloading' },
      { jobId: 'b', kind: 'catalog-sync', done: 5, total: null, phase: 'Counting' },
    ]);
    finished('a', 'done');
    finished('b', 'done');
    expect(useJobs.getState().running).toEqual([]);
  });

  it('a quick job ends quietly; a long one says it finished', () => {
    vi.useFakeTimers();
    progress('quick', 0, 1);
    vi.advanceTimersByTime(200);
    finished('quick', 'done');
    expect(titles()).toEqual([]);
    progress('long', 0, 1);
    vi.advanceTimersByTime(QUIET_JOB_MS + 1);
    finished('long', 'done');
    expect(titles()).toEqual(['success:Catalog sync finished']);
  });

  it('a failure always shows, with the reason, and stays until dismissed', () => {
    vi.useFakeTimers();
    progress('f', 0, 1);
    finished('f', 'failed', 'SRS is not reachable (VENDOR_UNAVAILABLE).');
    vi.advanceTimersByTime(60_000);
    expect(titles()).toEqual(['error:Catalog sync failed (SRS is not reachable (VENDOR_UNAVAILABLE).)']);
  });

  it('cancel asks main to cancel that job', async () => {
    progress('c', 1, 3);
    await useJobs.getState().cancel('c');
    expect(cancelled).toEqual(['c']);
    finished('c', 'cancelled');
    expect(titles()).toEqual(['info:Catalog sync was cancelled']);
  });

  it('after the connection comes back, shows what main runs: a job that ended unseen leaves, one started unseen appears', async () => {
    progress('gone-1', 5, 10);
    expect(useJobs.getState().running.map((j) => j.jobId)).toContain('gone-1');
    rendererConnection.set('reconnecting');
    // Meanwhile gone-1 finished and another started; their events were lost with the stream.
    runningAtMain = [{ jobId: 'new-1', kind: 'catalog-sync', done: 1, total: 4, phase: 'Items' }];
    rendererConnection.set('open');
    await vi.waitFor(() => expect(useJobs.getState().running.map((j) => j.jobId)).toEqual(['new-1']));
    runningAtMain = [];
    finished('new-1', 'done');
  });

  it('names jobs for people', () => {
    expect(jobLabel('catalog-sync')).toBe('Catalog sync');
    expect(jobLabel('srs:submit_order')).toBe('Srs submit order');
  });
});
