import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortalSandbox } from '../../src-main/sandbox/portal/index';
import { launchApp, type E2eApp } from './harness';

let app: E2eApp;

beforeAll(async () => {
  app = await launchApp();
});
afterAll(async () => {
  await app?.close();
});

describe('Portal offline: sync, stop the sandbox, keep working (Chromium)', () => {
  it('syncs proposals (with contacts) on the first visit to Proposals', async () => {
    const { page } = app;
    // Proposals is the first screen: with an empty cache it syncs by itself.
    await page.getByTestId('proposals-last-synced').filter({ hasText: 'just now' }).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Sync', exact: true }).waitFor();
    await page.getByRole('button', { name: /^Proposal 2401 / }).waitFor();
    await expect(page.getByRole('status').filter({ hasText: 'proposals' }).textContent()).resolves.toMatch(/^30 proposals/);
    await app.screenshot('portal-proposals-list');
  });

  it('shows catalog sync progress and cancels it; the next sync resumes', async () => {
    const { page } = app;
    const portal = app.ctx.sandbox!.get<PortalSandbox>('portal');
    portal.faults.set({ latencyMs: 400 });
    await app.nav('Catalog').click();
    await page.getByText('The catalog is empty').waitFor();
    await page.getByRole('button', { name: 'Sync', exact: true }).click();
    const bar = page.getByRole('progressbar', { name: 'Catalog download progress' });
    await page.waitForFunction(() => Number(document.querySelector('[aria-label="Catalog download progress"]')?.getAttribute('aria-valuenow')) > 0);
    await expect(page.getByRole('group', { name: 'Catalog sync' }).textContent()).resolves.toMatch(/Syncing catalog: [\d,]+ of 2,220 · Items: [\d,]+\/s, about \d+ s left/);
    // The first download becomes searchable only when it finishes: the screen says so instead of "empty".
    const downloading = page.getByRole('region', { name: 'Downloading the catalog…' });
    await downloading.getByText(/^[1-9][\d,]* of 2,220 items so far; search opens when the download finishes\.$/).waitFor();
    await app.screenshot('portal-catalog-sync-progress');
    await page.getByRole('button', { name: 'Cancel sync' }).click();
    await bar.waitFor({ state: 'detached' });
    await page.getByText(/last sync was interrupted/).waitFor();
    await page.getByRole('region', { name: 'Catalog download paused' }).getByText(/^Download paused at [1-9][\d,]* of 2,220 items\. Resume it/).waitFor();
    await app.screenshot('portal-catalog-download-paused');
    portal.faults.clear();
  });

  it('syncs the whole catalog from the embedded Portal sandbox', async () => {
    const { page } = app;
    await app.nav('Catalog').click();
    await page.getByRole('heading', { level: 1, name: 'Catalog' }).waitFor();
    await page.getByRole('button', { name: 'Resume download' }).click();
    await page.getByTestId('catalog-count').filter({ hasText: '2,220 items' }).waitFor({ timeout: 60_000 });
    await page.getByText('2,220 matches').waitFor();

  });

  it('with Portal unreachable, still searches the catalog and never renders every row', async () => {
    const { page } = app;
    await app.ctx.sandbox!.close();

    await app.nav('Catalog').click();
    await page.getByText('2,220 matches').waitFor();
    const rendered = await page.getByRole('list', { name: 'Catalog items' }).getByRole('listitem').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(80);

    await page.getByRole('searchbox', { name: 'Search catalog' }).fill('landmark pro');
    const row = page.getByRole('button', { name: 'CertainTeed Landmark Pro Shingles' });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('70122');
    await row.click();
    const panel = page.getByRole('complementary', { name: 'Item CertainTeed Landmark Pro Shingles' });
    await panel.waitFor();
    await expect(panel.textContent()).resolves.toContain('offline');
    await app.screenshot('portal-catalog-offline');

    await page.getByRole('combobox', { name: 'Supplier' }).selectOption('SRS Distribution');
    await page.getByRole('searchbox', { name: 'Search catalog' }).fill('drip');
    await page.getByText(/^\d+ matches/).waitFor();
    const names = await page.getByRole('list', { name: 'Catalog items' }).getByRole('button').allTextContents();
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((n) => n.includes('SRS Distribution'))).toBe(true);
  });

  it('with Portal unreachable, opens a proposal from the cache with its areas, options and change orders', async () => {
    const { page } = app;
    await app.nav('Proposals').click();
    await page.getByRole('combobox', { name: 'Status' }).selectOption('Accepted');
    await page.getByRole('searchbox', { name: 'Search proposals' }).fill('2401');
    await page.getByRole('button', { name: /^Proposal 2401 / }).click();
    const detail = page.getByRole('article', { name: 'Proposal 2401' });
    await detail.waitFor();
    await detail.getByRole('region', { name: 'Area Main Roof' }).waitFor();
    await expect(detail.getByRole('region', { name: /: Accepted$/ }).count()).resolves.toBeGreaterThanOrEqual(2);
    await expect(detail.getByRole('region', { name: /: Declined$/ }).count()).resolves.toBeGreaterThanOrEqual(1);
    await expect(detail.textContent()).resolves.toMatch(/Labor/);
    await expect(page.locator('tr.item-child').count()).resolves.toBeGreaterThan(0);
    await app.screenshot('portal-proposal-offline');

    // Refreshing while offline falls back to the cached copy and says so.
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page.getByText(/^Offline — Last synced/).waitFor({ timeout: 30_000 });

    await detail.getByRole('region', { name: 'Change orders' }).getByRole('button').first().click();
    await page.getByRole('article', { name: /^Change order \d+$/ }).waitFor();
    expect(app.pageErrors).toEqual([]);
  });

  it('with Portal unreachable, searches contacts with their locations', async () => {
    const { page } = app;
    await app.nav('Contacts').click();
    await page.getByRole('searchbox', { name: 'Search contacts' }).fill('plymouth');
    const list = page.getByRole('list', { name: 'Contacts' });
    await list.getByText(/Plymouth, MA 02360/).first().waitFor();
    // The search is debounced: wait until the list shows only the matches.
    await expect.poll(async () => (await list.locator(':scope > li').allTextContents()).every((c) => c.includes('Plymouth'))).toBe(true);
    const total = (await page.getByRole('status').filter({ hasText: 'contact' }).textContent()) ?? '';
    expect(Number(total.split(' ')[0])).toBeGreaterThan(0);
    expect(Number(total.split(' ')[0])).toBeLessThan(32);
    await app.screenshot('portal-contacts-offline');
    expect(app.pageErrors).toEqual([]);
  });
});
