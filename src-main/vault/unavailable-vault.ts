import { AppError } from '../../src-shared/domain/result';
import type { Vault, VaultStatus } from './vault';

/** Used headless when no passphrase is set: nothing stored, credentials come from the environment. */
export class UnavailableVault implements Vault {
  constructor(private readonly reason: string) {}

  status(): VaultStatus {
    return { backend: 'unavailable', secure: false, reason: this.reason, plaintextAllowed: false };
  }
  get(): undefined {
    return undefined;
  }
  set(): void {
    throw new AppError('NOT_CONFIGURED', this.reason);
  }
  delete(): void {
    // Nothing is stored.
  }
  names(): string[] {
    return [];
  }
  setPlaintextAllowed(): void {
    throw new AppError('NOT_CONFIGURED', this.reason);
  }
}
