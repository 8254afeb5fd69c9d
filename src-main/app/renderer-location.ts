import { pathToFileURL } from 'node:url';

/** Where the window's page comes from: the built file, or the dev server in development. */
export type RendererLocation = { kind: 'file'; file: string } | { kind: 'url'; url: string };

export function resolveRendererLocation(builtIndexHtml: string, devServerUrl: string | undefined): RendererLocation {
  return devServerUrl ? { kind: 'url', url: devServerUrl } : { kind: 'file', file: builtIndexHtml };
}

/**
 * True when `url` is our own renderer page: the exact built index.html (any hash/query),
 * or any page of the dev server's origin. Used to trust IPC senders.
 */
export function isRendererUrl(url: string, location: RendererLocation): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (location.kind === 'file') {
    const expected = pathToFileURL(location.file);
    return parsed.protocol === 'file:' && parsed.pathname === expected.pathname && parsed.host === expected.host;
  }
  return parsed.origin === new URL(location.url).origin;
}
