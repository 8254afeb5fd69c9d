import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderDetail } from '../../src-shared/ipc/orders';
import type { ProposalDetail, ProposalItem } from '../../src-shared/ipc/proposals';
import { ProposalsRepo } from '../../src-main/store/portal/proposals-repo';
import type { SrsSandbox } from '../../src-main/sandbox/srs/srs-sandbox';
import { startOrdersRuntime, type OrdersRuntime } from '../../src-main/services/orders/runtime';
import { findLowContrastText } from './contrast';
import { launchApp, ROOT, type E2eApp } from './harness';

/*
 * Proposal → SRS order in Chromium against the embedded Portal and SRS sandboxes: the
 * review screen, its one-click fixes, submission, and the order tracking itself to
 * delivered (SRS moves one status step every 2.5 s here; the app polls every second).
 */

let app: E2eApp;
let runtime: OrdersRuntime;

beforeAll(async () => {
  app = await launchApp();
  app.ctx.sandbox!.get<SrsSandbox>('srs').configure({ statusStepMs: 2500 });
  // What the desktop app and the web host run in the background: outbox worker + status poller.
  runtime = startOrdersRuntime(app.ctx, { pollIntervalMs: 1000, workerIntervalMs: 500 });
});
afterAll(async () => {
  await runtime?.stop();
  await app?.close();
});

const submitButton = (page: Page) => page.getByRole('button', { name: /^Submit (order|amendment)$/ });
const linesTable = (page: Page) => page.getByRole('table', { name: 'Order lines' });
/** A draft line (its row and its problems) by the proposal item it orders. */
const line = (page: Page, item: RegExp) => page.locator('.line', { has: page.getByRole('row', { name: item }) });

async function openProposal(page: Page, app: E2eApp, number: number) {
  await app.nav('Proposals').click();
  // The Proposals screen keeps the last proposal open; go back to the list first.
  const back = page.getByRole('button', { name: '← All proposals' });
  if (await back.isVisible()) await back.click();
  const row = page.getByRole('button', { name: new RegExp(`^Proposal ${number} `) });
  await row.waitFor({ timeout: 60_000 });
  await row.click();
  await page.getByRole('heading', { level: 2, name: new RegExp(`Proposal #${number}`) }).waitFor();
}

/** Waits until the draft answered the last edit (the status line stops saying "Saving…"). */
async function settled(page: Page) {
  await page.locator('.review-screen[aria-busy="false"]').waitFor();
}

/** Clicks the first button of every remaining "choose the option" problem, one line at a time. */
async function chooseOptions(page: Page) {
  for (;;) {
    await settled(page);
    const problem = page.locator('[data-problem="choose-option"]').first();
    if ((await problem.count()) === 0) return;
    const before = await page.locator('[data-problem="choose-option"]').count();
    await problem.locator('.fix-row button').first().click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-problem="choose-option"]').length < n, before);
  }
}

async function leaveOff(page: Page, item: RegExp) {
  const l = line(page, item);
  await l.getByRole('button', { name: 'Leave this line off the order' }).click();
  await l.waitFor({ state: 'detached' });
}

async function blockingProblems(page: Page): Promise<string[]> {
  return page.locator('.problem-blocking .problem-message').allTextContents();
}

/** What the submit bar says next to Submit: whether it is disabled, and the first reason why. */
async function submitNote(page: Page): Promise<{ head: string | null; reason: string }> {
  const bar = page.getByRole('region', { name: 'Totals and submit' });
  const head = bar.locator('.reason-head');
  return {
    head: (await head.count()) ? await head.textContent() : null,
    reason: ((await bar.locator('.reason-first').count()) ? await bar.locator('.reason-first').textContent() : await bar.locator('.submit-reason').textContent()) ?? '',
  };
}

