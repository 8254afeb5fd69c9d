import { randomUUID } from 'node:crypto';
import { AppError } from '../../src-shared/domain/result';
import type { JobProgress } from '../../src-shared/ipc/jobs';
import type { Logger } from '../log/logger';
import { storageError } from '../store/storage-errors';
import type { EventBus } from './events';

export type ReportProgress = (done: number, total: number | null, phase: string) => void;
export type JobWork<T> = (signal: AbortSignal, report: ReportProgress) => Promise<T>;

interface Running {
  controller: AbortController;
  progress: JobProgress;
}

/** Long work (catalog sync, submission) runs as a job: progress events and cancellation. */
export class JobManager {
  private readonly running = new Map<string, Running>();

  constructor(
    private readonly bus: EventBus,
    private readonly log: Logger,
  ) {}

  /** Starts the work and returns its id at once; `done` settles with its result. */
  start<T>(kind: string, work: JobWork<T>): { jobId: string; done: Promise<T> } {
    const jobId = randomUUID();
    const controller = new AbortController();
    const entry: Running = { controller, progress: { jobId, kind, done: 0, total: null, phase: 'starting' } };
    this.running.set(jobId, entry);
    let lastEmit = 0;
    const report: ReportProgress = (done, total, phase) => {
      entry.progress = { jobId, kind, done, total, phase };
      const now = Date.now();
      // At most ~20 events a second, but always the phase changes and the last one.
      if (now - lastEmit >= 50 || done === total) {
        lastEmit = now;
        this.bus.emit('job:progress', entry.progress);
      }
    };
    this.bus.emit('job:progress', entry.progress);
    const done = work(controller.signal, report).then(
      (value) => {
        this.finish(jobId, kind, 'done', null);
        return value;
      },
      (thrown: unknown) => {
        const e = storageError(thrown) ?? thrown;
        const cancelled = controller.signal.aborted;
        const message = e instanceof AppError ? e.message : (e as Error)?.message ?? String(e);
        if (!cancelled) this.log.warn(`job ${kind} failed`, { jobId, message });
        this.finish(jobId, kind, cancelled ? 'cancelled' : 'failed', message);
        throw cancelled && !(e instanceof AppError) ? new AppError('CANCELLED', `${kind} was cancelled.`) : e;
      },
    );
    done.catch(() => undefined);
    return { jobId, done };
  }

  cancel(jobId: string): boolean {
    const entry = this.running.get(jobId);
    if (!entry) return false;
    entry.controller.abort();
    return true;
  }

  list(): JobProgress[] {
    return [...this.running.values()].map((r) => r.progress);
  }

  private finish(jobId: string, kind: string, outcome: 'done' | 'failed' | 'cancelled', message: string | null) {
    this.running.delete(jobId);
    this.bus.emit('job:finished', { jobId, kind, outcome, message });
  }
}
