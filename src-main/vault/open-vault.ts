import { join } from 'node:path';
import { PassphraseFileVault } from './passphrase-file-vault';
import { UnavailableVault } from './unavailable-vault';
import type { Vault } from './vault';

export function vaultFile(dataDir: string): string {
  return join(dataDir, 'vault.enc.json');
}

/** The vault for the CLI and the web host: passphrase file when JUNCTION_VAULT_PASSPHRASE is set. */
export function openHeadlessVault(dataDir: string, env: NodeJS.ProcessEnv = process.env): Vault {
  const passphrase = env.JUNCTION_VAULT_PASSPHRASE;
  if (!passphrase) {
    return new UnavailableVault(
      'Credentials cannot be stored here: set JUNCTION_VAULT_PASSPHRASE to keep them in an encrypted vault file, or pass them as JUNCTION_* environment variables.',
    );
  }
  return new PassphraseFileVault(vaultFile(dataDir), passphrase);
}
