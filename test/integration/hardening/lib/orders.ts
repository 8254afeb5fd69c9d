import seed from '../../../../resources/sandbox/roofing-products.json';
import { convertProposal } from '../../../../src-main/orders/convert';
import { defaultOrderHeader, type OrderHeader } from '../../../../src-main/orders/submit-body';
import type { BranchProduct, OrderDraft } from '../../../../src-main/orders/types';
import { area, input, item, option, proposal, quote, srsEntry } from '../../../unit/orders/fixtures';

interface SeedProduct {
  productId: number;
  productName: string;
  productDescription: string;
  manufacturer: string;
  productOptions: string[];
  baseUom: string;
  uomConversions: { uom: string; toBase: number }[];
  listPriceCents: number;
  branches: string[];
}

function product(id: number): BranchProduct & { listPriceCents: number } {
  const p = (seed as SeedProduct[]).find((x) => x.productId === id)!;
  return { ...p, availableAtBranch: p.branches.includes('BRRIV') };
}

/** A draft SRS accepts: Landmark shingles and drip edge at BRRIV (as in the outbox worker tests). */
export function sandboxDraft(proposalId: string): OrderDraft {
  const shingles = product(75664);
  const drip = product(71322);
  const p = {
    ...proposal([
      area('House', [
        option('Accepted', [
          item({ id: `${proposalId}-s`, referencedItemId: 'sh', model: 'Landmark Weathered Wood', quantity: 10, costCents: 12600, sellPriceCents: 20000 }),
          item({ id: `${proposalId}-d`, referencedItemId: 'de', model: 'Drip edge White', quantity: 95, costCents: 91, sellPriceCents: 250 }),
        ]),
      ]),
    ]),
    id: proposalId,
  };
  const fetchedAt = new Date().toISOString();
  return convertProposal({
    ...input(p),
    now: fetchedAt,
    catalog: { sh: srsEntry('sh', 75664, 'SQ'), de: srsEntry('de', 71322, 'LF') },
    branchProducts: [shingles, drip],
    quotes: [quote(75664, 'BD', shingles.listPriceCents, { fetchedAt }), quote(71322, 'PC', drip.listPriceCents, { fetchedAt })],
  });
}

/** The order header for the demo SRS customer at job account 1. */
export function sandboxHeader(draft: OrderDraft): OrderHeader {
  return defaultOrderHeader(draft, { sourceSystem: 'JUNCTION', customerCode: 'DEMO001', jobAccountNumber: 1, today: '2026-11-30' });
}
