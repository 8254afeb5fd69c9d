import { createServer, type Server } from 'node:http';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Vendor } from '../../src-shared/ipc/app';
import type { Logger } from '../log/logger';
import { sandboxModules } from './modules';
import type { MountedSandbox } from './registry';

export interface SandboxServer {
  port: number;
  vendors: { vendor: Vendor; baseUrl: string; credentials: Record<string, string> }[];
  /** The mounted simulator of one vendor, for tests that inject faults in-process. */
  get<T extends MountedSandbox = MountedSandbox>(vendor: Vendor): T;
  baseUrl(vendor: Vendor): string;
  close(): Promise<void>;
}

export interface StartSandboxOptions {
  /** Root of all local state; simulators keep theirs in `<dataDir>/sandbox/<vendor>`. */
  dataDir: string;
  log: Logger;
  port?: number;
  only?: Vendor[];
  config?: Partial<Record<Vendor, Record<string, unknown>>>;
}

/** Starts every vendor simulator on one HTTP server bound to 127.0.0.1, each under `/<vendor>`. */
export async function startSandboxServer(options: StartSandboxOptions): Promise<SandboxServer> {
  const mounted = new Map<Vendor, MountedSandbox>();
  for (const mod of sandboxModules) {
    if (options.only && !options.only.includes(mod.vendor)) continue;
    const stateDir = join(options.dataDir, 'sandbox', mod.vendor);
    mkdirSync(stateDir, { recursive: true });
    mounted.set(mod.vendor, await mod.create({ stateDir, log: options.log.child(`sandbox.${mod.vendor}`), config: options.config?.[mod.vendor] }));
  }

  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    const match = /^\/([a-z]+)(\/.*|$)/.exec(url.split('?')[0] ?? '/');
    const sandbox = match ? mounted.get(match[1] as Vendor) : undefined;
    if (!sandbox || !match) {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'No such sandbox' }));
      return;
    }
    const prefix = `/${match[1]}`;
    const base = `http://${req.headers.host ?? '127.0.0.1'}${prefix}`;
    Promise.resolve(sandbox.handle(req, res, url.slice(prefix.length) || '/', base)).catch((e: unknown) => {
      options.log.error('sandbox handler failed', { vendor: sandbox.vendor, error: e });
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: 'Sandbox internal error' }));
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const baseUrl = (vendor: Vendor) => `http://127.0.0.1:${port}/${vendor}`;

  return {
    port,
    vendors: [...mounted.values()].map((m) => ({ vendor: m.vendor, baseUrl: baseUrl(m.vendor), credentials: m.credentials })),
    get<T extends MountedSandbox>(vendor: Vendor): T {
      const m = mounted.get(vendor);
      if (!m) throw new Error(`sandbox ${vendor} is not running`);
      return m as T;
    },
    baseUrl,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      for (const m of mounted.values()) await m.close?.();
    },
  };
}
