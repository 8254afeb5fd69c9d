import { timingSafeEqual } from 'node:crypto';
import type { ErrorCode, Reply } from '../../../src-shared/domain/result';
import type { Logger } from '../../log/logger';
import type { EventBus } from '../events';
import type { CallContext, Dispatch } from './dispatch';

/** Paths of the contract over HTTP-like requests (the web host and the desktop window's app scheme). */
export const API_PREFIX = '/api/';
export const CALL_PREFIX = '/api/call/';
export const EVENTS_PATH = '/api/events';
/** The largest request body a call may carry. */
export const MAX_CALL_BYTES = 1024 * 1024;

export type ApiEndpoint = (request: Request) => Promise<Response>;

const JSON_HEADERS = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' };

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: JSON_HEADERS });
}

function refused(status: number, code: ErrorCode, message: string): Response {
  return json(status, { ok: false, error: { code, message } } satisfies Reply<never>);
}

function sameSecret(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The request's body as text, refused beyond `limit` bytes (Content-Length is not trusted). */
async function readBody(request: Request, limit: number): Promise<string | null> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The contract over fetch: `POST /api/call/<channel>` with the JSON request answers the
 * channel's reply; `GET /api/events` streams every main-side event as one JSON line
 * (`{"event","payload"}`), after a first `{"ready":true}` line. Every request must carry
 * this launch's token (`Authorization: Bearer …`), and an Origin header, when the browser
 * sends one, must be the page's own. GET has no side effect (a foreign page can trigger a
 * GET with an <img>, never read it).
 */
export function createApiEndpoint(o: {
  dispatch: Dispatch;
  events: Pick<EventBus, 'onAny'>;
  token: string;
  /** Origins a page of ours has (e.g. "junction://app", "http://127.0.0.1:5123"). */
  origins: () => readonly string[];
  origin: CallContext['origin'];
  log: Logger;
}): ApiEndpoint {
  return async (request) => {
    const { pathname } = new URL(request.url);
    const origin = request.headers.get('origin');
    if (origin !== null && !o.origins().includes(origin)) {
      o.log.warn('api request refused: foreign origin', { origin });
      return refused(403, 'FORBIDDEN_SENDER', 'Only the Junction page may call Junction.');
    }
    const auth = request.headers.get('authorization') ?? '';
    if (!auth.startsWith('Bearer ') || !sameSecret(auth.slice(7), o.token)) {
      o.log.warn('api request refused: missing or wrong token', { path: pathname.slice(0, 80) });
      return refused(401, 'UNAUTHORIZED', 'This page has no valid access token. Open the link Junction printed at start.');
    }
    if (pathname === EVENTS_PATH && request.method === 'GET') return eventStream(o.events);
    if (!pathname.startsWith(CALL_PREFIX)) return refused(404, 'NOT_FOUND', `No such endpoint: ${pathname.slice(0, 80)}`);
    if (request.method !== 'POST') return refused(405, 'BAD_REQUEST', 'Calls are POST requests.');

    let channel: string;
    try {
      channel = decodeURIComponent(pathname.slice(CALL_PREFIX.length));
    } catch {
      return refused(400, 'BAD_REQUEST', 'The channel name in the path is not valid.');
    }
    const text = await readBody(request, MAX_CALL_BYTES);
    if (text === null) return refused(413, 'BAD_REQUEST', `${channel.slice(0, 80)}: the request is larger than ${MAX_CALL_BYTES / 1024} KiB.`);
    let req: unknown;
    try {
      req = text === '' ? undefined : JSON.parse(text);
    } catch {
      return refused(400, 'BAD_REQUEST', `${channel.slice(0, 80)}: the request is not valid JSON.`);
    }
    try {
      return json(200, await o.dispatch(channel, req, { origin: o.origin }));
    } catch (e) {
      o.log.error('api dispatch failed', { channel: channel.slice(0, 80), error: e });
      return refused(500, 'INTERNAL', `${channel.slice(0, 80)} failed unexpectedly.`);
    }
  };
}

/** Events a page may leave unread before its stream is dropped (it reconnects and reloads its state). */
export const EVENT_QUEUE_BYTES = 1024 * 1024;

/**
 * One JSON line per event until the page goes away (the stream is cancelled then). A page
 * that stops reading (hung, or a frozen background tab) does not make main hold events
 * without end: past EVENT_QUEUE_BYTES unread, its stream ends with an error.
 */
function eventStream(events: Pick<EventBus, 'onAny'>): Response {
  const encoder = new TextEncoder();
  let unsubscribe: (() => void) | null = null;
  const body = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode('{"ready":true}\n'));
        unsubscribe = events.onAny((event, payload) => {
          try {
            if ((controller.desiredSize ?? 0) <= 0) throw new Error('the page stopped reading its events');
            controller.enqueue(encoder.encode(`${JSON.stringify({ event, payload })}\n`));
          } catch (e) {
            unsubscribe?.();
            try {
              controller.error(e);
            } catch {
              // already closed
            }
          }
        });
      },
      cancel() {
        unsubscribe?.();
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: EVENT_QUEUE_BYTES }),
  );
  return new Response(body, { status: 200, headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store' } });
}
