import { formatMoney } from '../../../src-shared/domain/money';

export const money = (cents: number, currency = 'USD') => formatMoney(cents, currency || 'USD');

export { ageText, shortDate } from '../../ui/time-format';

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
