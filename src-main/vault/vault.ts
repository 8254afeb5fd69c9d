/** Where credentials live. Only main-process code sees values; the renderer sees names. */
export type VaultBackend = 'safeStorage' | 'passphraseFile' | 'unavailable';

export interface VaultStatus {
  backend: VaultBackend;
  /** False when values would be stored in a way anyone with the file can read. */
  secure: boolean;
  reason: string | null;
  plaintextAllowed: boolean;
}

export interface Vault {
  status(): VaultStatus;
  /** Value of one secret, e.g. `portal.secretKey`. */
  get(name: string): string | undefined;
  /** Stores several secrets at once; throws AppError('INSECURE_STORAGE' | 'NOT_CONFIGURED') when it cannot. */
  set(entries: Record<string, string>): void;
  delete(names: readonly string[]): void;
  names(): string[];
  /** The user's explicit opt-in to store secrets without OS encryption (safeStorage only). */
  setPlaintextAllowed(allow: boolean): void;
}
