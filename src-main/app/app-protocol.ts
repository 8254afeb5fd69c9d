import { dirname } from 'node:path';
import { protocol, type Session } from 'electron';
import { API_PREFIX, type ApiEndpoint } from '../services/ipc/api-endpoint';
import { SECURITY_HEADERS, staticResponse, textResponse } from '../web/static-files';
import type { RendererLocation } from './renderer-location';

/** The window's page and the contract live on junction://app, in the window's own session only. */
export const APP_SCHEME = 'junction';
export const APP_ORIGIN = `${APP_SCHEME}://app`;
export const APP_PARTITION = 'persist:junction';

/**
 * Before 'ready': junction: is a standard, secure scheme the page may fetch from. Not
 * CORS-enabled and not CSP-bypassing, so no other origin can read it.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** The page from the dev server in development, with our headers (the CSP) on every response. */
async function fromDevServer(devServerUrl: string, url: URL, request: Request): Promise<Response> {
  // Path and query onto the dev server's own URL: a path like //other.host/x cannot change the host.
  const target = new URL(devServerUrl);
  target.pathname = url.pathname;
  target.search = url.search;
  const upstream = await fetch(target, { method: request.method });
  const headers = new Headers(upstream.headers);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers.set(name, value);
  return new Response(upstream.body, { status: upstream.status, headers });
}

/** What junction://app answers: the contract under /api/, otherwise the renderer's files. */
export function appResponse(request: Request, endpoint: ApiEndpoint, location: RendererLocation): Promise<Response> {
  const url = new URL(request.url);
  if (url.host !== 'app') return Promise.resolve(textResponse(404, 'Not found'));
  if (url.pathname.startsWith(API_PREFIX)) return endpoint(request);
  if (location.kind === 'url') return fromDevServer(location.url, url, request);
  return staticResponse(dirname(location.file), request);
}

/**
 * Serves junction://app in `session` (the window's partition): the renderer needs no
 * preload and no Node; its only way into main is the contract behind the token the window
 * was opened with.
 */
export function serveApp(session: Session, endpoint: ApiEndpoint, location: RendererLocation): void {
  session.protocol.handle(APP_SCHEME, (request) => appResponse(request, endpoint, location));
}
