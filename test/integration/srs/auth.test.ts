import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSrs, TOKEN, type SrsHarness } from './harness';

const BRANCHES = 'GET /branches/v2/branchLocations';

describe('SRS token management against the sandbox', () => {
  let h: SrsHarness;
  beforeEach(async () => {
    h = await startSrs();
  });
  afterEach(async () => h.close());

  it('gets a token with a form-encoded client-credentials request and reuses it', async () => {
    const client = h.client();
    await client.branches();
    await client.branches();
    expect(h.sandbox.count(TOKEN)).toBe(1);
    expect(h.sandbox.count(BRANCHES)).toBe(2);
  });

  it('refuses a wrong client secret with a readable error and never logs the secret', async () => {
    const client = h.client({ credentials: { clientId: 'junction-sandbox-client', clientSecret: 'wrong-secret-canary-91c2', customerCode: 'DEMO001' } });
    await expect(client.branches()).rejects.toMatchObject({ code: 'UNAUTHORIZED', message: expect.stringContaining('SRS refused the client id or secret') });
    expect(h.sandbox.count(BRANCHES)).toBe(0);
    expect(readFileSync(h.logFile, 'utf8')).not.toContain('wrong-secret-canary-91c2');
  });

  it('sandbox rejects a token request that is not form-encoded', async () => {
    const creds = h.sandbox.credentials;
    const res = await fetch(`${h.baseUrl}/authentication/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_id: creds.clientId, client_secret: creds.clientSecret, grant_type: 'client_credentials' }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error_description: expect.stringContaining('x-www-form-urlencoded') });
  });

  it('sandbox rejects calls without a valid bearer token', async () => {
    const res = await fetch(`${h.baseUrl}/branches/v2/branchLocations`, { headers: { authorization: 'Bearer not-a-token' } });
    expect(res.status).toBe(401);
  });

  it('refreshes at 90% of expires_in, before the token expires', async () => {
    h.sandbox.configure({ tokenTtlSeconds: 100 });
    let skew = 0;
    const client = h.client({ now: () => Date.now() + skew });
    await client.branches();
    skew = 89_000; // 89% of the lifetime: the token is still used
    await client.branches();
    expect(h.sandbox.count(TOKEN)).toBe(1);
    skew = 90_500; // past 90%: refreshed before SRS would refuse it
    await client.branches();
    expect(h.sandbox.count(TOKEN)).toBe(2);
    // No 401 round trip: each call reached the endpoint exactly once.
    expect(h.sandbox.count(BRANCHES)).toBe(3);
  });

  it('on a 401 refreshes once and retries once', async () => {
    const client = h.client();
    await client.branches();
    h.sandbox.expireTokens();
    const branches = await client.branches();
    expect(branches.map((b) => b.branchCode)).toEqual(['BRRIV', 'AMDEN', 'HWPLY', 'DALTX']);
    expect(h.sandbox.count(TOKEN)).toBe(2);
    expect(h.sandbox.count(BRANCHES)).toBe(3);
  });

  it('single flight: 100 concurrent calls on a token SRS expired cause exactly one token request', async () => {
    const client = h.client();
    await client.branches();
    h.sandbox.expireTokens();
    h.sandbox.resetCounters();
    const results = await Promise.all(Array.from({ length: 100 }, () => client.branches({ branchCode: 'AMDEN' })));
    expect(results.every((r) => r[0]?.branchCode === 'AMDEN')).toBe(true);
    expect(h.sandbox.count(TOKEN)).toBe(1);
  });

  it('single flight: 100 concurrent calls on a locally expired token cause exactly one token request', async () => {
    h.sandbox.configure({ tokenTtlSeconds: 0.2 });
    const client = h.client();
    await client.branches();
    await new Promise((r) => setTimeout(r, 250));
    h.sandbox.configure({ tokenTtlSeconds: 3600 });
    h.sandbox.resetCounters();
    await Promise.all(Array.from({ length: 100 }, () => client.branches({ branchCode: 'DALTX' })));
    expect(h.sandbox.count(TOKEN)).toBe(1);
    expect(h.sandbox.count(BRANCHES)).toBe(100);
  });

  it('survives a sandbox restart: the old token is refused, one refresh, and the call succeeds', async () => {
    const client = h.client();
    await client.branches();
    await h.restart();
    await expect(client.branches()).resolves.toHaveLength(4);
    expect(h.sandbox.count(TOKEN)).toBe(1);
    expect(h.sandbox.count(BRANCHES)).toBe(2);
  });
});
