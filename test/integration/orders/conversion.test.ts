import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sumCents } from '../../../src-shared/domain/money';
import type { JunctionApi } from '../../../src-shared/ipc/contract';
import type { DraftLineView, DraftView } from '../../../src-shared/ipc/orders';
import type { AppContext } from '../../../src-main/services/context';
import { CatalogRepo } from '../../../src-main/store/portal/catalog-repo';
import { ProposalsRepo } from '../../../src-main/store/portal/proposals-repo';
import { SrsProductsRepo } from '../../../src-main/store/srs/products-repo';
import { apiFor, ordersWorld, value, type OrdersWorld } from './world';

const lineFor = (d: DraftView, itemId: string): DraftLineView => {
  const l = d.lines.find((x) => x.sourceItemIds.includes(itemId));
  if (!l) throw new Error(`no line covers item ${itemId}`);
  return l;
};

describe('proposal → SRS draft on a fresh install (real Portal and SRS sandboxes over HTTP, real SQLite)', () => {
  let w: OrdersWorld;
  let ctx: AppContext;
  let api: JunctionApi;
  beforeAll(async () => {
    w = await ordersWorld();
    ctx = await w.openContext();
    api = apiFor(ctx);
  });
  afterAll(async () => w.close());

  it('fetches the proposal, catalog entries and branch products it needs, and converts units up to whole sellable units', async () => {
    expect(new ProposalsRepo(ctx.db).count()).toBe(0);
    expect(new SrsProductsRepo(ctx.db).total()).toBe(0);

    const d = await value(api.orders.draft({ proposalId: 1003 }));

    // Everything it needed was fetched and cached on the way.
    expect(new ProposalsRepo(ctx.db).detail(1003)).not.toBeNull();
    expect(new CatalogRepo(ctx.db).details(100016)?.suppliers[0]).toMatchObject({ name: 'SRS Distribution', sku: '70370', unitOfMeasure: 'SQ' });
    expect(new SrsProductsRepo(ctx.db).branchCounts()).toEqual([expect.objectContaining({ branchCode: 'BRRIV' })]);

    // The customer's home branch and its first job account (validated with SRS on the way).
    expect(d).toMatchObject({ proposalNumber: '2403', branchCode: 'BRRIV', jobAccountNumber: 1, customerName: 'Elijah Miller' });

    // Shingles: 10 SQ in each of two areas, one line, 3 bundles per square.
    const shingles = lineFor(d, '1000192');
    expect(shingles).toMatchObject({ productId: 70370, quantity: 60, uom: 'BD', proposalQuantity: 20, proposalUom: 'SQ', overOrder: null, areas: ['Detached Garage', 'Back Porch'] });
    expect(shingles.sourceItemIds).toEqual(['1000192', '1000220']);

    // Drip edge: 3 × 95 LF = 285 LF in 10 ft pieces → 29 PC, 5 LF extra (rounded up, never down).
    const drip = lineFor(d, '1000165');
    expect(drip).toMatchObject({ productId: 71322, quantity: 29, uom: 'PC', proposalQuantity: 285, proposalUom: 'LF', overOrder: { quantity: 5, uom: 'LF' } });
    expect(drip.overOrderText).toBe('5 LF extra (rounded up to whole PC)');
    expect(drip.sourceItemIds).toEqual(['1000165', '1000193', '1000221']);

    // Prices are integer cents with their age; extended = unit × quantity; total = sum of lines.
    expect(Number.isInteger(drip.unitPriceCents)).toBe(true);
    expect(drip.extendedCents).toBe(drip.unitPriceCents! * 29);
    expect(Date.now() - Date.parse(drip.priceFetchedAt!)).toBeLessThan(60_000);
    expect(d.totalCents).toBe(sumCents(d.lines.map((l) => l.extendedCents ?? 0)));
  });

  it('asked for a proposal number instead of its id, says which id that proposal has', async () => {
    await value(api.orders.draft({ proposalId: 1003 }));
    const r = await api.orders.draft({ proposalId: 2403 });
    expect(r).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'There is no proposal with id 2403; proposal number 2403 has id 1003.' } });
  });

  it('orders only accepted supply items: labor and declined options never, each accepted item exactly once, kit parent listed as left off', async () => {
    const d = await value(api.orders.draft({ proposalId: 1003 }));
    const { acceptedItems } = await value(api.proposals.get({ id: 1003 }));
    const onLines = d.lines.flatMap((l) => l.sourceItemIds);
    const leftOff = d.removed.flatMap((r) => r.sourceItemIds);
    const all = [...onLines, ...leftOff].sort();
    expect(new Set(all).size).toBe(all.length);
    expect(all).toEqual(acceptedItems.map((i) => String(i.id)).sort());
    expect(onLines).not.toContain('1000176'); // labor: tear-off
    expect(onLines).not.toContain('1000150'); // an item of the declined Main Roof option
    expect(d.removed).toContainEqual({ key: 'kit:1000171', reason: 'kit-parent', sourceItemIds: ['1000171'], description: 'Roof ventilation package' });
    expect(lineFor(d, '1000172')).toMatchObject({ productId: 72734, quantity: 8, uom: 'PC' }); // a kit child is ordered
  });

  it('flags what it cannot order and blocks submission, with one-click fixes', async () => {
    const d = await value(api.orders.draft({ proposalId: 1003 }));
    const dumpster = lineFor(d, '1000175');
    expect(dumpster.productId).toBeNull();
    expect(dumpster.problems[0]).toMatchObject({ code: 'unmapped', blocking: true });
    expect(dumpster.problems[0]!.fixes.map((f) => f.kind)).toContain('remove');
    const shingles = lineFor(d, '1000192');
    const choose = shingles.problems.find((p) => p.code === 'choose-option')!;
    expect(choose.blocking).toBe(true);
    expect(choose.fixes.map((f) => f.option)).toEqual(['Estate Gray', 'Driftwood', 'Onyx Black', 'Desert Tan']);
    expect(d.canSubmit).toBe(false);
    expect(d.blockingReasons).toContain(dumpster.problems[0]!.message);
  });

  it('includes accepted change orders (labelled) and leaves submitted ones out; a change order can be excluded', async () => {
    const d = await value(api.orders.draft({ proposalId: 1001 }));
    expect(d.changeOrders).toEqual([{ id: '5001', number: '1', name: expect.any(String), included: true }]);
    const co = lineFor(d, '1000071');
    expect(co).toMatchObject({ source: 'change order #1', origins: ['change order #1'], productId: 71310, quantity: 2, uom: 'PC' });
    expect(d.lines.flatMap((l) => l.sourceItemIds)).not.toContain('1000074'); // change order #2 is only submitted

    const without = await value(api.orders.updateDraft({ proposalId: 1001, excludedChangeOrderIds: ['5001'] }));
    expect(without.changeOrders).toEqual([{ id: '5001', number: '1', name: expect.any(String), included: false }]);
    expect(without.lines.flatMap((l) => l.sourceItemIds)).not.toContain('1000071');
  });

  it('keeps line edits (quantity, unit, remove and undo) and header edits across re-opening, and refuses a line it does not have', async () => {
    const d = await value(api.orders.draft({ proposalId: 1003 }));
    const drip = lineFor(d, '1000165');
    let e = await value(api.orders.updateDraft({ proposalId: 1003, lines: [{ key: drip.key, set: { quantity: 31 } }], header: { notes: 'Gate code 4411', delivery: { method: 'Will Call' } } }));
    expect(lineFor(e, '1000165')).toMatchObject({ quantity: 31, edited: true, extendedCents: drip.unitPriceCents! * 31 });
    expect(e.header).toMatchObject({ notes: 'Gate code 4411', delivery: { method: 'Will Call' }, poNumber: '2403 Miller re-roof' });

    e = await value(api.orders.updateDraft({ proposalId: 1003, lines: [{ key: drip.key, set: { uom: 'LF' } }] }));
    expect(lineFor(e, '1000165')).toMatchObject({ quantity: 285, uom: 'LF', overOrder: null });

    e = await value(api.orders.updateDraft({ proposalId: 1003, lines: [{ key: drip.key, set: { removed: true } }] }));
    expect(e.lines.some((l) => l.key === drip.key)).toBe(false);
    expect(e.removed).toContainEqual(expect.objectContaining({ key: drip.key, reason: 'removed-by-user' }));

    const reopened = await value(api.orders.draft({ proposalId: 1003 }));
    expect(reopened.removed.some((r) => r.key === drip.key)).toBe(true);
    expect(reopened.header.notes).toBe('Gate code 4411');

    const undone = await value(api.orders.updateDraft({ proposalId: 1003, lines: [{ key: drip.key, set: null }] }));
    expect(lineFor(undone, '1000165')).toMatchObject({ quantity: 29, uom: 'PC', edited: false });

    const bad = await api.orders.updateDraft({ proposalId: 1003, lines: [{ key: 'srs:999:?', set: { quantity: 2 } }], header: { notes: 'not saved' } });
    expect(bad).toEqual({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('has no line srs:999:?') } });
    expect((await value(api.orders.draft({ proposalId: 1003 }))).header.notes).toBe('Gate code 4411');

    const badUnit = await api.orders.updateDraft({ proposalId: 1003, lines: [{ key: drip.key, set: { uom: 'GA' } }] });
    expect(badUnit).toEqual({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/cannot be ordered in GA \(it knows PC, LF\)/) } });
  });

  it('remembers a chosen branch and job account as the defaults, and refuses a job account of another branch', async () => {
    const d = await value(api.orders.draft({ proposalId: 1003, branchCode: 'daltx', jobAccountNumber: 6 }));
    expect(d).toMatchObject({ branchCode: 'DALTX', jobAccountNumber: 6 });
    expect(d.header).toMatchObject({ branchCode: 'DALTX', jobAccountNumber: 6 });
    expect(ctx.settings.get()).toMatchObject({ srsDefaultBranch: 'DALTX', srsDefaultJobAccount: 6 });
    const other = await value(api.orders.draft({ proposalId: 1002 }));
    expect(other).toMatchObject({ branchCode: 'DALTX', jobAccountNumber: 6 });

    const bad = await api.orders.updateDraft({ proposalId: 1003, branchCode: 'BRRIV', jobAccountNumber: 78 });
    expect(bad).toEqual({ ok: false, error: { code: 'VALIDATION', message: 'Job account 78 is not one of your SRS job accounts at BRRIV (1, 12).' } });
    expect(ctx.settings.get()).toMatchObject({ srsDefaultBranch: 'DALTX', srsDefaultJobAccount: 6 });
    await value(api.orders.updateDraft({ proposalId: 1003, branchCode: 'BRRIV', jobAccountNumber: 1 }));
    await value(api.orders.updateDraft({ proposalId: 1002, branchCode: 'BRRIV', jobAccountNumber: 1 }));
  });

  it('a confirmed mapping is saved per company and maps the same brand + model next time', async () => {
    const d = await value(api.orders.draft({ proposalId: 1028 }));
    const line = d.lines.find((l) => l.problems.some((p) => p.code === 'unmapped') && l.sources[0]!.brand !== '')!;
    const { brand, model } = line.sources[0]!;
    const mapped = await value(api.orders.confirmMapping({ proposalId: 1028, key: line.key, productId: 72339, option: 'N/A' }));
    const now = mapped.lines.find((l) => l.sourceItemIds.includes(line.sourceItemIds[0]!))!;
    expect(now).toMatchObject({ productId: 72339, problems: expect.not.arrayContaining([expect.objectContaining({ code: 'unmapped' })]) });

    // Started afresh (edits dropped), the saved mapping still applies.
    const fresh = await value(api.orders.draft({ proposalId: 1028, fresh: true }));
    const again = fresh.lines.find((l) => l.sourceItemIds.includes(line.sourceItemIds[0]!))!;
    expect(again).toMatchObject({ productId: 72339, mappedBy: 'saved-mapping' });
    expect(again.sources[0]).toMatchObject({ brand, model });

    const refused = await api.orders.confirmMapping({ proposalId: 1028, key: again.key, productId: 70370, option: 'Purple' });
    expect(refused).toEqual({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('has no option "Purple"; choose one of Estate Gray, Driftwood, Onyx Black, Desert Tan') } });
  });

  it('an out-of-stock line offers SRS\'s substitutes; accepting one orders it instead and remembers what it replaced', async () => {
    const d = await value(api.orders.draft({ proposalId: 1001 }));
    const line = d.lines.find((l) => l.problems.some((p) => p.code === 'out-of-stock' && p.fixes.some((f) => f.kind === 'accept-substitute')))!;
    const fix = line.problems.find((p) => p.code === 'out-of-stock')!.fixes.find((f) => f.kind === 'accept-substitute')!;
    expect(line.substitutes.map((s) => s.productId)).toContain(fix.productId);
    const after = await value(api.orders.updateDraft({ proposalId: 1001, lines: [{ key: line.key, set: { substitute: { productId: fix.productId!, option: fix.option! } } }] }));
    const now = after.lines.find((l) => l.key === line.key)!;
    expect(now).toMatchObject({ productId: fix.productId, substitutedFor: line.productId, mappedBy: 'substitute', sourceItemIds: line.sourceItemIds });
    expect(now.problems.map((p) => p.code)).not.toContain('out-of-stock');
    expect(now.unitPriceCents).toEqual(expect.any(Number));
  });

  it('re-pricing asks SRS again; a cached price (under 4 h) is reused when opening the draft', async () => {
    await value(api.orders.draft({ proposalId: 1003 }));
    w.srs.resetCounters();
    await value(api.orders.draft({ proposalId: 1003 }));
    expect(w.srs.count('POST /products/v2/price')).toBe(0);
    const repriced = await value(api.orders.reprice({ proposalId: 1003 }));
    expect(w.srs.count('POST /products/v2/price')).toBe(1);
    expect(repriced.oldestPriceAt).not.toBeNull();
  });
});
