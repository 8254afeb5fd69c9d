import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { contract } from '../../src-shared/ipc/contract';
import { registerSecret } from '../log/redact';
import type { AppContext } from '../services/context';
import { createHandlers, type Platform } from '../services/handlers';
import { createDispatcher } from '../services/ipc/dispatch';
import { serveStatic } from './static-files';
import { bridgeSocket } from './ws-bridge';

export interface WebHostOptions {
  ctx: AppContext;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** A fixed token for tests; by default a fresh random one per launch. */
  token?: string;
  version?: string;
}

export interface WebHost {
  port: number;
  token: string;
  /** The page to open, with the token in the fragment (never sent to the server in a request line). */
  url: string;
  close(): Promise<void>;
}

function sameSecret(given: string | null, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function refuse(socket: Duplex, status: 401 | 403 | 404, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${text.length}\r\n\r\n${text}`);
}

/**
 * The browser host: serves the renderer on 127.0.0.1 and the contract over a WebSocket at
 * /ws. Only a page from this host (Origin) holding this launch's token may connect; the
 * Host header is checked too, so a DNS-rebinding page cannot read anything.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const { ctx } = options;
  const log = ctx.log.child('web');
  const token = options.token ?? randomBytes(24).toString('base64url');
  registerSecret(token);
  const platform: Platform = {
    version: options.version ?? process.env.npm_package_version ?? '0.0.0',
    // A browser opens links itself (the renderer uses plain anchors there); the host has no window to hand them to.
    openInBrowser: async () => false,
  };
  const dispatch = createDispatcher(contract, createHandlers(ctx, platform), log);

  let port = 0;
  const allowedHosts = () => [`127.0.0.1:${port}`, `localhost:${port}`];
  const allowedOrigins = () => allowedHosts().map((h) => `http://${h}`);

  const server = createServer((req, res) => {
    if (!allowedHosts().includes(req.headers.host ?? '')) {
      res.writeHead(421, { 'Content-Type': 'text/plain' }).end('Wrong host');
      return;
    }
    serveStatic(options.rendererDir, req, res).catch((e: unknown) => {
      log.error('static file failed', { error: e });
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://host');
    if (url.pathname !== '/ws') return refuse(socket, 404, 'Not Found');
    if (!sameSecret(url.searchParams.get('token'), token)) {
      log.warn('web socket refused: missing or wrong token');
      return refuse(socket, 401, 'Unauthorized');
    }
    if (!allowedHosts().includes(req.headers.host ?? '') || !allowedOrigins().includes(req.headers.origin ?? '')) {
      log.warn('web socket refused: foreign origin', { origin: req.headers.origin ?? null });
      return refuse(socket, 403, 'Forbidden');
    }
    wss.handleUpgrade(req, socket, head, (ws) => bridgeSocket(ws, dispatch, ctx.events, log));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  log.info('web host listening', { port });

  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/#token=${token}`,
    async close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
