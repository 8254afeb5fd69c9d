import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { contract } from '../../src-shared/ipc/contract';
import { registerSecret } from '../log/redact';
import type { AppContext } from '../services/context';
import { createHandlers, type Platform } from '../services/handlers';
import { API_PREFIX, createApiEndpoint } from '../services/ipc/api-endpoint';
import { createDispatcher } from '../services/ipc/dispatch';
import { sendResponse, toRequest } from './node-bridge';
import { staticResponse } from './static-files';

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

/**
 * The browser host: serves the renderer on 127.0.0.1 and the contract at /api (see
 * createApiEndpoint: this launch's token on every call, the page's own Origin). The Host
 * header is checked on every request, so a DNS-rebinding page cannot read anything.
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
  const endpoint = createApiEndpoint({ dispatch, events: ctx.events, token, origins: () => allowedHosts().map((h) => `http://${h}`), origin: 'web', log });

  const server = createServer((req, res) => {
    const host = req.headers.host ?? '';
    if (!allowedHosts().includes(host)) {
      res.writeHead(421, { 'Content-Type': 'text/plain' }).end('Wrong host');
      return;
    }
    const request = toRequest(req, `http://${host}`);
    if (!request) {
      res.writeHead(405, { 'Content-Type': 'text/plain', Allow: 'GET, HEAD, POST', Connection: 'close' }).end('Method or request target not supported');
      return;
    }
    const pathname = new URL(request.url).pathname;
    const respond = pathname.startsWith(API_PREFIX) ? endpoint(request) : staticResponse(options.rendererDir, request);
    respond
      .then((response) => sendResponse(req, res, response))
      .catch((e: unknown) => {
        log.error('web request failed', { path: pathname.slice(0, 80), error: e });
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
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
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
