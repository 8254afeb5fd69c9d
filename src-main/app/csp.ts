/**
 * The one Content-Security-Policy of the renderer, sent as a response header (Electron and
 * the web host) and repeated in index.html's meta tag. No eval, no inline scripts, no
 * remote content: everything comes from the app itself, and the page connects only to its
 * own origin (the contract is served there, see createApiEndpoint).
 */
export const CSP_DIRECTIVES: Readonly<Record<string, string>> = {
  'default-src': "'none'",
  'script-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self' data:",
  'font-src': "'self'",
  'connect-src': "'self'",
  'manifest-src': "'self'",
  'base-uri': "'none'",
  'form-action': "'none'",
  'object-src': "'none'",
  'frame-src': "'none'",
  'worker-src': "'none'",
};

/** `frame-ancestors` is ignored in a meta tag, so the header carries it in addition. */
const HEADER_ONLY: Readonly<Record<string, string>> = { 'frame-ancestors': "'none'" };

const join = (d: Readonly<Record<string, string>>) =>
  Object.entries(d)
    .map(([k, v]) => `${k} ${v}`)
    .join('; ');

export const CSP_META = join(CSP_DIRECTIVES);
export const CSP_HEADER = join({ ...CSP_DIRECTIVES, ...HEADER_ONLY });
