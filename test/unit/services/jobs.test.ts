import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src-shared/domain/result';
import { silentLogger } from '../../../src-main/log/logger';
import { EventBus } from '../../../src-main/services/events';
import { JobManager } from '../../../src-main/services/jobs';

function setup() {
  const bus = new EventBus();
  const seen: { name: string; payload: Record<string, unknown> }[] = [];
  bus.onAny((name, payload) => seen.push({ name, payload: payload as Record<string, unknown> }));
  return { jobs: new JobManager(bus, silentLogger), seen };
}

describe('long jobs', () => {
  it('report {jobId, done, total, phase} and finish with "done"', async () => {
    const { jobs, seen } = setup();
    const { jobId, done } = jobs.start('catalog-sync', async (_signal, report) => {
      report(0, 3, 'downloading');
      report(3, 3, 'indexing');
      return 'synced';
    });
    expect(jobs.list().map((j) => j.jobId)).toEqual([jobId]);
    await expect(done).resolves.toBe('synced');
    const progress = seen.filter((e) => e.name === 'job:progress').map((e) => e.payload);
    expect(progress.at(-1)).toEqual({ jobId, kind: 'catalog-sync', done: 3, total: 3, phase: 'indexing' });
    expect(seen.at(-1)).toEqual({ name: 'job:finished', payload: { jobId, kind: 'catalog-sync', outcome: 'done', message: null } });
    expect(jobs.list()).toEqual([]);
  });

  it('can be cancelled: the work sees the abort and the job ends "cancelled"', async () => {
    const { jobs, seen } = setup();
    const { jobId, done } = jobs.start('catalog-sync', (signal) =>
      new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(new Error('aborted')))),
    );
    expect(jobs.cancel(jobId)).toBe(true);
    await expect(done).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(seen.at(-1)?.payload).toMatchObject({ jobId, outcome: 'cancelled' });
    expect(jobs.cancel(jobId)).toBe(false);
  });

  it('a failing job ends "failed" with its readable message', async () => {
    const { jobs, seen } = setup();
    const { done } = jobs.start('price', async () => {
      throw new AppError('VENDOR_UNAVAILABLE', 'SRS is not answering.');
    });
    await expect(done).rejects.toThrow('SRS is not answering.');
    expect(seen.at(-1)?.payload).toMatchObject({ outcome: 'failed', message: 'SRS is not answering.' });
  });
});
