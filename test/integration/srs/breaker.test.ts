import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSrs, type SrsHarness } from './harness';

const BRANCHES = 'GET /branches/v2/branchLocations';

describe('SRS circuit breaker against the sandbox', () => {
  let h: SrsHarness;
  beforeAll(async () => {
    h = await startSrs();
  });
  afterAll(async () => h.close());

  it('opens after repeated failures, fails fast with a readable message, half-opens, and closes on success', async () => {
    const client = h.client({ http: { maxAttempts: 1, breakerThreshold: 3, breakerHalfOpenAfterMs: 600 } });
    await client.branches(); // token + one good call
    h.sandbox.resetCounters();
    h.sandbox.injectFault({ endpoint: BRANCHES, kind: 'status500', times: 3 });
    for (let i = 0; i < 3; i++) await expect(client.branches()).rejects.toMatchObject({ code: 'VENDOR_ERROR' });
    expect(h.sandbox.count(BRANCHES)).toBe(3);

    // Open: no request reaches SRS, the error says so plainly.
    const started = Date.now();
    await expect(client.branches()).rejects.toMatchObject({ code: 'VENDOR_UNAVAILABLE', message: expect.stringMatching(/^SRS is not answering; Junction paused calls/) });
    expect(Date.now() - started).toBeLessThan(100);
    expect(h.sandbox.count(BRANCHES)).toBe(3);

    // Half-open after the pause: one trial call goes through; its success closes the breaker.
    await new Promise((r) => setTimeout(r, 650));
    await expect(client.branches()).resolves.toHaveLength(4);
    await expect(client.branches()).resolves.toHaveLength(4);
    expect(h.sandbox.count(BRANCHES)).toBe(5);
  });

  it('a failed half-open trial opens the breaker again', async () => {
    const client = h.client({ http: { maxAttempts: 1, breakerThreshold: 2, breakerHalfOpenAfterMs: 400 } });
    h.sandbox.injectFault({ endpoint: BRANCHES, kind: 'drop', times: 3 });
    for (let i = 0; i < 2; i++) await expect(client.branches()).rejects.toMatchObject({ code: 'VENDOR_UNAVAILABLE' });
    await expect(client.branches()).rejects.toThrow(/paused calls/);
    await new Promise((r) => setTimeout(r, 450));
    await expect(client.branches()).rejects.toThrow(/Cannot reach SRS/); // the trial hits the third drop
    await expect(client.branches()).rejects.toThrow(/paused calls/);
  });

  it('4xx answers do not trip the breaker', async () => {
    const client = h.client({ http: { maxAttempts: 1, breakerThreshold: 2 } });
    for (let i = 0; i < 4; i++) await expect(client.branches({ branchCode: 'XXXXX' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(client.branches()).resolves.toHaveLength(4);
  });
});
