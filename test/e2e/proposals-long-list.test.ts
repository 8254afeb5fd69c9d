import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProposalSummary } from '../../src-shared/ipc/proposals';
import { seedProposals } from '../bench/lib/proposals-seed';
import { launchApp, type E2eApp } from './harness';

const COUNT = 1_600;
const ROW_HEIGHT = 56;

let app: E2eApp;

beforeAll(async () => {
  app = await launchApp({ sandbox: 'off' });
  // A large Portal account already in the cache; the page opened before it was there.
  seedProposals(app.ctx.db, COUNT);
  await app.page.reload();
});
afterAll(async () => {
  await app?.close();
});

describe('a long proposals list (Chromium)', () => {
  it('spans every proposal at once: dragging to the end shows the last one, pages load as they come into view', async () => {
    const { page } = app;
    await expect(page.getByRole('status').filter({ hasText: 'proposals' }).textContent()).resolves.toMatch(/^1,600 proposals/);
    const list = page.getByRole('list', { name: 'Proposals' });
    await list.getByRole('listitem').first().getByRole('button').waitFor();
    // The scrollbar covers all 1,600 rows before anything beyond the first page has loaded.
    const height = await list.evaluate((el) => el.scrollHeight);
    expect(height).toBeGreaterThanOrEqual(COUNT * ROW_HEIGHT);

    const last = await app.call<{ items: ProposalSummary[] }>('proposals:list', { sort: 'modified', direction: 'desc', offset: COUNT - 1, limit: 1 });
    if (!last.ok) throw new Error(last.error.message);
    const lastProposal = last.value.items[0]!;
    await list.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await page.getByRole('button', { name: `Proposal ${lastProposal.number} ${lastProposal.name}` }).waitFor();
    await expect(list.getByText('Loading…').count()).resolves.toBe(0);
    // Only the rows in view (and a few around them) are in the DOM.
    expect(await list.getByRole('listitem').count()).toBeLessThan(40);

    // Back to the middle: that page loads too.
    const middle = await app.call<{ items: ProposalSummary[] }>('proposals:list', { sort: 'modified', direction: 'desc', offset: 800, limit: 1 });
    if (!middle.ok) throw new Error(middle.error.message);
    await list.evaluate((el, top) => (el.scrollTop = top), 800 * ROW_HEIGHT);
    await page.getByRole('button', { name: `Proposal ${middle.value.items[0]!.number} ${middle.value.items[0]!.name}` }).waitFor();
    await app.screenshot('proposals-long-list');
    expect(app.pageErrors).toEqual([]);
  });
});
