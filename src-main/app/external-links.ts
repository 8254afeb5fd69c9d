/** Hosts (and their subdomains) the app may open in the user's browser. */
export const EXTERNAL_HOST_ALLOW_LIST = [
  'portal.io',
  'srsdistribution.com',
  'roofhub.pro',
  'shipserv.com',
  'servicetrade.com',
  'servicemobility.com',
] as const;

/**
 * True only for https URLs on an allow-listed host, without embedded credentials or a
 * non-default port: anything the renderer asks to open must pass this first.
 */
export function isAllowedExternalUrl(raw: string, allowList: readonly string[] = EXTERNAL_HOST_ALLOW_LIST): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return false;
  const host = url.hostname.toLowerCase();
  return allowList.some((allowed) => host === allowed || host.endsWith(`.${allowed}`));
}

/** A URL that passed the allow-list; only `allowExternalUrl` makes one, so a raw string cannot reach a browser. */
export type AllowedExternalUrl = string & { readonly __allowedExternalUrl: true };

/** The URL as an `AllowedExternalUrl` when it passes `isAllowedExternalUrl`, else null. */
export function allowExternalUrl(raw: string, allowList: readonly string[] = EXTERNAL_HOST_ALLOW_LIST): AllowedExternalUrl | null {
  return isAllowedExternalUrl(raw, allowList) ? (raw as AllowedExternalUrl) : null;
}
