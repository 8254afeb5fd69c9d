import type { z } from 'zod';
import { AppError } from '../../../src-shared/domain/result';

/**
 * Parses a vendor payload at the boundary. A mismatch names the vendor, the endpoint and
 * the first offending field, e.g. `SRS POST /products/v2/price: productList[2].price expected number`.
 */
export function parseVendor<S extends z.ZodType>(schema: S, data: unknown, vendor: string, endpoint: string): z.output<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue && issue.path.length ? formatPath(issue.path) : '(root)';
  const more = result.error.issues.length > 1 ? ` (+${result.error.issues.length - 1} more)` : '';
  throw new AppError('VENDOR_BAD_RESPONSE', `${vendor} ${endpoint}: unexpected response: field ${field}: ${issue ? describe(issue) : 'invalid'}${more}`);
}

/** Parses a JSON body, with a readable error when it is not JSON. */
export function parseJsonBody(text: string, vendor: string, endpoint: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('VENDOR_BAD_RESPONSE', `${vendor} ${endpoint}: response is not JSON (${text.length} bytes).`);
  }
}

/** zod's words, except that a missing field says so ("missing (expected array)") instead of "received undefined". */
function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) return `missing (expected ${issue.expected})`;
  return issue.message;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
}
