import Store from 'electron-store';
import type { SafeStorage } from 'electron';
import { AppError } from '../../src-shared/domain/result';
import { registerSecret } from '../log/redact';
import type { Vault, VaultStatus } from './vault';

interface VaultFile {
  allowPlaintext: boolean;
  secrets: Record<string, string>;
}

/**
 * Desktop vault: each value encrypted with Electron's safeStorage (OS keychain / DPAPI /
 * libsecret) and kept as base64 in an electron-store file. When the OS offers only the
 * plain-text backend, storing is refused unless the user opted in.
 */
export class SafeStorageVault implements Vault {
  private readonly store: Store<VaultFile>;

  constructor(
    private readonly safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> & {
      getSelectedStorageBackend?: () => string;
    },
    cwd: string,
  ) {
    this.store = new Store<VaultFile>({
      name: 'vault',
      cwd,
      accessPropertiesByDotNotation: false,
      defaults: { allowPlaintext: false, secrets: {} },
    });
    for (const name of this.names()) registerSecret(this.get(name));
  }

  status(): VaultStatus {
    const plaintextAllowed = this.store.get('allowPlaintext');
    if (!this.safeStorage.isEncryptionAvailable()) {
      return { backend: 'unavailable', secure: false, reason: 'This system offers no encryption for stored secrets.', plaintextAllowed };
    }
    const backend = this.safeStorage.getSelectedStorageBackend?.();
    if (backend === 'basic_text') {
      return {
        backend: 'safeStorage',
        secure: false,
        reason: 'No keyring (such as GNOME Keyring or KWallet) is running, so secrets would be stored in plain text. Start a keyring, or allow plain-text storage in Settings at your own risk.',
        plaintextAllowed,
      };
    }
    return { backend: 'safeStorage', secure: true, reason: null, plaintextAllowed };
  }

  get(name: string): string | undefined {
    const stored = this.store.get('secrets')[name];
    if (stored === undefined || !this.safeStorage.isEncryptionAvailable()) return undefined;
    try {
      return this.safeStorage.decryptString(Buffer.from(stored, 'base64'));
    } catch {
      return undefined;
    }
  }

  set(entries: Record<string, string>): void {
    const status = this.status();
    if (!this.safeStorage.isEncryptionAvailable()) throw new AppError('INSECURE_STORAGE', status.reason ?? 'Encryption is unavailable.');
    if (!status.secure && !status.plaintextAllowed) throw new AppError('INSECURE_STORAGE', status.reason ?? 'Secret storage is not secure.');
    const secrets = { ...this.store.get('secrets') };
    for (const [name, value] of Object.entries(entries)) {
      registerSecret(value);
      secrets[name] = this.safeStorage.encryptString(value).toString('base64');
    }
    this.store.set('secrets', secrets);
  }

  delete(names: readonly string[]): void {
    const secrets = { ...this.store.get('secrets') };
    for (const n of names) delete secrets[n];
    this.store.set('secrets', secrets);
  }

  names(): string[] {
    return Object.keys(this.store.get('secrets'));
  }

  setPlaintextAllowed(allow: boolean): void {
    this.store.set('allowPlaintext', allow);
  }
}
