import { describe, expect, it } from 'vitest';
import { endpointLabel, endpointPath, matchEndpoint, PORTAL_ENDPOINTS } from '../../../src-main/vendors/portal/endpoints';
import { ftsQuery } from '../../../src-main/store/portal/catalog-repo';

describe('Portal endpoint table', () => {
  it('builds paths from the table and matches them back (client and sandbox share it)', () => {
    for (const [name, e] of Object.entries(PORTAL_ENDPOINTS)) {
      const path = endpointPath(name as keyof typeof PORTAL_ENDPOINTS, { id: 42 });
      expect(matchEndpoint(e.method, path)).toEqual({ name, params: e.path.includes('{id}') ? { id: '42' } : {} });
    }
    expect(matchEndpoint('GET', '/proposals/42/changeorders')?.name).toBe('changeOrderList');
    expect(matchEndpoint('DELETE', '/proposals/42')).toBeNull();
    expect(matchEndpoint('GET', '/nope')).toBeNull();
  });

  it('labels endpoints without ids or query (safe for logs)', () => {
    expect(endpointLabel('keyExchange')).toBe('GET /authenticate/apikeyexchange');
    expect(endpointLabel('proposalDetails')).toBe('GET /proposals/{id}');
  });

  it('escapes path parameters', () => {
    expect(endpointPath('contactDetails', { id: 'a/b' })).toBe('/contacts/a%2Fb');
    expect(() => endpointPath('contactDetails')).toThrow(/needs id/);
  });
});

describe('catalog search text → FTS5 query', () => {
  it('makes every word a quoted prefix term and ignores FTS syntax', () => {
    expect(ftsQuery('landm pro')).toBe('"landm"* "pro"*');
    expect(ftsQuery('  ')).toBeNull();
    expect(ftsQuery('a OR b NEAR(c) "x')).toBe('"a" "OR"* "b" "NEAR"* "c" "x"*');
    expect(ftsQuery('2" drip-edge')).toBe('"2" "drip"* "edge"*');
    // A one-character word typed past is a whole token; the word being typed stays a prefix.
    expect(ftsQuery('9 2 channe')).toBe('"9" "2" "channe"*');
    expect(ftsQuery('s')).toBe('"s"*');
    expect(ftsQuery('s ')).toBe('"s"');
    expect(ftsQuery('sonos s')).toBe('"sonos"* "s"*');
  });
});
