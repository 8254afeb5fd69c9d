import { createHmac } from 'node:crypto';

export interface SignInput {
  method: string;
  /** Absolute URL; its query string is not signed. */
  url: string | URL;
  /** The exact Content-Type header sent; empty for GET. */
  contentType: string;
  /** RFC 7231 date, as sent in X-MSS-CUSTOM-DATE. */
  date: string;
  /** Empty for the key exchange. */
  userKey: string;
}

export const PORTAL_HEADERS = {
  appId: 'X-MSS-API-APPID',
  userKey: 'X-MSS-API-USERKEY',
  date: 'X-MSS-CUSTOM-DATE',
  signature: 'X-MSS-SIGNATURE',
} as const;

/** The absolute URL without its query string or fragment, as Portal signs it. */
export function urlWithoutQuery(url: string | URL): string {
  const u = typeof url === 'string' ? new URL(url) : url;
  return `${u.origin}${u.pathname}`;
}

/** VERB + URL (no query) + CONTENT_TYPE + DATE + USER_KEY, concatenated without separators. */
export function stringToSign(input: SignInput): string {
  return `${input.method.toUpperCase()}${urlWithoutQuery(input.url)}${input.contentType}${input.date}${input.userKey}`;
}

/** base64(HMAC-SHA256(secretKey, stringToSign)). */
export function signature(secretKey: string, toSign: string): string {
  return createHmac('sha256', secretKey).update(toSign, 'utf8').digest('base64');
}

/** RFC 7231 date, e.g. "Mon, 29 Aug 2022 13:30:55 GMT". */
export function httpDate(at: Date): string {
  return at.toUTCString();
}

/** The four X-MSS-* headers for one request. */
export function signedHeaders(input: SignInput & { appId: string; secretKey: string }): Record<string, string> {
  return {
    [PORTAL_HEADERS.appId]: input.appId,
    [PORTAL_HEADERS.userKey]: input.userKey,
    [PORTAL_HEADERS.date]: input.date,
    [PORTAL_HEADERS.signature]: signature(input.secretKey, stringToSign(input)),
  };
}
