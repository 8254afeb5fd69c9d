import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { convertProposal } from '../../../src-main/orders/convert';
import { defaultOrderHeader, type OrderHeader } from '../../../src-main/orders/submit-body';
import type { OrderDraft } from '../../../src-main/orders/types';
import { area, input, item, option, proposal } from '../../unit/orders/fixtures';

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'junction-orders-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A clock the test moves by hand. */
export function manualClock(start = '2026-11-30T12:00:00.000Z') {
  let t = Date.parse(start);
  return { now: () => new Date(t), advance: (ms: number) => (t += ms) };
}

/** A submittable draft (shingles + drip edge) for proposal `proposalId`. */
export function readyDraft(proposalId = '5001'): OrderDraft {
  const p = {
    ...proposal([
      area('House', [
        option('Accepted', [
          item({ id: `${proposalId}-s`, referencedItemId: 'c-shingles', brand: 'CertainTeed', model: 'Landmark Weathered Wood', quantity: 10, costCents: 12450, sellPriceCents: 19000 }),
          item({ id: `${proposalId}-d`, referencedItemId: 'c-drip', quantity: 95, costCents: 90, sellPriceCents: 200 }),
        ]),
      ]),
    ]),
    id: proposalId,
  };
  return convertProposal(input(p));
}

export function headerFor(draft: OrderDraft): OrderHeader {
  return defaultOrderHeader(draft, { sourceSystem: 'JUNCTION', customerCode: 'DEMO001', jobAccountNumber: 1, today: '2026-11-30' });
}
