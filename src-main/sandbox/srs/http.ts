import type { IncomingMessage, ServerResponse } from 'node:http';

export const MAX_BODY_BYTES = 1_000_000;

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(String(body.message ?? status));
  }
}

/** A 400 with SRS-style field messages. */
export function badRequest(errors: { field: string; message: string }[]): HttpProblem {
  return new HttpProblem(400, { message: 'Validation failed', errors });
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpProblem(413, { message: 'Request body too large' });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const type = req.headers['content-type'] ?? '';
  if (!type.toLowerCase().startsWith('application/json')) {
    throw badRequest([{ field: 'Content-Type', message: 'must be application/json' }]);
  }
  const text = await readBody(req);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw badRequest([{ field: 'body', message: 'is not valid JSON' }]);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw badRequest([{ field: 'body', message: 'must be a JSON object' }]);
  return data as Record<string, unknown>;
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}
