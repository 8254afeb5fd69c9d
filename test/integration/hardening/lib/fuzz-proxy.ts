import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface UpstreamAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface ForgedAnswer {
  status: number;
  contentType: string;
  body: Buffer | string;
}

/** Decides, for one real answer, what the client receives instead. */
export type Forge = (real: UpstreamAnswer) => ForgedAnswer;

/**
 * A network fault for one request: wait before forwarding (latency spike), wait after the
 * vendor answered (so it stored the order, then the client times out), answer 429 with
 * Retry-After or 500 without forwarding, drop the connection before forwarding, or forward
 * (the vendor stores the order) and drop the connection instead of answering.
 */
export type Chaos =
  | { kind: 'latency'; ms: number }
  | { kind: 'latencyAfter'; ms: number }
  | { kind: 'status429'; retryAfterSeconds: number }
  | { kind: 'status500' }
  | { kind: 'dropBefore' }
  | { kind: 'dropAfter' };

export interface FuzzProxy {
  /** Base URL of a vendor through the proxy, e.g. http://127.0.0.1:P/srs. */
  baseUrl(vendor: string): string;
  /** Every answer to a request whose "METHOD /vendor/path" matches is forged; null forwards everything. */
  target(match: RegExp | null, forge: Forge | null): void;
  /** Answers forged since the last target() call. */
  forged(): number;
  /** Decides a network fault (or none) for each request, by "METHOD /vendor/path"; null turns it off. */
  chaos(decide: ((key: string) => Chaos | null) | null): void;
  close(): Promise<void>;
}

/**
 * A plain HTTP proxy on 127.0.0.1 in front of the sandbox server: requests go through
 * unchanged (Host included, so Portal's signatures still verify), and the answers of one
 * endpoint are replaced by forged ones built from the real answer. Every forged answer is a
 * well-formed HTTP response (correct Content-Length): what is wrong is its content.
 */
export async function startFuzzProxy(upstreamPort: number): Promise<FuzzProxy> {
  let match: RegExp | null = null;
  let forge: Forge | null = null;
  let forged = 0;
  let decide: ((key: string) => Chaos | null) | null = null;

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const key = `${req.method} ${(req.url ?? '').split('?')[0]}`;
      const fault = decide?.(key) ?? null;
      if (fault?.kind === 'dropBefore') return void req.socket.destroy();
      if (fault?.kind === 'status429') return void res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(fault.retryAfterSeconds) }).end('{"message":"Too many requests"}');
      if (fault?.kind === 'status500') return void res.writeHead(500, { 'content-type': 'application/json' }).end('{"message":"Internal server error"}');
      if (fault?.kind === 'latency') await new Promise((r) => setTimeout(r, fault.ms));
      const up = httpRequest(
        { host: '127.0.0.1', port: upstreamPort, method: req.method, path: req.url, headers: req.headers },
        (upRes) => {
          const body: Buffer[] = [];
          upRes.on('data', (c: Buffer) => body.push(c));
          upRes.on('end', async () => {
            const real: UpstreamAnswer = { status: upRes.statusCode ?? 502, headers: upRes.headers, body: Buffer.concat(body).toString('utf8') };
            if (fault?.kind === 'dropAfter') return void res.socket?.destroy();
            if (fault?.kind === 'latencyAfter') await new Promise((r) => setTimeout(r, fault.ms));
            if (res.destroyed) return;
            if (forge && match?.test(key)) {
              forged += 1;
              const f = forge(real);
              const payload = typeof f.body === 'string' ? Buffer.from(f.body, 'utf8') : f.body;
              res.writeHead(f.status, { 'content-type': f.contentType, 'content-length': String(payload.length) }).end(payload);
              return;
            }
            const headers = { ...real.headers };
            delete headers['transfer-encoding'];
            headers['content-length'] = String(Buffer.byteLength(real.body));
            res.writeHead(real.status, headers).end(real.body);
          });
        },
      );
      up.on('error', () => res.destroy());
      up.end(Buffer.concat(chunks));
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  return {
    baseUrl: (vendor) => `http://127.0.0.1:${port}/${vendor}`,
    target(m, f) {
      match = m;
      forge = f;
      forged = 0;
    },
    forged: () => forged,
    chaos(d) {
      decide = d;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
