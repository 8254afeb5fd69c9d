import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { HttpProblem, readBody } from './http';

/** The token endpoint and bearer checks. Tokens live in memory: a restart invalidates them, as a real deploy may. */
export class TokenStore {
  private readonly tokens = new Map<string, number>();

  constructor(
    private readonly clientId: string,
    private readonly clientSecret: string,
    private readonly ttlSeconds: () => number,
    private readonly now: () => number = Date.now,
  ) {}

  /** POST /authentication/token: form-encoded client credentials only. */
  async issue(req: IncomingMessage): Promise<{ token_type: string; access_token: string; expires_in: number }> {
    const type = (req.headers['content-type'] ?? '').toLowerCase();
    const body = await readBody(req);
    if (!type.startsWith('application/x-www-form-urlencoded')) {
      throw new HttpProblem(400, { error: 'invalid_request', error_description: 'Content-Type must be application/x-www-form-urlencoded' });
    }
    const form = new URLSearchParams(body);
    if (form.get('grant_type') !== 'client_credentials') {
      throw new HttpProblem(400, { error: 'unsupported_grant_type', error_description: 'grant_type must be client_credentials' });
    }
    const id = form.get('client_id') ?? '';
    const secret = form.get('client_secret') ?? '';
    if (!id || !secret) throw new HttpProblem(400, { error: 'invalid_request', error_description: 'client_id and client_secret are required' });
    if (id !== this.clientId || !sameText(secret, this.clientSecret)) {
      throw new HttpProblem(401, { error: 'invalid_client', error_description: 'Client authentication failed' });
    }
    const ttl = this.ttlSeconds();
    const token = randomBytes(24).toString('base64url');
    this.tokens.set(token, this.now() + ttl * 1000);
    return { token_type: 'Bearer', access_token: token, expires_in: ttl };
  }

  /** Throws 401 unless the request carries a live bearer token. */
  check(req: IncomingMessage): void {
    const header = req.headers.authorization ?? '';
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m) throw new HttpProblem(401, { message: 'Authorization: Bearer token is required' });
    const expires = this.tokens.get(m[1]!);
    if (expires === undefined) throw new HttpProblem(401, { message: 'Invalid access token' });
    if (expires <= this.now()) {
      this.tokens.delete(m[1]!);
      throw new HttpProblem(401, { message: 'Access token expired' });
    }
  }

  /** Test hook: the tokens handed out and still remembered (to prove they are never logged). */
  issued(): string[] {
    return [...this.tokens.keys()];
  }

  /** Test hook: every issued token stops working at once. */
  expireAll(): void {
    this.tokens.clear();
  }
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
