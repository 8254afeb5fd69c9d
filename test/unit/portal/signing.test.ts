import { describe, expect, it } from 'vitest';
import { httpDate, signature, signedHeaders, stringToSign } from '../../../src-main/vendors/portal/signing';

const DATE = 'Mon, 29 Aug 2022 13:30:55 GMT';
const USER_KEY = 'Ghr/FRUWkligku/RQC49bWl0PohT46mQaX0ptShYMvk=';

// Expected signatures computed independently:
//   printf '%s' "$STRING" | openssl dgst -sha256 -hmac 'test-secret' -binary | base64
describe('Portal string-to-sign', () => {
  it('GET: verb + URL + date + user key, no content type (the seed example)', () => {
    const s = stringToSign({ method: 'get', url: 'https://api.portal.io/proposals', contentType: '', date: DATE, userKey: USER_KEY });
    expect(s).toBe('GEThttps://api.portal.io/proposalsMon, 29 Aug 2022 13:30:55 GMTGhr/FRUWkligku/RQC49bWl0PohT46mQaX0ptShYMvk=');
    expect(signature('test-secret', s)).toBe('GPIXkSK4bpmomy50dM8NMG4BkGp7MtfcGvgwpOWubG0=');
  });

  it('key exchange: empty user key, and the query (with the password) is not signed', () => {
    const s = stringToSign({
      method: 'GET',
      url: 'https://sandbox.api.portal.io/authenticate/apikeyexchange?UserName=a%40b.com&Password=hunter2',
      contentType: '',
      date: DATE,
      userKey: '',
    });
    expect(s).toBe('GEThttps://sandbox.api.portal.io/authenticate/apikeyexchangeMon, 29 Aug 2022 13:30:55 GMT');
    expect(s).not.toContain('hunter2');
    expect(signature('test-secret', s)).toBe('grf8kIeLexMGY1r6NwjjhAKTBQwHf3/iK77RWHVNW7Q=');
  });

  it('form POST: the exact Content-Type sits between URL and date', () => {
    const s = stringToSign({
      method: 'POST',
      url: 'https://api.portal.io/contacts',
      contentType: 'application/x-www-form-urlencoded',
      date: DATE,
      userKey: 'user-key-1',
    });
    expect(s).toBe('POSThttps://api.portal.io/contactsapplication/x-www-form-urlencodedMon, 29 Aug 2022 13:30:55 GMTuser-key-1');
    expect(signature('test-secret', s)).toBe('TWMaRnh1T78uRzpFeUKLH0tfBM5RNeJJV1leyxbmqRU=');
  });

  it('a URL with a query string signs the same as without it', () => {
    const withQuery = stringToSign({
      method: 'GET',
      url: new URL('https://api.portal.io/proposals?PageNumber=2&PageSize=50&Status=Accepted'),
      contentType: '',
      date: DATE,
      userKey: USER_KEY,
    });
    expect(withQuery).toBe('GEThttps://api.portal.io/proposalsMon, 29 Aug 2022 13:30:55 GMTGhr/FRUWkligku/RQC49bWl0PohT46mQaX0ptShYMvk=');
  });

  it('keeps a non-default port and a path prefix (the sandbox mount) in the signed URL', () => {
    const s = stringToSign({ method: 'GET', url: 'http://127.0.0.1:5123/portal/proposals/7?x=1', contentType: '', date: DATE, userKey: 'k' });
    expect(s).toBe('GEThttp://127.0.0.1:5123/portal/proposals/7Mon, 29 Aug 2022 13:30:55 GMTk');
  });

  it('builds the four X-MSS headers with an RFC 7231 date', () => {
    const date = httpDate(new Date(Date.UTC(2022, 7, 29, 13, 30, 55)));
    expect(date).toBe(DATE);
    const h = signedHeaders({ method: 'GET', url: 'https://api.portal.io/proposals', contentType: '', date, userKey: USER_KEY, appId: 'app-1', secretKey: 'test-secret' });
    expect(h).toEqual({
      'X-MSS-API-APPID': 'app-1',
      'X-MSS-API-USERKEY': USER_KEY,
      'X-MSS-CUSTOM-DATE': DATE,
      'X-MSS-SIGNATURE': 'GPIXkSK4bpmomy50dM8NMG4BkGp7MtfcGvgwpOWubG0=',
    });
  });
});
