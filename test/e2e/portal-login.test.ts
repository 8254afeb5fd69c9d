import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src-main/log/logger';
import { startSandboxServer, type SandboxServer } from '../../src-main/sandbox/server';
import { PORTAL_DEMO_CREDENTIALS } from '../../src-main/sandbox/portal/index';
import { launchApp, type E2eApp } from './harness';

let app: E2eApp;
let portal: SandboxServer;
let vendorDir: string;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

beforeAll(async () => {
  app = await launchApp({ sandbox: 'off', vaultPassphrase: 'e2e vault passphrase', env: {} });
  vendorDir = join(app.dataDir, 'portal-vendor');
  portal = await startSandboxServer({ dataDir: vendorDir, log: silentLogger, only: ['portal'] });
  await app.ctx.settings.update({ portalBaseUrl: portal.baseUrl('portal') });
});
afterAll(async () => {
  await portal?.close();
  await app?.close();
});

describe('Portal sign-in from the Proposals screen (Chromium)', () => {
  it('refuses a wrong password, then exchanges the right one for a user key and syncs', async () => {
    const { page } = app;
    await app.page.reload();
    await app.nav('Proposals').click();
    await page.getByRole('main').getByRole('alert').filter({ hasText: /credentials are incomplete/ }).waitFor();

    await page.getByRole('button', { name: 'Sign in to Portal' }).click();
    const form = page.getByRole('form', { name: 'Sign in to Portal.io' });
    await form.getByLabel('Username').fill(PORTAL_DEMO_CREDENTIALS.username);
    await form.getByLabel('Password').fill('Wrong-Passw0rd');
    await form.getByLabel('App ID (if not saved yet)').fill(PORTAL_DEMO_CREDENTIALS.appId);
    await form.getByLabel('Secret Key (if not saved yet)').fill(PORTAL_DEMO_CREDENTIALS.secretKey);
    await form.getByRole('button', { name: 'Sign in' }).click();
    await form.getByRole('alert').filter({ hasText: 'refused the username or password' }).waitFor();
    expect(app.ctx.vault.names()).toEqual([]);

    await form.getByLabel('Password').fill(PORTAL_DEMO_CREDENTIALS.password);
    await form.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: /^Proposal 2401 / }).waitFor({ timeout: 60_000 });
    expect(app.ctx.vault.names().sort()).toEqual(['portal.appId', 'portal.secretKey', 'portal.userKey']);

    // The password is nowhere on disk: not in the vault file, the database or the logs.
    for (const file of filesUnder(app.dataDir).filter((f) => !f.startsWith(vendorDir))) {
      const bytes = readFileSync(file);
      expect(bytes.includes(Buffer.from(PORTAL_DEMO_CREDENTIALS.password)), file).toBe(false);
      expect(bytes.includes(Buffer.from('Wrong-Passw0rd')), file).toBe(false);
    }
    expect(app.pageErrors).toEqual([]);
  });
});
