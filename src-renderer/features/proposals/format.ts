import { formatMoney } from '../../../src-shared/domain/money';

export const money = (cents: number, currency = 'USD') => formatMoney(cents, currency || 'USD');

/** "just now", "5 min ago", "3 h ago", "2 days ago". */
export function ageText(iso: string | null, now = Date.now()): string {
  if (!iso) return 'never';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return 'unknown';
  const s = Math.max(0, Math.round((now - t) / 1000));
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ago`;
  const d = Math.floor(s / 86_400);
  return d === 1 ? '1 day ago' : `${d} days ago`;
}

// One formatter for every row: toLocaleDateString with options builds a new one per call.
const SHORT_DATE = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric' });

export function shortDate(iso: string | null): string {
  if (!iso) return '—';
  const t = Date.parse(iso);
  return Number.isNaN(t) ? '—' : SHORT_DATE.format(t);
}

/** "Viewed by client" from "ViewedByClient". */
export function statusLabel(status: string): string {
  return status.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase()).replace(/ ([A-Z])/g, (_, c: string) => ` ${c.toLowerCase()}`);
}

export function statusTone(status: string): 'success' | 'warning' | 'danger' | 'info' | '' {
  if (status === 'Accepted' || status === 'Completed') return 'success';
  if (status === 'Declined' || status === 'Expired' || status === 'EmailFailed') return 'danger';
  if (status === 'Delayed') return 'warning';
  if (status === 'Submitted' || status === 'ViewedByClient') return 'info';
  return '';
}
