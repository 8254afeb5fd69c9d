import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProposalDetail, ProposalItem } from '../../../src-shared/ipc/proposals';
import { ProposalDetailView } from '../../../src-renderer/features/proposals/ProposalDetailView';
import { ageText, statusLabel } from '../../../src-renderer/features/proposals/format';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const item = (id: number, itemType: string, extra: Partial<ProposalItem> = {}): ProposalItem => ({
  id,
  parentId: null,
  itemType,
  referencedItemId: null,
  brand: 'GAF',
  model: `Model ${id}`,
  name: '',
  description: '',
  supplier: 'SRS Distribution',
  quantity: 2,
  costCents: 1000,
  sellPriceCents: 1500,
  msrpCents: 0,
  totalCents: 3000,
  ...extra,
});

const detail: ProposalDetail = {
  kind: 'proposal',
  id: 1,
  number: 2401,
  name: 'Garcia re-roof',
  status: 'Accepted',
  currency: { code: 'CAD', symbol: '$' },
  financial: { partsTotalCents: 123456, laborTotalCents: 5000, subtotalCents: 128456, salesTaxCents: 0, totalCents: 128456 },
  customer: { id: 3, name: 'Jackson Garcia', companyName: '', email: '', phone: '', location: { id: 9, street: '1057 Oak St', suite: '', city: 'Plymouth', state: 'MA', postalCode: '02360', country: 'US', phone: '', isPrimary: true, isBilling: false } },
  dealerName: '',
  salesperson: '',
  projectDescription: '',
  createdDate: null,
  lastModifiedDate: null,
  areas: [
    {
      id: 1,
      name: 'Main Roof',
      options: [
        { id: 11, status: 'Declined', clientDescription: 'Good', installerDescription: '', totalCents: 100, items: [item(101, 'Part')] },
        {
          id: 12,
          status: 'Accepted',
          clientDescription: 'Better',
          installerDescription: '',
          totalCents: 200,
          // The kit child comes first in Portal's order; the view nests it under its parent.
          items: [item(105, 'Part', { parentId: 104 }), item(102, 'Part'), item(103, 'Labor'), item(104, 'CustomItem', { name: 'Vent kit', model: '' })],
        },
      ],
    },
  ],
  changeOrders: [{ id: 5001, number: 1, name: 'Chimney flashing', status: 'Accepted', totalCents: 1999, currency: { code: 'CAD', symbol: '$' }, lastModifiedDate: null }],
};

let host: HTMLDivElement;
let root: Root;
beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});
afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

describe('ProposalDetailView', () => {
  it('marks the accepted option, greys the declined one, distinguishes item types and nests kits', () => {
    const opened: number[] = [];
    act(() =>
      root.render(<ProposalDetailView detail={detail} lastSynced={null} offline={true} backLabel="All proposals" onBack={() => undefined} onOpenChangeOrder={(id) => opened.push(id)} />),
    );
    const accepted = host.querySelector('section.option-accepted')!;
    expect(accepted.getAttribute('aria-label')).toBe('Option 2: Accepted');
    expect(host.querySelector('section.option-declined')!.getAttribute('aria-label')).toBe('Option 1: Declined');

    const rows = [...accepted.querySelectorAll('tbody tr')];
    expect(rows.map((r) => r.querySelector('.type-tag')!.textContent)).toEqual(['Part', 'Labor', 'Custom', 'Part']);
    // Kit child right after its parent, one level in.
    expect(rows[3]!.className).toContain('item-child');
    expect(rows[3]!.textContent).toContain('Model 105');
    expect(rows[2]!.textContent).toContain('Vent kit');

    expect(host.textContent).toContain('CA$1,284.56');
    expect(host.textContent).toContain('1057 Oak St, Plymouth, MA 02360');
    expect(host.textContent).toContain('Offline — Last synced never');

    const co = [...host.querySelectorAll('button.co-row')];
    expect(co).toHaveLength(1);
    act(() => (co[0] as HTMLButtonElement).click());
    expect(opened).toEqual([5001]);
  });
});

describe('format helpers', () => {
  it('says how old a price is and spells statuses', () => {
    const now = Date.parse('2026-11-30T12:00:00Z');
    expect(ageText('2026-11-30T11:59:30Z', now)).toBe('just now');
    expect(ageText('2026-11-30T11:15:00Z', now)).toBe('45 min ago');
    expect(ageText('2026-11-30T07:00:00Z', now)).toBe('5 h ago');
    expect(ageText('2026-11-28T12:00:00Z', now)).toBe('2 days ago');
    expect(ageText(null, now)).toBe('never');
    expect(statusLabel('ViewedByClient')).toBe('Viewed by client');
    expect(statusLabel('EmailFailed')).toBe('Email failed');
  });
});
