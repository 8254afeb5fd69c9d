import { formatMoney } from '../../../src-shared/domain/money';
import type { OrderStatus } from '../../../src-shared/domain/order-status';

export const money = (cents: number | null | undefined, currency = 'USD'): string =>
  cents === null || cents === undefined ? '—' : formatMoney(cents, currency || 'USD');

export const STATUS_LABEL: Record<OrderStatus, string> = {
  draft: 'Draft',
  ready: 'Ready',
  submitting: 'Submitting',
  submitted: 'Submitted',
  acknowledged: 'Acknowledged',
  shipped: 'Shipped',
  delivered: 'Delivered',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

export function statusTone(status: OrderStatus): 'success' | 'warning' | 'danger' | 'info' | '' {
  if (status === 'delivered') return 'success';
  if (status === 'failed') return 'danger';
  if (status === 'cancelled' || status === 'draft' || status === 'ready') return '';
  if (status === 'submitting') return 'warning';
  return 'info';
}

export { ageText, shortDate } from '../../ui/time-format';

export function dateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const t = Date.parse(iso);
  return Number.isNaN(t) ? '—' : new Date(t).toLocaleString('en-US', { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
}

/** Quantities are shown without binary noise: 9.5, not 9.499999999. */
export function qty(n: number | null | undefined): string {
  if (n === null || n === undefined) return '—';
  return Number(n.toFixed(3)).toLocaleString('en-US');
}

export function percent(p: number | null | undefined): string {
  return p === null || p === undefined ? '—' : `${p.toFixed(1)}%`;
}

/** Today (local) as YYYY-MM-DD plus `days`. */
export function isoDay(days = 0, from = new Date()): string {
  const d = new Date(from.getFullYear(), from.getMonth(), from.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const SUPPLIERS: Record<string, string> = { srs: 'SRS Distribution', shipserv: 'ShipServ' };

export function supplierName(supplier: string): string {
  return SUPPLIERS[supplier.toLowerCase()] ?? supplier;
}