describe('proposal → SRS order (Chromium, sandboxes)', () => {
  it('Create order on an accepted proposal, fix the flagged lines (one by picking a suggestion), submit, and watch the order reach delivered', async () => {
    const { page } = app;
    await openProposal(page, app, 2401);
    const create = page.getByRole('button', { name: 'Create order' });
    await expect(create.isEnabled()).resolves.toBe(true);
    await app.screenshot('orders-1-proposal-create-order');

    await create.click();
    await linesTable(page).waitFor({ timeout: 60_000 });
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('New order');

    // Problems are shown inline and Submit is disabled with the first reason.
    await expect(submitButton(page).isDisabled()).resolves.toBe(true);
    const blocking = await blockingProblems(page);
    expect(blocking.length).toBeGreaterThan(3);
    await expect(submitNote(page)).resolves.toEqual({ head: `Submit is disabled · ${blocking.length} things to fix:`, reason: blocking[0]!.replace(/^Blocking problem: /, '') });
    // Units: 95 LF of drip edge → 10 PC, 5 LF extra (the seed's drip edge lines round up).
    await expect(page.locator('.over-order').first().textContent()).resolves.toMatch(/^\d+ LF extra$/);
    // Header defaults: PO number is the proposal number and name, the change order is included.
    await expect(page.getByLabel('PO number').inputValue()).resolves.toBe('2401 Garcia re-roof');
    await expect(page.getByRole('checkbox', { name: /Include change order #1/ }).isChecked()).resolves.toBe(true);
    await app.screenshot('orders-2-review-problems');

    // The nails are not sold at this branch: pick the first suggested product instead.
    const nails = line(page, /Maze Nails 1" Hot-Dip Galvanized Coil Roofing Nails/);
    await expect(nails.locator('[data-problem="not-stocked"]').count()).resolves.toBe(1);
    const suggestions = nails.getByRole('list', { name: /^Suggested SRS products/ });
    await expect(suggestions.locator('.suggestion-name').first().textContent()).resolves.toBe('Maze Nails 1-1/4" Hot-Dip Galvanized Coil Roofing Nails');
    await suggestions.getByRole('button').first().click();
    await settled(page);
    await expect(nails.locator('.product-name').textContent()).resolves.toBe('Maze Nails 1-1/4" Hot-Dip Galvanized Coil Roofing Nails');
    await expect(nails.locator('[data-problem="not-stocked"]').count()).resolves.toBe(0);
    await expect(nails.locator('.mapped-by').textContent()).resolves.toBe('Chosen for this order');

    // The step flashing is not stocked either: pick a suggestion that comes in colours, choosing one.
    const flashing = line(page, /Amerimax 4 x 5 x 7 Aluminum Step Flashing/);
    await flashing.getByRole('combobox', { name: 'Use Amerimax 5 x 5 x 7 Aluminum Step Flashing' }).selectOption('Mill');
    await settled(page);
    await expect(flashing.locator('.product-name').textContent()).resolves.toBe('Amerimax 5 x 5 x 7 Aluminum Step Flashing');
    await expect(flashing.locator('.option-select').inputValue()).resolves.toBe('Mill');

    await chooseOptions(page);
    // A dumpster and a package name are not SRS products: leave them off (they can be put back).
    await leaveOff(page, /Dumpster rental/);
    await leaveOff(page, /Roof ventilation package/);
    await expect(page.locator('.removed-lines').textContent()).resolves.toContain('Dumpster rental (20 yd)');

    await settled(page);
    await expect(blockingProblems(page)).resolves.toEqual([]);
    await expect(submitButton(page).isEnabled()).resolves.toBe(true);
    await expect(submitNote(page)).resolves.toEqual({ head: null, reason: 'Prices and stock are checked again with SRS before the order is sent.' });
    const total = await page.getByTestId('draft-total').textContent();
    await app.screenshot('orders-3-review-ready');

    await submitButton(page).click();
    const title = page.getByRole('heading', { level: 1 });
    await title.filter({ hasText: /^Order #1/ }).waitFor({ timeout: 30_000 });
    await expect(page.getByRole('region', { name: 'Notifications' }).textContent()).resolves.toContain('Order #1 placed');
    await expect(page.getByTestId('supplier-order-id').textContent()).resolves.toMatch(/^\S+$/);
    await expect(page.locator('.order-lines tfoot .total-strong').textContent()).resolves.toBe(total);
    await app.screenshot('orders-4-order-submitted');

    // SRS will invoice one line at a higher price and another short by one: the order must say so.
    const placed = await app.call<OrderDetail>('orders:get', { id: 1 });
    if (!placed.ok) throw new Error(placed.error.message);
    const [a, b] = placed.value.lines;
    const srs = app.ctx.sandbox!.get<SrsSandbox>('srs');
    // (every answer from now on: the poller asks more than once)
    srs.injectFault({ endpoint: 'GET /invoices/v2/list', kind: 'malformed', path: 'invoices.0.lines.0.price', value: a!.unitPriceCents / 100 + 1.5, times: 1000 });
    srs.injectFault({ endpoint: 'GET /invoices/v2/list', kind: 'malformed', path: 'invoices.0.lines.1.quantity', value: b!.quantity - 1, times: 1000 });

    // No clicks from here: the poller finds each SRS step and the screen follows the events.
    await title.filter({ hasText: 'Delivered' }).waitFor({ timeout: 60_000 });
    await page.getByRole('region', { name: 'Notifications' }).filter({ hasText: /delivered/i }).waitFor();
    const timeline = await page.locator('.timeline').textContent();
    for (const step of ['Submitted', 'Acknowledged', 'Shipped', 'Delivered']) expect(timeline).toContain(step);
    await page.getByText(/^Signed by /).waitFor();
    await expect(page.getByRole('link', { name: /Photo 1/ }).getAttribute('href')).resolves.toMatch(/^http:\/\/127\.0\.0\.1:\d+\/srs\//);
    const diffs = page.getByRole('list', { name: /^Differences on invoice / });
    await diffs.waitFor();
    const found = (await diffs.getByRole('listitem').allTextContents()).map((t) => t.trim());
    expect(found).toHaveLength(2);
    expect(found[0]).toContain(a!.productName);
    expect(found[1]).toBe(`${b!.productName} (${b!.productId}): ordered ${b!.quantity} ${b!.uom}, invoiced ${b!.quantity - 1} ${b!.uom}.`);
    await expect(page.locator('.invoice-head .badge').textContent()).resolves.toBe('2 differences');
    await expect(page.getByRole('button', { name: 'Cancel order…' }).count()).resolves.toBe(0);
    await app.screenshot('orders-5-order-delivered');
    await diffs.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await app.screenshot('orders-5b-deliveries-invoice-differences');

    // The list: supplier, status, total; filterable.
    await app.nav('Orders').click();
    const row = page.locator('.order-row', { hasText: '#2401 · Garcia re-roof' });
    await row.waitFor();
    await expect(row.textContent()).resolves.toMatch(/SRS Distribution.*Delivered.*2 invoice differences/);
    await expect(row.locator('td.num').textContent()).resolves.toBe(total);
    await app.screenshot('orders-6-list');
    await page.getByRole('combobox', { name: 'Status' }).selectOption('cancelled');
    await page.getByText('No orders match').waitFor();
    await page.getByRole('combobox', { name: 'Status' }).selectOption('');
    await page.getByRole('searchbox', { name: 'Search orders' }).fill('Garcia');
    await row.waitFor();
    expect(app.pageErrors).toEqual([]);
  });

  it('Submit stays disabled, with the reason, while one blocking problem remains; header fields are checked too', async () => {
    const { page } = app;
    await openProposal(page, app, 2402);
    await page.getByRole('button', { name: 'Create order' }).click();
    await linesTable(page).waitFor({ timeout: 60_000 });

    await chooseOptions(page);
    for (const item of [/Maze Nails 1" Hot-Dip/, /Amerimax 4 x 5 x 7 Aluminum Step Flashing/]) await leaveOff(page, item);
    // None of the suggestions fits the ventilation package: search the SRS catalog for it instead.
    const vent = line(page, /Roof ventilation package/);
    await vent.getByRole('button', { name: 'Search SRS products…' }).click();
    const finder = vent.getByRole('group', { name: 'Find an SRS product for Roof ventilation package' });
    await finder.getByRole('searchbox', { name: 'Search SRS products' }).fill('cobra rigid vent');
    const hit = finder.locator('.finder-hit', { hasText: 'GAF Cobra Rigid Vent 3' });
    await hit.getByRole('combobox').selectOption('Black');
    await hit.getByRole('button', { name: 'Use this product' }).click();
    await settled(page);
    await expect(vent.locator('.product-name').textContent()).resolves.toBe('GAF Cobra Rigid Vent 3');
    await settled(page);
    // One blocking problem is left: the unmapped dumpster.
    await expect(blockingProblems(page)).resolves.toEqual(['Blocking problem: Dumpster rental (20 yd) has no SRS product yet: search the catalog to map it.']);
    await expect(submitButton(page).isDisabled()).resolves.toBe(true);
    await expect(submitNote(page)).resolves.toEqual({ head: 'Submit is disabled:', reason: 'Dumpster rental (20 yd) has no SRS product yet: search the catalog to map it.' });
    await submitButton(page).click({ force: true });
    await line(page, /Dumpster rental/).evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await app.screenshot('orders-7-submit-disabled-reason');
    const listed = await app.call<{ total: number }>('orders:list', { proposalId: 1002 });
    expect(listed).toMatchObject({ ok: true, value: { total: 0 } });

    await leaveOff(page, /Dumpster rental/);
    await settled(page);
    await expect(submitButton(page).isEnabled()).resolves.toBe(true);

    // A required contact field left empty blocks Submit, shows on the field, and names itself as the reason.
    const phone = page.getByLabel('Phone');
    const saved = await phone.inputValue();
    await phone.fill('12');
    await phone.press('Enter');
    await settled(page);
    await phone.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await expect(phone.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(submitButton(page).isDisabled()).resolves.toBe(true);
    await expect(submitNote(page)).resolves.toEqual({ head: 'Submit is disabled:', reason: 'The contact phone "12" has too few digits.' });
    await app.screenshot('orders-8-header-issue');
    await phone.fill(saved);
    await phone.press('Tab');
    await settled(page);
    await expect(submitButton(page).isEnabled()).resolves.toBe(true);

    // Will call: picked up at the branch, so the ship-to address is no longer required.
    await page.getByRole('radio', { name: 'Will Call' }).click();
    await settled(page);
    await expect(page.getByLabel('Pick-up date').inputValue()).resolves.toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await expect(page.locator('#ship-to-title + .card-subtitle').textContent()).resolves.toMatch(/^Will call/);
    await page.getByRole('radio', { name: 'Will Call' }).press('ArrowLeft');
    await settled(page);
    await expect(page.getByRole('radio', { name: 'Roof Load' }).getAttribute('aria-checked')).resolves.toBe('true');
    await page.getByRole('radio', { name: 'Roof Load' }).press('ArrowLeft');
    await settled(page);
    await expect(page.getByRole('radio', { name: 'Ground Drop' }).getAttribute('aria-checked')).resolves.toBe('true');

    // Re-price fetches every price again; nothing new blocks the order.
    await page.getByRole('button', { name: 'Re-price' }).click();
    await settled(page);
    await expect(page.locator('.sync-note').textContent()).resolves.toBe('Prices from just now');
    await expect(submitButton(page).isEnabled()).resolves.toBe(true);

    // Escape puts a field back; Enter in a quantity saves it.
    const po = page.getByLabel('PO number');
    const poBefore = await po.inputValue();
    await po.fill('typo');
    await po.press('Escape');
    await expect(po.inputValue()).resolves.toBe(poBefore);
    const qty = page.getByRole('spinbutton', { name: /^Quantity to order, GAF WeatherWatch/ });
    await qty.fill('9');
    await qty.press('Enter');
    await settled(page);
    await expect(qty.inputValue()).resolves.toBe('9');
    await expect(line(page, /GAF WeatherWatch/).getByRole('button', { name: /^Undo changes/ }).isVisible()).resolves.toBe(true);
  });

  it('a proposal that was already ordered links to its order and asks before a second one', async () => {
    const { page } = app;
    await openProposal(page, app, 2401);
    await page.getByText('Already ordered:').waitFor();
    await page.getByRole('button', { name: 'Create order' }).click();
    const dialog = page.getByRole('dialog', { name: 'Proposal #2401 was already ordered' });
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toContain('Order #1 (delivered');
    await app.screenshot('orders-9-already-ordered');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: 'Create order' }).click();
    await dialog.getByRole('button', { name: 'Create another order' }).click();
    await linesTable(page).waitFor({ timeout: 60_000 });
    const again = page.getByRole('checkbox', { name: 'I want to order this proposal again' });
    await expect(again.isChecked()).resolves.toBe(true);
    await again.uncheck();
    await expect(submitNote(page).then((n) => n.reason)).resolves.toBe('Proposal #2401 was already ordered (order #1); confirm that you want to order it again.');
    await page.getByRole('alert').getByRole('button', { name: '#1' }).click();
    await page.getByRole('heading', { level: 1 }).filter({ hasText: /^Order #1/ }).waitFor();
  });

  it('an order can be amended (cancel + re-place, linked both ways) and cancelled while SRS allows it', async () => {
    const { page } = app;
    // Slow SRS down so the orders stay before "shipped", when SRS still accepts a cancel.
    app.ctx.sandbox!.get<SrsSandbox>('srs').configure({ statusStepMs: 600_000 });
    // The draft of 2402 kept every fix made in the test above.
    await openProposal(page, app, 2402);
    await page.getByRole('button', { name: 'Create order' }).click();
    await linesTable(page).waitFor({ timeout: 60_000 });
    await settled(page);
    await submitButton(page).click();
    const title = page.getByRole('heading', { level: 1 });
    await title.filter({ hasText: /^Order #2/ }).waitFor({ timeout: 30_000 });

    await page.getByRole('button', { name: 'Amend…' }).click();
    const amend = page.getByRole('dialog', { name: 'Amend order #2?' });
    await amend.waitFor();
    await app.screenshot('orders-10-amend-confirm');
    await amend.getByRole('button', { name: 'Open the amendment' }).click();
    await title.filter({ hasText: 'Amend order #2' }).waitFor({ timeout: 60_000 });
    await settled(page);
    const qty = page.getByRole('spinbutton', { name: /^Quantity to order, GAF WeatherWatch/ });
    await qty.fill('10');
    await qty.press('Enter');
    await settled(page);
    await app.screenshot('orders-11-amend-review');
    await submitButton(page).click();
    await title.filter({ hasText: /^Order #3/ }).waitFor({ timeout: 30_000 });
    const timeline = page.locator('.timeline');
    await timeline.getByRole('button', { name: 'order #2' }).click();
    await title.filter({ hasText: /^Order #2.*Cancelled/ }).waitFor();
    await expect(timeline.textContent()).resolves.toContain('Amended by order #3');
    await expect(page.getByRole('button', { name: 'Cancel order…' }).count()).resolves.toBe(0);
    await app.screenshot('orders-12-amended-order');

    await timeline.getByRole('button', { name: 'order #3' }).click();
    await title.filter({ hasText: /^Order #3/ }).waitFor();
    await page.getByRole('button', { name: 'Cancel order…' }).click();
    const cancel = page.getByRole('dialog', { name: 'Cancel order #3?' });
    await cancel.getByLabel(/^Reason/).fill('Customer postponed the job');
    await app.screenshot('orders-13-cancel-confirm');
    await cancel.getByRole('button', { name: 'Cancel the order' }).click();
    await title.filter({ hasText: 'Cancelled' }).waitFor();
    await expect(timeline.textContent()).resolves.toContain('Customer postponed the job');
    await expect(page.getByRole('button', { name: 'Cancel order…' }).count()).resolves.toBe(0);
    expect(app.ctx.sandbox!.get<SrsSandbox>('srs').orders().filter((o) => o.status === 'Cancelled')).toHaveLength(2);
    await app.screenshot('orders-14-cancelled');
  });

  it('reads well in light and dark (WCAG AA contrast): review screen with problems, order detail, list', async () => {
    const { page } = app;
    await openProposal(page, app, 2401);
    await page.getByRole('button', { name: 'Create order' }).click();
    await page.getByRole('dialog', { name: 'Proposal #2401 was already ordered' }).getByRole('button', { name: 'Create another order' }).click();
    await linesTable(page).waitFor({ timeout: 60_000 });
    await page.locator('[data-problem]').first().waitFor();
    // The mapping confirmed on proposal 2402 (ventilation package → GAF Cobra Rigid Vent 3) is used here by itself.
    const remembered = line(page, /Roof ventilation package/);
    await expect(remembered.locator('.product-name').textContent()).resolves.toBe('GAF Cobra Rigid Vent 3');
    await expect(remembered.locator('.mapped-by').textContent()).resolves.toBe('Saved mapping');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.evaluate(() => document.getElementById('main')!.scrollTo(0, 0));
      expect(await findLowContrastText(page), `review screen in ${scheme}`).toEqual([]);
      if (scheme === 'dark') await app.screenshot('orders-15-review-dark');
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await page.evaluate(() => document.getElementById('main')!.scrollTo(0, document.getElementById('main')!.scrollHeight));
    await app.screenshot('orders-16-review-header-cards');
    // A narrow window keeps every column reachable: the table scrolls sideways inside its card.
    await page.setViewportSize({ width: 900, height: 800 });
    try {
      await page.evaluate(() => document.getElementById('main')!.scrollTo(0, 0));
      const table = await linesTable(page).evaluate((el) => ({ client: el.clientWidth, scroll: el.scrollWidth }));
      expect(table.scroll).toBeGreaterThan(table.client);
      await linesTable(page).evaluate((el) => el.scrollTo(el.scrollWidth, 0));
      await expect(page.getByRole('button', { name: /^Remove GAF Timberline HDZ Shingles from the order$/ }).isVisible()).resolves.toBe(true);
      await app.screenshot('orders-16b-review-narrow');
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }

    await app.nav('Orders').click();
    await page.locator('.order-row').first().waitFor();
    await page.getByRole('button', { name: /^Order 1, proposal 2401/ }).click();
    await page.getByRole('heading', { level: 1 }).filter({ hasText: /^Order #1/ }).waitFor();
    await page.locator('.invoice').first().waitFor();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await findLowContrastText(page), `order detail in ${scheme}`).toEqual([]);
      if (scheme === 'dark') {
        await app.screenshot('orders-17-detail-dark');
        await page.evaluate(() => document.getElementById('main')!.scrollTo(0, document.getElementById('main')!.scrollHeight));
        await app.screenshot('orders-18-detail-deliveries-invoices-dark');
      }
      await page.getByRole('button', { name: '← All orders' }).click();
      await page.locator('.order-row').first().waitFor();
      expect(await findLowContrastText(page), `orders list in ${scheme}`).toEqual([]);
      if (scheme === 'dark') await app.screenshot('orders-19-list-dark');
      await page.getByRole('button', { name: /^Order 1, proposal 2401/ }).click();
      await page.locator('.invoice').first().waitFor();
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('a draft of more than 100 lines renders only the rows in view and scrolls to the last one', async () => {
    const { page } = app;
    // A large accepted proposal: 150 SRS catalog items in one accepted option, put in the
    // app's proposal cache the way a proposal sync stores it.
    const reply = await app.call<{ proposal: ProposalDetail }>('proposals:get', { id: 1003 });
    if (!reply.ok) throw new Error(reply.error.message);
    const base = reply.value.proposal;
    const catalog = JSON.parse(readFileSync(join(ROOT, 'resources/sandbox/portal/catalog.json'), 'utf8')) as {
      items: { id: number; brand: string; model: string; desc: string; sup: string; cost: number; sell: number; msrp: number }[];
    };
    const srsItems = catalog.items.filter((i) => i.sup === 'SRS Distribution' && i.cost > 0).slice(0, 150);
    const items: ProposalItem[] = srsItems.map((c, i) => ({
      id: 7_000_000 + i,
      parentId: null,
      itemType: 'Part',
      referencedItemId: c.id,
      brand: c.brand,
      model: c.model,
      name: `${c.brand} ${c.model}`,
      description: c.desc,
      supplier: c.sup,
      quantity: 2,
      costCents: c.cost,
      sellPriceCents: c.sell,
      msrpCents: c.msrp,
      totalCents: c.sell * 2,
    }));
    const total = items.reduce((sum, i) => sum + i.totalCents, 0);
    const big: ProposalDetail = {
      ...base,
      areas: [{ id: 1, name: 'Whole house', options: [{ id: 1, status: 'Accepted', clientDescription: 'Everything', installerDescription: '', totalCents: total, items }] }],
      changeOrders: [],
    };
    new ProposalsRepo(app.ctx.db).saveDetail(big, [], new Date().toISOString());
    const last = items[items.length - 1]!;

    await openProposal(page, app, 2403);
    await page.getByRole('button', { name: 'Create order' }).click();
    await linesTable(page).waitFor({ timeout: 90_000 });
    const subtitle = await page.locator('#lines-title + .card-subtitle').textContent();
    const count = Number(/^(\d+) lines/.exec(subtitle ?? '')?.[1]);
    expect(count).toBeGreaterThan(100);
    const rendered = await page.locator('.lines-virtual .line').count();
    expect(rendered).toBeGreaterThan(3);
    expect(rendered).toBeLessThan(40);
    await app.screenshot('orders-20-large-draft');

    const scroller = page.locator('.lines-scroll');
    const lastRow = page.getByRole('row', { name: new RegExp(`^Line ${count}: `) });
    for (let i = 0; i < 20 && !(await lastRow.isVisible()); i++) {
      await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight));
      await page.waitForTimeout(100);
    }
    await expect(lastRow.isVisible()).resolves.toBe(true);
    await expect(page.locator('.lines-virtual .line').count()).resolves.toBeLessThan(40);
    expect(await page.locator('.lines-virtual .line-title').allTextContents()).toContain(`${last.brand} ${last.model}`);
    await app.screenshot('orders-21-large-draft-scrolled');
  });
});
