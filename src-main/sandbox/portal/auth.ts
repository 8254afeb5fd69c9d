import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { CLOCK_SKEW_CODE } from '../../vendors/portal/errors';
import { PORTAL_HEADERS, signature, stringToSign } from '../../vendors/portal/signing';

export interface SandboxCredentials {
  appId: string;
  secretKey: string;
  userKey: string;
  username: string;
  password: string;
}

export interface AuthFailure {
  status: 401;
  errorCode: string;
  message: string;
}

/** Portal rejects a request whose X-MSS-CUSTOM-DATE is further than this from its clock. */
export const MAX_SKEW_MS = 5 * 60 * 1000;

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const denied = (errorCode: string, message: string): AuthFailure => ({ status: 401, errorCode, message });
const NOT_AUTHORIZED = 'Not Authorized to access this endpoint or your HMAC hash was incorrect.';

/**
 * Verifies the four X-MSS-* headers exactly as Portal describes: the signature over
 * VERB + absolute URL without query + Content-Type + date + user key, then the date.
 * Returns null when the request is authentic.
 */
export function verifyRequest(
  req: IncomingMessage,
  absoluteUrl: string,
  creds: SandboxCredentials,
  o: { keyExchange: boolean; now: number },
): AuthFailure | null {
  const appId = header(req, PORTAL_HEADERS.appId);
  const userKey = header(req, PORTAL_HEADERS.userKey) ?? '';
  const date = header(req, PORTAL_HEADERS.date);
  const sig = header(req, PORTAL_HEADERS.signature);
  if (!appId || !date || !sig) return denied('Unauthorized', `${NOT_AUTHORIZED} (missing X-MSS headers)`);
  if (!sameText(appId, creds.appId)) return denied('Unauthorized', NOT_AUTHORIZED);
  if (o.keyExchange ? userKey !== '' : !sameText(userKey, creds.userKey)) return denied('Unauthorized', NOT_AUTHORIZED);
  const contentType = req.method === 'GET' ? '' : (header(req, 'content-type') ?? '');
  const expected = signature(creds.secretKey, stringToSign({ method: req.method ?? '', url: absoluteUrl, contentType, date, userKey }));
  if (!sameText(sig, expected)) return denied('Unauthorized', NOT_AUTHORIZED);
  const at = Date.parse(date);
  if (Number.isNaN(at) || !/GMT$/.test(date)) return denied(CLOCK_SKEW_CODE, 'X-MSS-CUSTOM-DATE is not an RFC 7231 date.');
  if (Math.abs(o.now - at) > MAX_SKEW_MS) {
    return denied(CLOCK_SKEW_CODE, 'Request date is more than 5 minutes away from the server clock (X-MSS-CUSTOM-DATE expired).');
  }
  return null;
}
