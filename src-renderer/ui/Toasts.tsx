import { useToasts } from '../app/toast-store';
import { AlertIcon, CheckCircleIcon, CloseIcon, InfoIcon } from './icons';

/** Notifications, bottom right. Announced politely; errors stay until dismissed. */
export function Toasts() {
  const { toasts, dismiss } = useToasts();
  return (
    <section className="toast-region" aria-label="Notifications" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className={`toast toast-${t.kind}`} role={t.kind === 'error' ? 'alert' : 'status'}>
          <span className="callout-icon">
            {t.kind === 'error' ? <AlertIcon /> : t.kind === 'success' ? <CheckCircleIcon /> : <InfoIcon />}
          </span>
          <div className="toast-body">
            <div className="toast-title">{t.title}</div>
            {t.message ? <div className="toast-message">{t.message}</div> : null}
          </div>
          <button type="button" className="icon-btn" aria-label="Dismiss notification" onClick={() => dismiss(t.id)}>
            <CloseIcon size={16} />
          </button>
        </div>
      ))}
    </section>
  );
}
