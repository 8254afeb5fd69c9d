import { createLogger, type Logger } from '../../../src-main/log/logger';
import { startSandboxServer, type SandboxServer } from '../../../src-main/sandbox/server';
import type { SrsSandbox, SrsSandboxConfig } from '../../../src-main/sandbox/srs/index';
import { SrsClient, type SrsClientOptions } from '../../../src-main/vendors/srs/srs-client';
import type { SrsOrder } from '../../../src-main/vendors/srs/types';
import { tempDir } from '../../helpers/temp-dir';

export interface SrsHarness {
  server: SandboxServer;
  sandbox: SrsSandbox;
  baseUrl: string;
  dataDir: string;
  log: Logger;
  logFile: string;
  client(options?: Partial<Omit<SrsClientOptions, 'baseUrl' | 'log'>>): SrsClient;
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** The real sandbox server on 127.0.0.1:0 with only SRS mounted, and clients pointed at it. */
export async function startSrs(config: Partial<SrsSandboxConfig> = {}): Promise<SrsHarness> {
  const dir = tempDir('junction-srs-');
  const logFile = `${dir.path}/test.log`;
  const log = createLogger({ file: logFile, level: 'debug' });
  const start = (port?: number) => startSandboxServer({ dataDir: dir.path, log, only: ['srs'], config: { srs: config }, ...(port ? { port } : {}) });
  let server = await start();
  const h: SrsHarness = {
    server,
    sandbox: server.get<SrsSandbox>('srs'),
    baseUrl: server.baseUrl('srs'),
    dataDir: dir.path,
    log,
    logFile,
    client(options = {}) {
      const creds = h.server.vendors.find((v) => v.vendor === 'srs')!.credentials;
      return new SrsClient({
        baseUrl: h.baseUrl,
        log,
        sourceSystem: 'JUNCTION',
        credentials: { clientId: creds.clientId!, clientSecret: creds.clientSecret!, customerCode: creds.customerCode!, integrationKey: creds.integrationKey! },
        ...options,
        http: { timeoutMs: 3_000, baseDelayMs: 20, maxDelayMs: 100, breakerHalfOpenAfterMs: 1_000, ...options.http },
      });
    },
    /** Stops and starts the sandbox on the same port and data folder (state persists, tokens do not). */
    async restart() {
      const port = server.port;
      await server.close();
      server = await start(port);
      h.server = server;
      h.sandbox = server.get<SrsSandbox>('srs');
      h.baseUrl = server.baseUrl('srs');
    },
    async close() {
      await server.close();
      dir.cleanup();
    },
  };
  return h;
}

let seq = 0;
/** A complete, valid order for the demo customer at BRRIV (job account 1). */
export function demoOrder(overrides: Partial<SrsOrder> = {}): SrsOrder {
  seq += 1;
  return {
    transactionID: `test-${process.pid}-${Date.now()}-${seq}`,
    branchCode: 'BRRIV',
    jobAccountNumber: 1,
    shipTo: { name: 'Smith Residence', addressLine1: '8812 Magnolia Ave', city: 'Riverside', state: 'CA', zipCode: '92503' },
    po: { poNumber: 'P-5641', reference: '5641: Smith', orderDate: '2026-11-30', orderType: 'WHSE', shippingMethod: 'Ground Drop' },
    lines: [
      { productId: 75664, productName: 'CertainTeed Landmark Shingles', option: 'Weathered Wood', quantity: 30, uom: 'BD', unitPriceCents: 3861, customerItem: 'P-5641' },
    ],
    contact: { name: 'John Dough', phone: '9876543210', email: 'jdough@example.com', address: { addressLine1: '123 Main St', city: 'Riverside', state: 'CA', zipCode: '92501' } },
    ...overrides,
  };
}

export const TOKEN = 'POST /authentication/token';
export const PRICE = 'POST /products/v2/price';
export const SUBMIT = 'POST /orders/v2/Submit';
export const STATUS = 'GET /orders/v2/status';
