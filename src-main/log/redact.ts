/**
 * The one redactor every log line passes through. Two nets:
 * 1. values registered as secrets (everything the vault holds or the environment supplies)
 *    are replaced wherever they appear, even inside longer strings;
 * 2. fields and URL parameters whose names look sensitive are masked whatever their value.
 */
const MASK = '[REDACTED]';
const SENSITIVE_KEY = /pass(word)?|secret|token|userkey|user_key|apikey|api_key|authorization|signature|cookie|integrationkey|credential|phpsessid|x-mss-api-userkey|x-access-token/i;
const SENSITIVE_QUERY = /([?&](?:password|pass|secret|client_secret|token|apikey|userkey|integrationkey|access_token)=)[^&#\s"]*/gi;
const BEARER = /(bearer\s+)[A-Za-z0-9._~+/=-]+/gi;

const secrets = new Set<string>();

/** Registers a value that must never appear in a log. Very short values are ignored (too many false hits). */
export function registerSecret(value: string | undefined | null): void {
  if (value && value.length >= 4) secrets.add(value);
}

export function redactString(text: string): string {
  let out = text;
  for (const s of secrets) if (out.includes(s)) out = out.split(s).join(MASK);
  return out.replace(SENSITIVE_QUERY, `$1${MASK}`).replace(BEARER, `$1${MASK}`);
}

export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactString(value);
  if (value === null || typeof value !== 'object' || depth > 8) return value;
  if (value instanceof Error) {
    return { name: value.name, message: redactString(value.message), ...(redact({ ...value }, depth + 1) as object) };
  }
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = SENSITIVE_KEY.test(k) && v != null && v !== '' ? MASK : redact(v, depth + 1);
  }
  return out;
}
