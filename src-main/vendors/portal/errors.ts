import { AppError } from '../../../src-shared/domain/result';
import type { VendorResponse } from '../http/vendor-http';
import { WireErrorBody } from './schemas';

export const PORTAL = 'Portal.io';

/** The sandbox (and, we assume, Portal) marks a stale X-MSS-CUSTOM-DATE with this error code. */
export const CLOCK_SKEW_CODE = 'RequestExpired';

function vendorMessage(text: string): { code: string; message: string } {
  try {
    const body = WireErrorBody.safeParse(JSON.parse(text));
    if (body.success) {
      return { code: body.data.responseStatus?.errorCode ?? '', message: body.data.responseStatus?.message ?? body.data.message ?? '' };
    }
  } catch {
    // not JSON: fall through to the plain text
  }
  return { code: '', message: text.slice(0, 200) };
}

/**
 * Maps a non-2xx Portal answer to a distinct, readable error. `endpoint` is the short label
 * ("GET /proposals/{id}"), never the URL, which can hold the password during the key exchange.
 */
export function portalError(endpoint: string, res: VendorResponse, what: { keyExchange?: boolean; thing?: string } = {}): AppError {
  const { code, message } = vendorMessage(res.text);
  const said = message ? ` Portal.io said: "${message.slice(0, 160)}"` : '';
  switch (res.status) {
    case 401:
      if (code === CLOCK_SKEW_CODE || /clock|date|expired|timestamp/i.test(message)) {
        return new AppError(
          'CLOCK_SKEW',
          `${PORTAL} rejected the request time on ${endpoint}: this computer's clock differs from Portal's by more than 5 minutes. Correct the system clock and try again.`,
        );
      }
      if (what.keyExchange) {
        return new AppError('UNAUTHORIZED', `${PORTAL} refused the username or password (or the account's e-mail is not verified yet).`);
      }
      return new AppError(
        'UNAUTHORIZED',
        `${PORTAL} refused the credentials on ${endpoint}: the App ID, Secret Key or User Key is wrong, or the request signature did not match. Sign in again under Settings or with \`junction portal login\`.`,
      );
    case 402:
      return new AppError('SUBSCRIPTION_REQUIRED', `${PORTAL} ${endpoint} requires an active Portal subscription for this account.${said}`);
    case 403:
      if (/subscription/i.test(message)) {
        return new AppError('SUBSCRIPTION_REQUIRED', `${PORTAL} ${endpoint} requires an active Portal subscription for this account.${said}`);
      }
      return new AppError('NO_PERMISSION', `Your Portal.io account has no permission for ${endpoint}. Ask your Portal administrator to grant API access (the catalog needs separate authorization).`);
    case 404:
      return new AppError('NOT_FOUND', `${PORTAL} has no such ${what.thing ?? 'record'} (${endpoint}).`);
    case 400:
    case 422:
      return new AppError('VALIDATION', `${PORTAL} rejected the request to ${endpoint}.${said}`);
    default:
      return new AppError('VENDOR_ERROR', `${PORTAL} answered ${res.status} on ${endpoint}.${said}`);
  }
}
