import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall } from '../helpers/api-call';
import { findLowContrastText } from './contrast';
import { launchApp, type E2eApp } from './harness';

interface AppInfo {
  sandbox: boolean;
  vendors: { vendor: string; mode: string }[];
}

/** A contract call made by the page's browser (not Node) with the given token: the HTTP status. */
async function browserCallStatus(app: E2eApp, token: string | null): Promise<number> {
  return app.page.evaluate(async (t) => {
    const res = await fetch('/api/call/app:info', { method: 'POST', headers: t === null ? {} : { Authorization: `Bearer ${t}` }, body: '{}' });
    return res.status;
  }, token);
}

describe('app shell in Chromium (web host)', () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await launchApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('renders the sidebar, the first screen and its next step', async () => {
    for (const name of ['Proposals', 'Catalog', 'Orders', 'Settings']) {
      await expect(app.nav(name).isVisible()).resolves.toBe(true);
    }
    await expect(app.nav('Proposals').getAttribute('aria-current')).resolves.toBe('page');
    await expect(app.page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Proposals');
    await app.screenshot('shell-proposals-light');
  });

  it('with no vendor configured, runs on the embedded sandbox and says so in a banner', async () => {
    const info = await app.call<AppInfo>('app:info');
    expect(info).toMatchObject({ ok: true, value: { sandbox: true } });
    const simulated = info.ok ? info.value.vendors.filter((v) => v.mode === 'sandbox').map((v) => v.vendor) : [];
    expect(simulated).toEqual(expect.arrayContaining(['portal', 'srs']));
    const banner = app.page.getByRole('region', { name: 'Sandbox mode' });
    await banner.waitFor();
    await expect(banner.textContent()).resolves.toMatch(/^Sandbox — Portal\.io, SRS Distribution are simulated on this computer/);
  });

  it('loads under the strict CSP without a single console error', async () => {
    await app.page.reload();
    await app.page.getByRole('navigation', { name: 'Main' }).waitFor();
    await app.page.waitForTimeout(300);
    expect(app.pageErrors).toEqual([]);
    // The token left the address bar but the tab keeps it, so a reload stays connected.
    expect(new URL(app.page.url()).hash).toBe('');
  });

  it('keyboard: skip link, arrow keys between screens, Enter opens one', async () => {
    const { page } = app;
    await app.nav('Proposals').click();
    await page.reload();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to content');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Proposals');
    await page.keyboard.press('ArrowDown');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Catalog');
    await page.screenshot({ path: join('test-results', 'shell-keyboard-focus.png') });
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Catalog');
    await page.keyboard.press('End');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Settings');
    await page.keyboard.press('ArrowDown');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Proposals');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press(' ');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Orders');
    // The skip link moves focus into the screen.
    await page.reload();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
    // Ctrl+number opens a screen from anywhere; the sidebar's tooltip says which number.
    const settingsKey = /\(Ctrl\+(\d)\)$/.exec((await app.nav('Settings').getAttribute('title')) ?? '')?.[1];
    expect(settingsKey).toMatch(/^[1-9]$/);
    await page.keyboard.press(`Control+${settingsKey}`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Settings');
    await page.keyboard.press('Control+1');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Proposals');
  });

  it('a narrow window collapses the sidebar to icons that keep their names', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 800, height: 700 });
    try {
      await app.nav('Catalog').click();
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Catalog');
      await expect(app.nav('Catalog').getAttribute('title')).resolves.toBe('Catalog (Ctrl+2)');
      const labelWidth = await page.locator('.nav-item[aria-current=page] .nav-label').evaluate((el) => el.getBoundingClientRect().width);
      expect(labelWidth).toBeLessThanOrEqual(1);
      await app.screenshot('shell-narrow-light');
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });

  it('a settings change round-trips: saved in main, read back after a reload', async () => {
    const { page } = app;
    await app.nav('Settings').click();
    const batch = page.getByRole('textbox', { name: 'Price lookup batch size' });
    await batch.fill('75');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved').waitFor();
    expect(app.ctx.settings.get().priceBatchSize).toBe(75);

    await page.reload();
    await app.nav('Settings').click();
    await expect(page.getByRole('textbox', { name: 'Price lookup batch size' }).inputValue()).resolves.toBe('75');
  });

  it('a value main refuses is explained next to the form and changes nothing', async () => {
    const { page } = app;
    await app.nav('Settings').click();
    await page.getByRole('textbox', { name: 'Price lookup batch size' }).fill('9999');
    await page.getByRole('button', { name: 'Save settings' }).click();
    const alert = page.locator('.field-error[role=alert]');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toMatch(/^Price lookup batch size: /);
    await expect(page.getByRole('textbox', { name: 'Price lookup batch size' }).getAttribute('aria-invalid')).resolves.toBe('true');
    expect(app.ctx.settings.get().priceBatchSize).toBe(75);
    await page.getByRole('button', { name: 'Discard changes' }).click();
  });

  it('the theme follows the OS, and the setting pins it', async () => {
    const { page } = app;
    const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.emulateMedia({ colorScheme: 'light' });
    const light = await bg();
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await bg();
    expect(dark).not.toBe(light);
    await app.nav('Settings').click();
    await page.evaluate(() => document.getElementById('main')!.scrollTo(0, 10_000));
    await app.nav('Orders').click();
    await app.nav('Settings').click();
    await expect(page.evaluate(() => document.getElementById('main')!.scrollTop)).resolves.toBe(0);
    await app.screenshot('shell-settings-dark');
    await app.nav('Orders').click();
    await app.screenshot('shell-orders-dark');

    await app.nav('Settings').click();
    await page.getByRole('radio', { name: 'Light' }).click();
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
    expect(await bg()).toBe(light);
    expect(app.ctx.settings.get().theme).toBe('light');
    // Changing one setting leaves the others as they were.
    expect(app.ctx.settings.get().priceBatchSize).toBe(75);
    // A pinned theme applies from the first paint, before (here: without) any settings reply:
    // a tab with no token never reaches main, yet starts in the pinned theme.
    const cold = await app.browser.newPage();
    await cold.goto(`http://127.0.0.1:${app.host.port}/`);
    await cold.getByRole('alert').filter({ hasText: 'Not connected' }).waitFor();
    await expect(cold.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe('light');
    await cold.close();
    await page.getByRole('radio', { name: 'System' }).click();
    await page.waitForFunction(() => document.documentElement.dataset.theme === undefined);
    expect(await bg()).toBe(dark);
    await page.emulateMedia({ colorScheme: 'light' });
    await app.screenshot('shell-settings-light');
  });

  it('text stays readable (WCAG AA contrast) in light and dark, on the shell and Settings', async () => {
    const { page } = app;
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const screen of ['Settings', 'Orders']) {
        await app.nav(screen).click();
        await page.getByRole('heading', { level: 1, name: screen }).waitFor();
        expect(await findLowContrastText(page), `${screen} in ${scheme}`).toEqual([]);
      }
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('job progress from main shows in the sidebar and can be cancelled there', async () => {
    const { page } = app;
    const job = app.ctx.jobs.start('catalog-sync', (signal, report) => {
      report(40, 100, 'Downloading products');
      return new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(new Error('aborted'))));
    });
    const bar = page.getByRole('progressbar', { name: 'Catalog sync progress' });
    await bar.waitFor();
    await expect(bar.getAttribute('aria-valuenow')).resolves.toBe('40');
    await expect(page.getByText('Downloading products · 40 of 100').isVisible()).resolves.toBe(true);
    await app.screenshot('shell-job-progress');
    await page.getByRole('button', { name: 'Cancel Catalog sync' }).click();
    await expect(job.done).rejects.toMatchObject({ code: 'CANCELLED' });
    await page.getByText('Catalog sync was cancelled').waitFor();
    await bar.waitFor({ state: 'detached' });
  });

  it('refuses the contract without the token or with a wrong one, from the browser and from outside', async () => {
    expect(await browserCallStatus(app, null)).toBe(401);
    expect(await browserCallStatus(app, 'wrong')).toBe(401);
    expect(await browserCallStatus(app, app.host.token)).toBe(200);
    const origin = `http://127.0.0.1:${app.host.port}`;
    expect((await apiCall(origin, null, 'app:info')).status).toBe(401);
    expect((await apiCall(origin, `${app.host.token.toUpperCase()}x`, 'app:info')).status).toBe(401);
  });

  it('a page opened without the token says how to connect', async () => {
    const other = await app.browser.newPage();
    await other.goto(`http://127.0.0.1:${app.host.port}/`);
    const alert = other.getByRole('alert').filter({ hasText: 'Not connected' });
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain('npm run web');
    await other.close();
  });
});

