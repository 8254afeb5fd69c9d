import { MockAgent } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { silentLogger } from '../../../src-main/log/logger';
import { parseVendor } from '../../../src-main/vendors/http/parse';
import { VendorHttp, retryAfterMs } from '../../../src-main/vendors/http/vendor-http';

const BASE = 'http://vendor.test';

function setup(options: Partial<ConstructorParameters<typeof VendorHttp>[0]> = {}) {
  const agent = new MockAgent();
  agent.disableNetConnect();
  const pool = agent.get(BASE);
  const http = new VendorHttp({ vendor: 'SRS', baseUrl: BASE, log: silentLogger, dispatcher: agent, baseDelayMs: 1, maxDelayMs: 5, ...options });
  return { agent, pool, http };
}

describe('vendor HTTP', () => {
  let agent: MockAgent | undefined;
  afterEach(async () => agent?.close());

  it('retries an idempotent call after 429, waiting what Retry-After says', async () => {
    const s = setup();
    agent = s.agent;
    s.pool.intercept({ path: '/branches', method: 'GET' }).reply(429, 'slow down', { headers: { 'retry-after': '0.2' } });
    s.pool.intercept({ path: '/branches', method: 'GET' }).reply(200, '[]');
    const started = Date.now();
    const res = await s.http.send({ method: 'GET', path: '/branches', idempotent: true, endpoint: 'GET /branches' });
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('caps Retry-After so a hostile header cannot stall the app', async () => {
    const s = setup({ retryAfterCapMs: 50, maxAttempts: 2 });
    agent = s.agent;
    s.pool.intercept({ path: '/x', method: 'GET' }).reply(429, '', { headers: { 'retry-after': '3600' } });
    s.pool.intercept({ path: '/x', method: 'GET' }).reply(200, 'ok');
    const started = Date.now();
    await s.http.send({ method: 'GET', path: '/x', idempotent: true, endpoint: 'GET /x' });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('never retries a non-idempotent call: a 500 on submit is reported, sent once', async () => {
    const s = setup();
    agent = s.agent;
    let calls = 0;
    s.pool.intercept({ path: '/orders', method: 'POST' }).reply(() => {
      calls++;
      return { statusCode: 500, data: 'boom' };
    }).persist();
    await expect(s.http.send({ method: 'POST', path: '/orders', body: '{}', idempotent: false, endpoint: 'POST /orders' })).rejects.toMatchObject({
      code: 'VENDOR_ERROR',
      message: 'SRS had a server error (500) on POST /orders.',
    });
    expect(calls).toBe(1);
  });

  it('gives up after maxAttempts with a readable rate-limit error', async () => {
    const s = setup({ maxAttempts: 3 });
    agent = s.agent;
    s.pool.intercept({ path: '/p', method: 'GET' }).reply(429, '', { headers: { 'retry-after': '0' } }).times(3);
    await expect(s.http.send({ method: 'GET', path: '/p', idempotent: true, endpoint: 'GET /p' })).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('opens the circuit after consecutive failures and then fails fast without calling the vendor', async () => {
    const s = setup({ maxAttempts: 1, breakerThreshold: 3, breakerHalfOpenAfterMs: 60_000 });
    agent = s.agent;
    let calls = 0;
    s.pool.intercept({ path: '/down', method: 'GET' }).reply(() => {
      calls++;
      return { statusCode: 503, data: '' };
    }).persist();
    for (let i = 0; i < 3; i++) await expect(s.http.send({ method: 'GET', path: '/down', idempotent: true, endpoint: 'GET /down' })).rejects.toMatchObject({ code: 'VENDOR_ERROR' });
    await expect(s.http.send({ method: 'GET', path: '/down', idempotent: true, endpoint: 'GET /down' })).rejects.toMatchObject({
      code: 'VENDOR_UNAVAILABLE',
      message: expect.stringMatching(/SRS is not answering/),
    });
    expect(calls).toBe(3);
  });

  it('times out a call that never answers', async () => {
    const s = setup({ timeoutMs: 100, maxAttempts: 1 });
    agent = s.agent;
    s.pool.intercept({ path: '/slow', method: 'GET' }).reply(200, 'late').delay(1000);
    await expect(s.http.send({ method: 'GET', path: '/slow', idempotent: true, endpoint: 'GET /slow' })).rejects.toMatchObject({
      code: 'VENDOR_UNAVAILABLE',
      message: 'SRS did not answer GET /slow within 100 ms.',
    });
  });
});

describe('vendor payload parsing', () => {
  it('names the vendor, endpoint and the offending field', () => {
    const schema = z.looseObject({ productList: z.array(z.looseObject({ price: z.number() })) });
    expect(() => parseVendor(schema, { productList: [{ price: 1 }, { price: '2' }] }, 'SRS', 'POST /products/v2/price')).toThrow(
      /^SRS POST \/products\/v2\/price: unexpected response: field productList\[1\]\.price: /,
    );
  });

  it('keeps unknown fields', () => {
    const schema = z.looseObject({ id: z.number() });
    expect(parseVendor(schema, { id: 1, extra: 'kept' }, 'Portal.io', 'GET /x')).toEqual({ id: 1, extra: 'kept' });
  });
});

describe('Retry-After parsing', () => {
  it('reads seconds and HTTP dates', () => {
    expect(retryAfterMs('2')).toBe(2000);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
    expect(retryAfterMs('soon')).toBeUndefined();
  });
});
