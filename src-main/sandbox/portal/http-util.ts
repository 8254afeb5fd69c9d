import type { IncomingMessage, ServerResponse } from 'node:http';
import { FORM_CONTENT_TYPE } from '../../vendors/portal/client';

/** An error the sandbox answers with its status and a Portal-style error body. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errorCode = 'Error',
  ) {
    super(message);
  }
}

export function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(body));
}

export const errorBody = (errorCode: string, message: string) => ({ responseStatus: { errorCode, message } });

export async function readBody(req: IncomingMessage, limit = 1_000_000): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new HttpError(413, 'Request body too large.');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function intParam(q: URLSearchParams, name: string, dflt: number, min: number, max: number): number {
  const raw = q.get(name);
  if (raw === null || raw === '') return dflt;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new HttpError(400, `${name} must be an integer from ${min} to ${max}.`, 'ArgumentOutOfRange');
  return n;
}

export function dateParam(q: URLSearchParams, name: string): number | undefined {
  const raw = q.get(name);
  if (!raw) return undefined;
  const t = Date.parse(raw);
  if (Number.isNaN(t)) throw new HttpError(400, `${name} is not a date.`, 'ArgumentException');
  return t;
}

export function requireForm(req: IncomingMessage, body: string): URLSearchParams {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim();
  if (type !== FORM_CONTENT_TYPE) throw new HttpError(415, `Send the fields as ${FORM_CONTENT_TYPE}.`, 'UnsupportedMediaType');
  return new URLSearchParams(body);
}
