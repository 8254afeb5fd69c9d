import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src-main/log/logger';
import { startSandboxServer, type SandboxServer } from '../../src-main/sandbox/server';
import { tempDir } from '../helpers/temp-dir';
import { CANARY, canarySandboxConfig, canaryValues, findLeaks } from '../integration/hardening/lib/canaries';
import { record } from '../integration/hardening/lib/soak';
import { launchApp, type E2eApp } from './harness';

const PROBE = 'junction-heap-probe-5d1c7a';

/**
 * The renderer never holds a secret: with canary credentials configured in main (environment
 * and vault), the real renderer in Chromium goes through every screen while main syncs Portal
 * and SRS with them; then a V8 heap snapshot of the page (via CDP, after a GC), its DOM and
 * its storage are searched for the canaries.
 */
describe('renderer memory holds no secret (Chromium heap snapshot)', () => {
  let dir: ReturnType<typeof tempDir>;
  let server: SandboxServer;
  let app: E2eApp;

  beforeAll(async () => {
    dir = tempDir('junction-heap-');
    server = await startSandboxServer({ dataDir: join(dir.path, 'vendor'), log: createLogger({ level: 'error' }), only: ['portal', 'srs'], config: canarySandboxConfig });
    app = await launchApp({
      sandbox: 'off',
      vaultPassphrase: 'heap test passphrase',
      env: {
        JUNCTION_LOG_LEVEL: 'debug',
        JUNCTION_PORTAL_URL: server.baseUrl('portal'),
        JUNCTION_PORTAL_APP_ID: CANARY.portal.appId,
        JUNCTION_PORTAL_SECRET: CANARY.portal.secretKey,
        JUNCTION_PORTAL_USER_KEY: CANARY.portal.userKey,
        JUNCTION_SRS_URL: server.baseUrl('srs'),
        JUNCTION_SRS_CLIENT_ID: CANARY.srs.clientId,
        JUNCTION_SRS_CLIENT_SECRET: CANARY.srs.clientSecret,
        JUNCTION_SRS_CUSTOMER_CODE: 'DEMO001',
        JUNCTION_SRS_INTEGRATION_KEY: CANARY.srs.integrationKey,
      },
    });
  });
  afterAll(async () => {
    await app?.close();
    await server?.close();
    dir?.cleanup();
  });

  it('no canary in the heap snapshot, the DOM or storage, after every screen and a sync of each vendor', async () => {
    const { page } = app;
    // Main uses the canaries: Portal sign-in with the password (user key to the vault), syncs, SRS validation and prices.
    expect(await app.call('portal:login', { username: CANARY.portal.username, password: CANARY.portal.password })).toMatchObject({ ok: true });
    expect(await app.call('srs:validate', {})).toMatchObject({ ok: true, value: { valid: true } });
    expect(await app.call('srs:setDefaults', { branchCode: 'BRRIV', jobAccountNumber: 1 })).toMatchObject({ ok: true });
    expect(await app.call('srs:price', { lines: [{ productId: 75664, uom: 'BD', quantity: 30 }] })).toMatchObject({ ok: true });
    const wrong = await app.call('portal:login', { username: CANARY.portal.username, password: CANARY.wrongPassword });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });

    // Every screen of the renderer, pressing its sync button where it has one.
    const nav = page.getByRole('navigation', { name: 'Main' }).getByRole('button');
    const screens = await nav.allInnerTexts();
    expect(screens.length).toBeGreaterThanOrEqual(4);
    for (const label of screens.map((s) => s.split('\n')[0]!.trim()).filter(Boolean)) {
      await app.nav(label).click();
      await page.waitForTimeout(300);
      const sync = page.getByRole('button', { name: /^(Sync|Refresh|Validate)/ }).first();
      if (await sync.isVisible().catch(() => false)) {
        await sync.click().catch(() => undefined);
        await page.waitForTimeout(1_500);
      }
    }
    await app.nav('Proposals').click();
    await page.getByRole('button', { name: /^Proposal 2401 / }).waitFor({ timeout: 60_000 });
    await page.evaluate(`window.__junctionProbe = '${PROBE}'`);

    // The page's V8 heap, after a collection.
    const cdp = await page.context().newCDPSession(page);
    const chunks: string[] = [];
    cdp.on('HeapProfiler.addHeapSnapshotChunk', (e) => chunks.push(e.chunk));
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    await cdp.detach();
    const heap = chunks.join('');
    const dom = await page.content();
    const storage = await page.evaluate(() => JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage } }));

    const secrets = canaryValues();
    const places = [
      { name: 'renderer heap snapshot', text: heap },
      { name: 'DOM', text: dom },
      { name: 'local and session storage', text: storage },
    ];
    const leaks = findLeaks(secrets, places);
    record('Secrets: renderer memory', {
      canaries: secrets.length,
      screensVisited: screens.length,
      heapSnapshotMB: Math.round(heap.length / 1e5) / 10,
      leaks: leaks.length,
    });
    expect(leaks).toEqual([]);
    // The snapshot is the live page: it holds what the page set and what main sent it.
    expect(heap).toContain(PROBE);
    const proposalName = (app.ctx.db.prepare('SELECT name FROM portal_proposals WHERE number = 2401').get() as { name: string }).name;
    expect(heap).toContain(proposalName);
    expect(findLeaks([PROBE], places)).toEqual([`${PROBE} in renderer heap snapshot`]);
    expect(app.pageErrors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  }, 240_000);
});
