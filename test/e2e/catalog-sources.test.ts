import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src-main/log/logger';
import { startSandboxServer, type SandboxServer } from '../../src-main/sandbox/server';
import { PORTAL_DEMO_CREDENTIALS } from '../../src-main/sandbox/portal/index';
import { launchApp, type E2eApp } from './harness';

describe('SRS branch products beside the Portal catalog (Chromium, sandboxes)', () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await launchApp();
  });
  afterAll(async () => app?.close());

  it('switches to SRS branch products, syncs them and finds one with its branch mark, keyboard included', async () => {
    const { page } = app;
    await app.nav('Catalog').click();
    const portalTab = page.getByRole('tab', { name: 'Portal.io catalog' });
    await expect(portalTab.getAttribute('aria-selected')).resolves.toBe('true');
    await portalTab.focus();
    await page.keyboard.press('ArrowRight');
    const srsTab = page.getByRole('tab', { name: 'SRS branch products' });
    await expect(srsTab.getAttribute('aria-selected')).resolves.toBe('true');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('SRS branch products');

    await page.getByRole('button', { name: 'Sync products' }).click();
    await page.getByLabel('Search SRS products').fill('landmark');
    const row = page.locator('.srs-result', { hasText: 'CertainTeed Landmark Shingles' }).first();
    await row.waitFor({ timeout: 60_000 });
    // With no branch chosen, each product says where it is stocked.
    await row.getByText(/^Stocked at [A-Z]{5}/).waitFor();
    await page.getByRole('tabpanel').getByRole('combobox', { name: 'Branch', exact: true }).selectOption('BRRIV');
    await row.getByText('Available at BRRIV').waitFor();
    await app.screenshot('catalog-srs-tab');
    await app.screenshot('catalog-srs-tab');
    expect(app.pageErrors).toEqual([]);
  });
});

describe('Portal sign-in from Settings (Chromium)', () => {
  let app: E2eApp;
  let portal: SandboxServer;
  beforeAll(async () => {
    // A "live" Portal (a sandbox the app does not own) that the user has to sign in to.
    app = await launchApp({ sandbox: 'off', vaultPassphrase: 'e2e vault passphrase' });
    portal = await startSandboxServer({ dataDir: join(app.dataDir, 'portal-vendor'), log: silentLogger, only: ['portal'] });
    await app.ctx.settings.update({ portalBaseUrl: portal.baseUrl('portal') });
  });
  afterAll(async () => {
    await portal?.close();
    await app?.close();
  });

  it('exchanges username and password for a user key kept in the vault, never the password', async () => {
    const { page } = app;
    await app.nav('Settings').click();
    await page.getByRole('button', { name: 'Sign in to Portal.io with username and password' }).click();
    const form = page.getByRole('form', { name: 'Sign in to Portal.io' });
    await form.getByLabel('Username').fill(PORTAL_DEMO_CREDENTIALS.username);
    await form.getByLabel('Password').fill(PORTAL_DEMO_CREDENTIALS.password);
    await form.getByLabel('App ID (if not saved yet)').fill(PORTAL_DEMO_CREDENTIALS.appId);
    await form.getByLabel('Secret Key (if not saved yet)').fill(PORTAL_DEMO_CREDENTIALS.secretKey);
    await form.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Signed in to Portal.io').first().waitFor();
    await app.screenshot('settings-portal-signin');
    expect(app.ctx.vault.names().sort()).toEqual(['portal.appId', 'portal.secretKey', 'portal.userKey']);
    expect(app.ctx.vault.get('portal.userKey')).toBe(PORTAL_DEMO_CREDENTIALS.userKey);
    // The form closes; the Portal card now says the keys are stored.
    await form.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Sign in to Portal.io with username and password' }).waitFor();
    await app.screenshot('settings-portal-signin');
  });
});
