import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import catalog from '../../../resources/sandbox/portal/catalog.json';
import contacts from '../../../resources/sandbox/portal/contacts.json';
import proposals from '../../../resources/sandbox/portal/proposals.json';
import roofing from '../../../resources/sandbox/roofing-products.json';
import { PROPOSAL_STATUSES } from '../../../src-shared/ipc/proposals';

interface Item { id: number; parentId: number | null; itemType: string; referencedItemId: number | null; supplier: string; quantity: number }
interface Option { status: string; items: Item[] }
interface Detail { id: number; status: string; customer: { id: number }; areas: { name: string; options: Option[] }[]; changeOrders: (Detail & { status: string })[] }

const all = proposals as unknown as Detail[];
const items = (catalog as unknown as { items: { id: number; sup: string; sku: string; uom: string; cost: number }[] }).items;
const byId = new Map(items.map((i) => [i.id, i]));
const products = roofing as unknown as { productId: number; proposalUom: string; baseUom: string; listPriceCents: number; uomConversions: { uom: string; toBase: number }[] }[];
const accepted = all.filter((p) => p.status === 'Accepted' || p.status === 'Completed');
const lines = (p: Detail) => p.areas.flatMap((a) => a.options.flatMap((o) => o.items));

describe('Portal sandbox seed (the contract with the SRS sandbox)', () => {
  it('is reproduced exactly by its generator', () => {
    const root = resolve(import.meta.dirname, '../../..');
    expect(() => execFileSync(process.execPath, ['scripts/gen-portal-seed.mjs', '--check'], { cwd: root, stdio: 'pipe' })).not.toThrow();
  });

  it('has at least 25 proposals over every status, and contacts with locations for each customer', () => {
    expect(all.length).toBeGreaterThanOrEqual(25);
    expect(new Set(all.map((p) => p.status))).toEqual(new Set(PROPOSAL_STATUSES));
    const people = new Map((contacts as unknown as { id: number; locations: unknown[] }[]).map((c) => [c.id, c]));
    expect(all.every((p) => (people.get(p.customer.id)?.locations.length ?? 0) > 0)).toBe(true);
  });

  it('accepted proposals: one accepted option per area, declined ones beside it, parts, labor, custom items and kits', () => {
    for (const p of accepted) {
      for (const a of p.areas) {
        expect(a.options.filter((o) => o.status === 'Accepted')).toHaveLength(1);
        expect(a.options.every((o) => o.status === 'Accepted' || o.status === 'Declined')).toBe(true);
      }
      for (const o of p.areas.flatMap((a) => a.options)) {
        const ids = new Set(o.items.map((i) => i.id));
        expect(o.items.every((i) => i.parentId === null || ids.has(i.parentId))).toBe(true);
      }
    }
    expect(accepted.some((p) => p.areas.length >= 2 && p.areas.some((a) => a.options.some((o) => o.status === 'Declined')))).toBe(true);
    const types = new Set(accepted.flatMap(lines).map((i) => i.itemType));
    expect(types).toEqual(new Set(['Part', 'Labor', 'CustomItem']));
    expect(accepted.flatMap(lines).some((i) => i.parentId !== null)).toBe(true);
    const cos = all.flatMap((p) => p.changeOrders);
    expect(cos.length).toBeGreaterThan(0);
    expect(cos.some((c) => c.status === 'Accepted')).toBe(true);
  });

  it('SRS-supplied catalog items: SKU = productId, unit = proposalUom, cost per proposal unit', () => {
    expect(items.length).toBeGreaterThanOrEqual(2000);
    const srs = new Map(items.filter((i) => i.sup === 'SRS Distribution').map((i) => [i.sku, i]));
    expect(srs.size).toBe(products.length);
    for (const p of products) {
      const item = srs.get(String(p.productId))!;
      expect(item.uom).toBe(p.proposalUom);
      const toBase = p.proposalUom === p.baseUom ? 1 : (p.uomConversions.find((c) => c.uom === p.proposalUom)?.toBase ?? 1);
      expect(item.cost).toBe(Math.round(p.listPriceCents * toBase));
    }
  });

  it('accepted roofing lines point at SRS catalog items (10 SQ of shingles, 95 LF of drip edge)', () => {
    for (const line of all.flatMap(lines).filter((i) => i.referencedItemId !== null)) {
      const item = byId.get(line.referencedItemId!);
      expect(item, `item ${line.id} references ${line.referencedItemId}`).toBeDefined();
      if (line.supplier === 'SRS Distribution') expect(item!.sup).toBe('SRS Distribution');
    }
    const roofJobs = accepted.filter((p) =>
      p.areas.some((a) =>
        a.options.some((o) => {
          if (o.status !== 'Accepted') return false;
          const units = o.items.filter((i) => i.referencedItemId !== null).map((i) => `${i.quantity} ${byId.get(i.referencedItemId!)!.uom}`);
          return units.includes('10 SQ') && units.includes('95 LF');
        }),
      ),
    );
    expect(roofJobs.length).toBeGreaterThanOrEqual(3);
  });
});
