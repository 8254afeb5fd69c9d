import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from '../../../src-main/app/external-links';

describe('external link allow-list', () => {
  it.each([
    'https://portal.io/',
    'https://api.portal.io/v1/docs?x=1',
    'https://www.srsdistribution.com/contact',
    'https://services.roofhub.pro/',
    'https://www.shipserv.com/',
  ])('allows %s', (url) => expect(isAllowedExternalUrl(url)).toBe(true));

  it.each([
    ['plain http', 'http://portal.io/'],
    ['another host', 'https://example.com/'],
    ['a look-alike host', 'https://evilportal.io/'],
    ['an allow-listed name as a subdomain of another host', 'https://portal.io.evil.example/'],
    ['embedded credentials', 'https://user:pw@portal.io/'],
    ['a non-default port', 'https://portal.io:8443/'],
    ['a file URL', 'file:///etc/passwd'],
    ['javascript', 'javascript:alert(1)'],
    ['garbage', 'not a url'],
  ])('refuses %s', (_why, url) => expect(isAllowedExternalUrl(url)).toBe(false));
});
