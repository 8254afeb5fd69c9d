import { describe, expect, it } from 'vitest';
import { TokenManager } from '../../../src-main/vendors/srs/token-manager';

/** A token endpoint stand-in that counts requests and answers after a tick. */
function endpoint(expiresInSeconds = 100) {
  let n = 0;
  return {
    get count() {
      return n;
    },
    fetch: async () => {
      n += 1;
      await new Promise((r) => setTimeout(r, 5));
      return { accessToken: `token-${n}`, expiresInSeconds };
    },
  };
}

describe('TokenManager', () => {
  it('single flight: 100 concurrent callers with no token share one request', async () => {
    const ep = endpoint();
    const tm = new TokenManager(ep.fetch);
    const tokens = await Promise.all(Array.from({ length: 100 }, () => tm.get()));
    expect(new Set(tokens)).toEqual(new Set(['token-1']));
    expect(ep.count).toBe(1);
  });

  it('reuses the token until 90% of its lifetime, then refreshes', async () => {
    let now = 1_000_000;
    const ep = endpoint(100);
    const tm = new TokenManager(ep.fetch, () => now);
    expect(await tm.get()).toBe('token-1');
    now += 89_999;
    expect(await tm.get()).toBe('token-1');
    now += 1;
    expect(await tm.get()).toBe('token-2');
    expect(ep.count).toBe(2);
  });

  it('after a 401, callers that raced on the same rejected token share one refresh', async () => {
    const ep = endpoint();
    const tm = new TokenManager(ep.fetch);
    const old = await tm.get();
    const fresh = await Promise.all(Array.from({ length: 50 }, () => tm.refresh(old)));
    expect(new Set(fresh)).toEqual(new Set(['token-2']));
    // A late caller still holding the old token gets the new one without another request.
    expect(await tm.refresh(old)).toBe('token-2');
    expect(ep.count).toBe(2);
  });

  it('a failed token request is not cached: the next caller tries again', async () => {
    let fail = true;
    let n = 0;
    const tm = new TokenManager(async () => {
      n += 1;
      if (fail) throw new Error('down');
      return { accessToken: 'ok', expiresInSeconds: 10 };
    });
    await expect(Promise.all([tm.get(), tm.get()])).rejects.toThrow('down');
    expect(n).toBe(1);
    fail = false;
    await expect(tm.get()).resolves.toBe('ok');
    expect(n).toBe(2);
  });
});
