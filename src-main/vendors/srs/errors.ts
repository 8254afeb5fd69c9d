import { AppError } from '../../../src-shared/domain/result';
import type { VendorResponse } from '../http/vendor-http';
import { ErrorBodySchema } from './schemas';

/** SRS's own words from an error body: field messages first, then its message. */
export function srsReason(res: VendorResponse): string {
  let data: unknown;
  try {
    data = JSON.parse(res.text);
  } catch {
    return res.text.slice(0, 200).trim();
  }
  const body = ErrorBodySchema.safeParse(data);
  if (!body.success) return '';
  const fields = (body.data.errors ?? []).map((e) => [e.field, e.message].filter(Boolean).join(' ')).filter(Boolean);
  if (fields.length) return fields.join('; ');
  return body.data.error_description ?? body.data.message ?? body.data.error ?? '';
}

/** Maps a non-2xx answer SRS gave on `endpoint` to a readable error. */
export function srsStatusError(endpoint: string, res: VendorResponse): AppError {
  const reason = srsReason(res);
  const because = reason ? `: ${reason}` : '.';
  switch (res.status) {
    case 400:
    case 422:
      return new AppError('VALIDATION', `SRS ${endpoint} rejected the request${because}`);
    case 401:
      return new AppError('UNAUTHORIZED', `SRS refused the credentials on ${endpoint}${because} Check the SRS client id and secret in Settings.`);
    case 403:
      return new AppError('NO_PERMISSION', `SRS ${endpoint}: this customer is not enabled${because}`);
    case 404:
      return new AppError('NOT_FOUND', `SRS ${endpoint}: not found${because}`);
    case 409:
      return new AppError('CONFLICT', `SRS ${endpoint}: conflict${because}`);
    default:
      return new AppError('VENDOR_ERROR', `SRS ${endpoint} answered ${res.status}${because}`);
  }
}
