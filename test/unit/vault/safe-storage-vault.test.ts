import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../helpers/temp-dir';

// The Electron binary cannot run here: safeStorage is replaced by a reversible stand-in
// that, like the real one, never returns the plain text from encryptString.
const safe = vi.hoisted(() => ({ available: true, backend: 'gnome_libsecret' }));
vi.mock('electron', () => {
  const safeStorage = {
    isEncryptionAvailable: () => safe.available,
    getSelectedStorageBackend: () => safe.backend,
    encryptString: (s: string) => Buffer.from(Buffer.from(s, 'utf8').map((b) => b ^ 0x5a)),
    decryptString: (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a)).toString('utf8'),
  };
  const app = { getPath: () => '/nonexistent', getVersion: () => '0.0.0', getName: () => 'junction' };
  const ipcMain = { on: () => undefined, handle: () => undefined };
  const shell = { openPath: async () => '' };
  return { default: { safeStorage, app, ipcMain, shell }, safeStorage, app, ipcMain, shell };
});

const { safeStorage } = await import('electron');
const { SafeStorageVault } = await import('../../../src-main/vault/safe-storage-vault');

const CANARY = 'canary-Electron-51c0ffee';

describe('safeStorage vault', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => {
    dir = tempDir();
    safe.available = true;
    safe.backend = 'gnome_libsecret';
  });
  afterEach(() => dir.cleanup());

  const filesText = () => readdirSync(dir.path).map((f) => readFileSync(join(dir.path, f), 'utf8')).join('\n');

  it('keeps only encrypted values on disk and decrypts them in main', () => {
    const v = new SafeStorageVault(safeStorage, dir.path);
    v.set({ 'portal.secretKey': CANARY });
    expect(filesText()).not.toContain(CANARY);
    expect(new SafeStorageVault(safeStorage, dir.path).get('portal.secretKey')).toBe(CANARY);
    expect(v.status()).toEqual({ backend: 'safeStorage', secure: true, reason: null, plaintextAllowed: false });
  });

  it('refuses to store secrets on the plain-text backend and says why, until the user opts in', () => {
    safe.backend = 'basic_text';
    const v = new SafeStorageVault(safeStorage, dir.path);
    expect(v.status()).toMatchObject({ secure: false, reason: expect.stringMatching(/No keyring/) });
    expect(() => v.set({ 'srs.clientSecret': CANARY })).toThrow(/No keyring/);
    expect(v.names()).toEqual([]);
    v.setPlaintextAllowed(true);
    v.set({ 'srs.clientSecret': CANARY });
    expect(v.get('srs.clientSecret')).toBe(CANARY);
  });

  it('refuses everything when no encryption is available at all', () => {
    safe.available = false;
    const v = new SafeStorageVault(safeStorage, dir.path);
    v.setPlaintextAllowed(true);
    expect(() => v.set({ 'srs.clientSecret': CANARY })).toThrow(/no encryption/);
  });

  it('clears entries', () => {
    const v = new SafeStorageVault(safeStorage, dir.path);
    v.set({ 'srs.clientId': 'client-123', 'srs.clientSecret': CANARY });
    v.delete(['srs.clientSecret']);
    expect(v.names()).toEqual(['srs.clientId']);
  });
});
