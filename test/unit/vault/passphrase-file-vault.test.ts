import { readFileSync, statSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PassphraseFileVault } from '../../../src-main/vault/passphrase-file-vault';
import { openHeadlessVault, vaultFile } from '../../../src-main/vault/open-vault';
import { tempDir } from '../../helpers/temp-dir';

const CANARY = 'canary-Secr3t-7f1e9a2b';

describe('passphrase file vault', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => (dir = tempDir()));
  afterEach(() => dir.cleanup());

  it('stores secrets encrypted and reads them back with the same passphrase only', () => {
    const file = vaultFile(dir.path);
    new PassphraseFileVault(file, 'correct horse battery').set({ 'srs.clientSecret': CANARY });
    expect(readFileSync(file, 'utf8')).not.toContain(CANARY);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(new PassphraseFileVault(file, 'correct horse battery').get('srs.clientSecret')).toBe(CANARY);
    expect(() => new PassphraseFileVault(file, 'wrong passphrase!')).toThrow(/passphrase \(JUNCTION_VAULT_PASSPHRASE\) is wrong/);
  });

  it('refuses a tampered file instead of returning garbage', async () => {
    const file = vaultFile(dir.path);
    new PassphraseFileVault(file, 'correct horse battery').set({ 'portal.userKey': CANARY });
    const { writeFileSync } = await import('node:fs');
    const body = JSON.parse(readFileSync(file, 'utf8'));
    body.data = Buffer.from('x' + Buffer.from(body.data, 'base64').toString('latin1')).toString('base64');
    writeFileSync(file, JSON.stringify(body));
    expect(() => new PassphraseFileVault(file, 'correct horse battery')).toThrow(/wrong or the file was altered/);
  });

  it('deletes entries and keeps the others', () => {
    const file = vaultFile(dir.path);
    const v = new PassphraseFileVault(file, 'correct horse battery');
    v.set({ a: 'value-a-1234', b: 'value-b-1234' });
    v.delete(['a']);
    const again = new PassphraseFileVault(file, 'correct horse battery');
    expect(again.names()).toEqual(['b']);
    expect(again.get('a')).toBeUndefined();
  });

  it('without JUNCTION_VAULT_PASSPHRASE the headless vault stores nothing and says how to fix it', () => {
    const v = openHeadlessVault(dir.path, {});
    expect(v.status()).toMatchObject({ backend: 'unavailable', secure: false });
    expect(() => v.set({ 'srs.clientSecret': CANARY })).toThrow(/set JUNCTION_VAULT_PASSPHRASE/);
  });

  it('rejects a short passphrase', () => {
    expect(() => new PassphraseFileVault(vaultFile(dir.path), 'short')).toThrow(/at least 8 characters/);
  });
});
