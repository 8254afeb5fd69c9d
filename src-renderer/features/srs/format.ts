import { formatMoney } from '../../../src-shared/domain/money';
import { SRS_PRICE_TTL_MS, type SrsPricedLineView } from '../../../src-shared/ipc/srs';

/** "$38.60 / BD", or "Call branch for price" for SRS's zero price: never "$0.00". */
export function priceLabel(line: Pick<SrsPricedLineView, 'callForPrice' | 'unitPriceCents' | 'uom'>): string {
  if (line.callForPrice || line.unitPriceCents === null) return 'Call branch for price';
  return `${formatMoney(line.unitPriceCents)} / ${line.uom}`;
}

/** "just now", "12 min ago", "3 h 5 min ago", "2 days ago". */
export function ageLabel(fetchedAt: string, now: number = Date.now()): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(fetchedAt)) / 60_000));
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min ago`;
  return `${Math.floor(hours / 24)} days ago`;
}

/** Past the 4-hour time-to-live: shown, but refreshed before it is used for an order. */
export function isStale(fetchedAt: string, now: number = Date.now()): boolean {
  return now - Date.parse(fetchedAt) >= SRS_PRICE_TTL_MS;
}

export function stockLabel(line: Pick<SrsPricedLineView, 'stockStatus' | 'availableQuantity' | 'uom'>): string {
  const qty = line.availableQuantity === null ? '' : ` (${line.availableQuantity} ${line.uom})`;
  switch (line.stockStatus) {
    case 'in_stock':
      return `In stock${qty}`;
    case 'limited':
      return `Limited${qty}`;
    case 'out_of_stock':
      return 'Out of stock';
    default:
      return 'Stock unknown';
  }
}

export function addressLine(a: { addressLine1: string | null; city: string | null; state: string | null; zipCode: string | null } | null): string {
  if (!a) return '';
  return [a.addressLine1, [a.city, a.state].filter(Boolean).join(', '), a.zipCode].filter(Boolean).join(' · ');
}

export function phoneLabel(p: string | null): string {
  if (!p) return '';
  const d = p.replace(/\D/g, '');
  return d.length === 10 ? `(${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}` : p;
}
