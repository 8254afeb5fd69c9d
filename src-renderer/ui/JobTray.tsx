import { jobLabel, useJobs } from '../app/jobs-store';
import { CloseIcon } from './icons';

/** Running jobs (catalog sync, submission…) with their progress and a cancel button. */
export function JobTray() {
  const { running, cancel } = useJobs();
  if (running.length === 0) return null;
  return (
    <section className="job-tray" aria-label="Running jobs">
      {running.map((job) => {
        const pct = job.total ? Math.min(100, Math.round((job.done / job.total) * 100)) : null;
        const label = jobLabel(job.kind);
        return (
          <div key={job.jobId} className="job">
            <div className="job-head">
              <span className="job-name">{label}</span>
              <button type="button" className="icon-btn" aria-label={`Cancel ${label}`} onClick={() => void cancel(job.jobId)}>
                <CloseIcon size={14} />
              </button>
            </div>
            <div className="job-phase">
              {job.phase}
              {job.total ? ` · ${job.done.toLocaleString()} of ${job.total.toLocaleString()}` : job.done ? ` · ${job.done.toLocaleString()}` : ''}
            </div>
            <div
              className={`progress${pct === null ? ' progress-indeterminate' : ''}`}
              role="progressbar"
              aria-label={`${label} progress`}
              aria-valuemin={0}
              aria-valuemax={100}
              {...(pct !== null ? { 'aria-valuenow': pct } : {})}
            >
              <div className="progress-bar" style={pct !== null ? { width: `${pct}%` } : undefined} />
            </div>
          </div>
        );
      })}
    </section>
  );
}
