import { create } from 'zustand';
import type { JobFinished, JobProgress } from '../../src-shared/ipc/jobs';
import { api, connection } from '../api';
import { notify } from './toast-store';

interface JobsState {
  running: JobProgress[];
  cancel(jobId: string): Promise<void>;
}

/** "catalog-sync" → "Catalog sync". */
export function jobLabel(kind: string): string {
  const words = kind.replace(/[-_:]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const useJobs = create<JobsState>((set, get) => ({
  running: [],
  async cancel(jobId) {
    const reply = await api.jobs.cancel({ jobId });
    if (!reply.ok) notify.error('Could not cancel the job', reply.error);
    else if (!reply.value.cancelled) set({ running: get().running.filter((j) => j.jobId !== jobId) });
  },
}));

/** When each running job was first seen, so quick jobs finish without a toast. */
const firstSeen = new Map<string, number>();
/** A job shorter than this ends quietly: the screen that started it already shows the result. */
export const QUIET_JOB_MS = 3000;

function onProgress(p: JobProgress) {
  if (!firstSeen.has(p.jobId)) firstSeen.set(p.jobId, Date.now());
  const running = useJobs.getState().running;
  const i = running.findIndex((j) => j.jobId === p.jobId);
  useJobs.setState({ running: i === -1 ? [...running, p] : running.map((j) => (j.jobId === p.jobId ? p : j)) });
}

function onFinished(f: JobFinished) {
  useJobs.setState({ running: useJobs.getState().running.filter((j) => j.jobId !== f.jobId) });
  const started = firstSeen.get(f.jobId) ?? Date.now();
  firstSeen.delete(f.jobId);
  const label = jobLabel(f.kind);
  if (f.outcome === 'done') {
    if (Date.now() - started >= QUIET_JOB_MS) notify.success(`${label} finished`);
  } else if (f.outcome === 'cancelled') notify.info(`${label} was cancelled`);
  else notify.error(`${label} failed`, f.message ?? undefined);
}

/**
 * The running jobs as main knows them: what a page that just connected, or reconnected after
 * missing events, starts from. Jobs that ended meanwhile leave the tray.
 */
function resync(): void {
  void api.jobs.list().then((reply) => {
    if (!reply.ok) return;
    const live = new Set(reply.value.map((j) => j.jobId));
    useJobs.setState({ running: useJobs.getState().running.filter((j) => live.has(j.jobId)) });
    reply.value.forEach(onProgress);
  });
}

/** Follows job events for the whole session; jobs already running are picked up at start and after a reconnect. */
export function watchJobs(): () => void {
  const offs = [api.events.on('job:progress', onProgress), api.events.on('job:finished', onFinished)];
  resync();
  let lost = false;
  offs.push(
    connection.onStatus((status) => {
      if (status === 'reconnecting') lost = true;
      else if (status === 'open' && lost) {
        lost = false;
        resync();
      }
    }),
  );
  return () => offs.forEach((off) => off());
}
