import type { HeaderPatch } from '../../../src-shared/ipc/orders';
import { defaultOrderHeader, type HeaderDefaults, type OrderHeader } from '../../orders/submit-body';
import type { OrderDraft } from '../../orders/types';

/** Today on the user's machine as YYYY-MM-DD (order and delivery dates are local days). */
export function localDay(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The header pre-filled from the proposal and settings, with the user's edits on top. */
export function buildHeader(draft: OrderDraft, defaults: HeaderDefaults, patch: HeaderPatch): OrderHeader {
  const base = defaultOrderHeader(draft, defaults);
  const { delivery, shipTo, contact, ...scalars } = patch;
  const { address, ...contactScalars } = contact ?? {};
  return {
    ...base,
    ...scalars,
    delivery: { ...base.delivery, ...delivery },
    shipTo: { ...base.shipTo, ...shipTo },
    contact: { ...base.contact, ...contactScalars, address: { ...base.contact.address, ...address } },
  };
}

/** Merges a new header edit into the earlier ones (nested blocks field by field). */
export function mergeHeaderPatch(a: HeaderPatch, b: HeaderPatch): HeaderPatch {
  const { delivery, shipTo, contact, ...scalars } = b;
  const out: HeaderPatch = { ...a, ...scalars };
  if (delivery) out.delivery = { ...a.delivery, ...delivery };
  if (shipTo) out.shipTo = { ...a.shipTo, ...shipTo };
  if (contact) {
    const { address, ...rest } = contact;
    out.contact = { ...a.contact, ...rest, ...(address ? { address: { ...a.contact?.address, ...address } } : {}) };
  }
  return out;
}
