import { AppError } from '../../../src-shared/domain/result';

export interface IssuedToken {
  accessToken: string;
  expiresInSeconds: number;
}

/**
 * Holds the SRS bearer token. Refreshes at 90% of its lifetime, and on demand after a 401.
 * Single flight: however many callers need a token at once, one token request is made.
 */
export class TokenManager {
  private current: { value: string; refreshAt: number } | null = null;
  private inflight: Promise<string> | null = null;

  constructor(
    private readonly fetchToken: () => Promise<IssuedToken>,
    private readonly now: () => number = Date.now,
  ) {}

  /** A token believed valid: the cached one until 90% of its lifetime, else a fresh one. */
  async get(): Promise<string> {
    if (this.current && this.now() < this.current.refreshAt) return this.current.value;
    return this.refresh();
  }

  /**
   * A new token. With `rejected` (the token SRS just refused), callers that raced on the same
   * 401 share one refresh, and a caller whose token was already replaced gets the new one.
   */
  refresh(rejected?: string): Promise<string> {
    if (rejected !== undefined && this.current && this.current.value !== rejected) return Promise.resolve(this.current.value);
    if (rejected !== undefined && this.current?.value === rejected) this.current = null;
    this.inflight ??= this.fetchToken()
      .then((t) => {
        if (!t.accessToken) throw new AppError('VENDOR_BAD_RESPONSE', 'SRS POST /authentication/token: empty access_token.');
        this.current = { value: t.accessToken, refreshAt: this.now() + t.expiresInSeconds * 1000 * 0.9 };
        return t.accessToken;
      })
      .finally(() => {
        this.inflight = null;
      });
    return this.inflight;
  }

  clear(): void {
    this.current = null;
  }
}
