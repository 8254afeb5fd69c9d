import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../helpers/temp-dir';
import { rendererTransport } from '../../helpers/renderer-api';

vi.mock('../../../src-renderer/api', async () => (await import('../../helpers/renderer-api')).rendererApiModule());

// electron-store (under the safeStorage vault) asks Electron for paths; Electron is not installed here.
vi.mock('electron', async () => (await import('../app/electron-fake')).electronModule());

const { contract } = await import('../../../src-shared/ipc/contract');
const { silentLogger } = await import('../../../src-main/log/logger');
const { createAppContext } = await import('../../../src-main/services/context');
const { createHandlers } = await import('../../../src-main/services/handlers');
const { createDispatcher } = await import('../../../src-main/services/ipc/dispatch');
const { SafeStorageVault } = await import('../../../src-main/vault/safe-storage-vault');

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** An OS without a keyring: Electron's safeStorage falls back to its plain-text backend. */
const keyringless = {
  isEncryptionAvailable: () => true,
  getSelectedStorageBackend: () => 'basic_text',
  encryptString: (s: string) => Buffer.from(s, 'utf8'),
  decryptString: (b: Buffer) => b.toString('utf8'),
};

const CANARY = 'CANARY-portal-secret-91c2';

/**
 * The Settings screen in jsdom over the real main side: the renderer's api is the contract
 * over the real dispatcher, services, SQLite file and the safeStorage vault.
 */
describe('Settings screen: credentials on a system without a keyring', () => {
  const dir = tempDir('junction-settings-ui-');
  let ctx: Awaited<ReturnType<typeof createAppContext>>;
  let root: Root;
  let host: HTMLElement;

  beforeAll(async () => {
    vi.stubEnv('JUNCTION_DATA_DIR', dir.path);
    ctx = await createAppContext({ dataDir: dir.path, env: {}, log: silentLogger, vault: new SafeStorageVault(keyringless, dir.path), sandbox: 'off' });
    const dispatch = createDispatcher(contract, createHandlers(ctx, { version: 'test', openInBrowser: async () => false }), silentLogger);
    rendererTransport.current = { call: (channel, req) => dispatch(channel, req, { origin: 'test' }), subscribe: () => () => undefined };
    const { SettingsScreen } = await import('../../../src-renderer/features/settings/SettingsScreen');
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
    await act(async () => root.render(<SettingsScreen />));
  });
  afterAll(async () => {
    act(() => root.unmount());
    await ctx.close();
    vi.unstubAllEnvs();
    dir.cleanup();
  });

  const until = async (check: () => boolean, what: string) => {
    for (let i = 0; i < 100 && !check(); i++) await act(() => new Promise((r) => setTimeout(r, 20)));
    if (!check()) throw new Error(`timed out waiting for ${what}`);
  };
  const card = (title: string) => [...host.querySelectorAll<HTMLElement>('.card')].find((c) => c.querySelector('.card-title')?.textContent === title)!;
  const button = (scope: HTMLElement, name: string) => [...scope.querySelectorAll('button')].find((b) => b.textContent === name)!;
  const type = (input: HTMLInputElement, value: string) => {
    // React tracks the value through the native setter.
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };

  it('refuses to store secrets and says why, before the user opts in', async () => {
    await until(() => !!card('Credential storage'), 'the settings');
    expect(card('Credential storage').querySelector('.badge')!.textContent).toBe('Storing disabled');
    expect(host.textContent).toContain('Credentials cannot be saved right now.');
    expect(host.textContent).toContain('No keyring');
    const portal = card('Portal.io');
    expect(portal.querySelector('.badge')!.textContent).toBe('Not configured');
    expect([...portal.querySelectorAll('input')].every((i) => i.disabled)).toBe(true);
  });

  it('after the explicit opt-in, stores them and shows only that they are set', async () => {
    const optIn = card('Credential storage').querySelector<HTMLInputElement>('input[type=checkbox]')!;
    expect(optIn.checked).toBe(false);
    await act(async () => optIn.click());
    await until(() => card('Credential storage').querySelector('.badge')!.textContent === 'Plain text allowed', 'the opt-in');
    expect(ctx.vault.status().plaintextAllowed).toBe(true);

    const portal = card('Portal.io');
    await until(() => !portal.querySelector<HTMLInputElement>('input[name=appId]')!.disabled, 'enabled inputs');
    act(() => {
      type(portal.querySelector('input[name=appId]')!, 'junction-app');
      type(portal.querySelector('input[name=secretKey]')!, CANARY);
      type(portal.querySelector('input[name=userKey]')!, 'user-key-1');
    });
    await act(async () => button(portal, 'Save Portal.io').click());
    await until(() => card('Portal.io').querySelector('.badge')!.textContent === 'Configured', 'the saved status');

    expect(ctx.vault.get('portal.secretKey')).toBe(CANARY);
    expect(card('Portal.io').querySelector<HTMLInputElement>('input[name=secretKey]')!.value).toBe('');
    expect(card('Portal.io').textContent).toContain('Stored on this computer without encryption, as you allowed in Credential storage.');
    expect(host.innerHTML).not.toContain(CANARY);
  });

  it('clearing them asks first, then removes them from the vault', async () => {
    const portal = card('Portal.io');
    await act(async () => button(portal, 'Clear stored credentials').click());
    expect(ctx.vault.get('portal.secretKey')).toBe(CANARY);
    await act(async () => button(card('Portal.io'), 'Remove').click());
    await until(() => card('Portal.io').querySelector('.badge')!.textContent === 'Not configured', 'the cleared status');
    expect(ctx.vault.names().filter((n) => n.startsWith('portal.'))).toEqual([]);
    for (const f of readdirSync(dir.path, { recursive: true, withFileTypes: true })) {
      if (f.isFile() && f.name.endsWith('.json')) expect(readFileSync(join(f.parentPath, f.name), 'utf8')).not.toContain(CANARY);
    }
  });
});
