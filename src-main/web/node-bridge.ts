import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';

/** The only methods the host answers; fetch's Request refuses some others (TRACE) by throwing. */
const METHODS = new Set(['GET', 'HEAD', 'POST']);

/**
 * A Node request as a fetch Request, body streamed (read only by those who need it), or null
 * when it cannot be one: a method the host does not answer, or a request target that is not
 * a path. The URL is built from `origin` and the path only, so a target such as
 * `//other.host/x` or `http://other.host/x` stays on this host.
 */
export function toRequest(req: IncomingMessage, origin: string): Request | null {
  const method = req.method ?? 'GET';
  const target = req.url ?? '/';
  if (!METHODS.has(method) || !target.startsWith('/')) return null;
  const url = new URL(origin);
  const query = target.indexOf('?');
  try {
    url.pathname = query < 0 ? target : target.slice(0, query);
    url.search = query < 0 ? '' : target.slice(query);
  } catch {
    return null;
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const hasBody = method === 'POST';
  return new Request(url, {
    method,
    headers,
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream<Uint8Array>, duplex: 'half' } : {}),
  } as RequestInit);
}

/**
 * Writes a fetch Response to a Node response; a client that goes away cancels the body (an
 * event stream unsubscribes). A request body left unread (refused as too large) closes the
 * connection, so the client does not reuse a socket still full of it.
 */
export async function sendResponse(req: IncomingMessage, res: ServerResponse, response: Response): Promise<void> {
  const headers = Object.fromEntries(response.headers);
  if (!req.complete) headers.connection = 'close';
  res.writeHead(response.status, headers);
  if (!response.body) return void res.end();
  res.flushHeaders();
  const body = Readable.fromWeb(response.body as import('node:stream/web').ReadableStream<Uint8Array>);
  res.on('close', () => body.destroy());
  body.on('error', () => res.destroy());
  body.pipe(res);
}