describe('credentials through the UI (passphrase vault)', () => {
  let app: E2eApp;
  const canary = 'CANARY-srs-secret-5b1e0c';
  beforeAll(async () => {
    app = await launchApp({ vaultPassphrase: 'correct horse battery staple', colorScheme: 'dark' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('stores a vendor secret, shows only "configured", and never shows the value again', async () => {
    const { page } = app;
    await app.nav('Settings').click();
    const srs = page.locator('form', { has: page.getByRole('heading', { name: 'SRS Distribution' }) });
    await srs.getByRole('textbox', { name: 'Client ID' }).fill('junction-client');
    await srs.getByLabel('Client secret').fill(canary);
    await srs.getByRole('textbox', { name: 'Customer code' }).fill('CUST01');
    await srs.getByRole('button', { name: 'Save SRS Distribution' }).click();
    await page.getByText('SRS Distribution credentials saved').waitFor();
    await expect(srs.locator('.badge').textContent()).resolves.toBe('Configured');
    await expect(srs.getByText('Stored in the encrypted vault on this computer.').isVisible()).resolves.toBe(true);
    await expect(srs.getByLabel('Client secret').inputValue()).resolves.toBe('');
    await expect(srs.getByLabel('Client secret').getAttribute('placeholder')).resolves.toBe('Stored — type to replace');
    await app.screenshot('settings-credentials-dark');

    await page.reload();
    await app.nav('Settings').click();
    await page.getByRole('heading', { name: 'SRS Distribution' }).waitFor();
    expect(await page.content()).not.toContain(canary);
    const status = await app.call('credentials:status');
    expect(JSON.stringify(status)).not.toContain(canary);
    for (const file of readdirSync(app.dataDir, { recursive: true, withFileTypes: true })) {
      if (file.isFile()) expect(readFileSync(join(file.parentPath, file.name)).includes(canary), file.name).toBe(false);
    }
  });

  it('clears them after a confirmation', async () => {
    const { page } = app;
    const srs = page.locator('form', { has: page.getByRole('heading', { name: 'SRS Distribution' }) });
    await srs.getByRole('button', { name: 'Clear stored credentials' }).click();
    await srs.getByRole('button', { name: 'Remove' }).click();
    await page.getByText('SRS Distribution credentials removed').waitFor();
    expect(app.ctx.vault.names().filter((n) => n.startsWith('srs.'))).toEqual([]);
  });
});

describe('without the embedded sandbox', () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await launchApp({ sandbox: 'off' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows no Sandbox banner, as app:info says', async () => {
    await expect(app.call('app:info')).resolves.toMatchObject({ ok: true, value: { sandbox: false } });
    await app.nav('Settings').click();
    await app.page.getByRole('heading', { name: 'About this installation' }).waitFor();
    await expect(app.page.getByRole('region', { name: 'Sandbox mode' }).count()).resolves.toBe(0);
  });
});
