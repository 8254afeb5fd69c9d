import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import type { Logger } from '../../log/logger';
import type { MountedSandbox, SandboxOptions } from '../registry';
import { TokenStore } from './auth';
import { activeBranchProducts, branchLocations, customerBranchLocations, validateCustomer } from './catalog';
import { FaultQueue, FaultSchema, setPath, type FaultInput } from './faults';
import { HttpProblem, readJson, sendJson } from './http';
import { cancel, deliveries, findOrder, invoices, orderDetails, orderView, submit, type Clock } from './orders';
import { price } from './pricing';
import { CUSTOMERS, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET } from './seed';
import { SandboxState } from './state';

export const SrsSandboxConfigSchema = z.object({
  tokenTtlSeconds: z.number().positive().default(86_400),
  orderMode: z.enum(['sync', 'async']).default('sync'),
  /** Async mode: how long until a queued order gets its orderID. */
  asyncDelayMs: z.number().int().min(0).default(3_000),
  /** Time between status steps received → acknowledged → shipped → delivered. */
  statusStepMs: z.number().int().min(1).default(60_000),
  maxPriceLines: z.number().int().min(1).default(100),
  /** Credentials accepted instead of the demo ones (the integration key is the demo customer's); for the canary-secrets test. */
  credentials: z.object({ clientId: z.string().min(1), clientSecret: z.string().min(1), integrationKey: z.string().min(1) }).partial().optional(),
});
export type SrsSandboxConfig = z.infer<typeof SrsSandboxConfigSchema>;

interface Route {
  method: string;
  pattern: RegExp;
  /** Endpoint name used by counters and faults. */
  name: string;
  auth: boolean;
  run(req: IncomingMessage, m: RegExpExecArray, query: URLSearchParams, baseUrl: string): Promise<unknown> | unknown;
}

/** The strict SRS (SIPS / Roof Hub) simulator mounted at /srs. */
export class SrsSandbox implements MountedSandbox {
  readonly vendor = 'srs' as const;
  readonly credentials: Record<string, string>;
  readonly config: SrsSandboxConfig;
  readonly faults = new FaultQueue();
  private readonly counts = new Map<string, number>();
  private readonly tokens: TokenStore;
  private readonly state: SandboxState;
  private readonly routes: Route[];
  private readonly log: Logger;

  constructor(options: SandboxOptions, private readonly now: () => number = Date.now) {
    this.log = options.log;
    this.config = SrsSandboxConfigSchema.parse(options.config ?? {});
    const demo = CUSTOMERS[0]!;
    const own = this.config.credentials ?? {};
    this.credentials = {
      clientId: own.clientId ?? DEMO_CLIENT_ID,
      clientSecret: own.clientSecret ?? DEMO_CLIENT_SECRET,
      customerCode: demo.customerCode,
      integrationKey: own.integrationKey ?? demo.integrationKey,
    };
    this.tokens = new TokenStore(this.credentials.clientId!, this.credentials.clientSecret!, () => this.config.tokenTtlSeconds, now);
    this.state = new SandboxState(options.stateDir);
    this.routes = this.buildRoutes();
  }

  // ---- in-process test hooks (the same as the /_sandbox control endpoints) ----

  injectFault(fault: FaultInput): void {
    this.faults.add(fault);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  /** Requests received per endpoint name, e.g. { "POST /authentication/token": 1 }. */
  counters(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  count(endpoint: string): number {
    return this.counts.get(endpoint) ?? 0;
  }

  resetCounters(): void {
    this.counts.clear();
  }

  /** Stored orders (how many exist, to prove that a retry did not duplicate one). */
  orders(): { transactionID: string; orderID: string; status: string }[] {
    const c = this.clock();
    return this.state.orders.map((o) => ({ transactionID: o.transactionID, orderID: o.orderID, status: orderView(o, c).status }));
  }

  configure(patch: Partial<SrsSandboxConfig>): SrsSandboxConfig {
    Object.assign(this.config, SrsSandboxConfigSchema.parse({ ...this.config, ...patch }));
    return { ...this.config };
  }

  expireTokens(): void {
    this.tokens.expireAll();
  }

  issuedTokens(): string[] {
    return this.tokens.issued();
  }

  // ---- HTTP ----

  async handle(req: IncomingMessage, res: ServerResponse, path: string, baseUrl: string): Promise<void> {
    const url = new URL(path, 'http://sandbox');
    const method = req.method ?? 'GET';
    if (url.pathname.startsWith('/_sandbox/')) return this.control(req, res, url.pathname, method);

    let route: Route | undefined;
    let match: RegExpExecArray | null = null;
    for (const r of this.routes) {
      if (r.method !== method) continue;
      match = r.pattern.exec(url.pathname);
      if (match) {
        route = r;
        break;
      }
    }
    const name = route?.name ?? `${method} ${url.pathname}`;
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    if (!route || !match) return sendJson(res, 404, { message: `No such SRS endpoint: ${method} ${url.pathname}` });

    const faults = this.faults.take(name, url.pathname);
    for (const f of faults) if (f.kind === 'latency') await sleep(f.ms ?? 1000);
    if (faults.some((f) => f.kind === 'drop')) {
      req.resume();
      res.socket?.destroy();
      return;
    }
    const status429 = faults.find((f) => f.kind === 'status429');
    if (status429) {
      req.resume();
      return sendJson(res, 429, { message: 'Too many requests' }, { 'retry-after': String(status429.retryAfterSeconds ?? 1) });
    }
    if (faults.some((f) => f.kind === 'status500')) {
      req.resume();
      return sendJson(res, 500, { message: 'Internal server error' });
    }

    let status = 200;
    let body: unknown;
    let headers: Record<string, string> = {};
    try {
      if (route.auth) this.tokens.check(req);
      body = await route.run(req, match, url.searchParams, baseUrl);
    } catch (e) {
      if (!(e instanceof HttpProblem)) throw e;
      req.resume();
      status = e.status;
      body = e.body;
      headers = e.headers;
    }
    for (const f of faults) if (f.kind === 'latencyAfterStore') await sleep(f.ms ?? 1000);
    if (res.destroyed) return;
    if (faults.some((f) => f.kind === 'dropAfterStore')) {
      res.socket?.destroy();
      return;
    }
    for (const f of faults) if (f.kind === 'malformed' && f.path) setPath(body, f.path, f.value);
    sendJson(res, status, body, headers);
  }

  private clock(): Clock {
    return { now: this.now(), stepMs: this.config.statusStepMs };
  }

  private buildRoutes(): Route[] {
    const route = (method: string, pattern: RegExp, name: string, run: Route['run'], auth = true): Route => ({ method, pattern, name, run, auth });
    const orderBy = (q: URLSearchParams) => findOrder(this.state, q, this.clock());
    return [
      route('POST', /^\/authentication\/token\/?$/, 'POST /authentication/token', (req) => this.tokens.issue(req), false),
      route('GET', /^\/customers\/validate\/?$/, 'GET /customers/validate', (_r, _m, q) =>
        validateCustomer(q, (c) => (c.customerCode === this.credentials.customerCode ? this.credentials.integrationKey! : c.integrationKey)),
      ),
      route('GET', /^\/branches\/v2\/branchLocations\/?$/, 'GET /branches/v2/branchLocations', (_r, _m, q) => branchLocations(q)),
      route('GET', /^\/branches\/v2\/customerBranchLocations\/([^/]+)\/?$/, 'GET /branches/v2/customerBranchLocations', (_r, m, q) => customerBranchLocations(decodeURIComponent(m[1]!), q)),
      route('GET', /^\/branches\/v2\/activeBranchProducts\/([^/]+)\/?$/, 'GET /branches/v2/activeBranchProducts', (_r, m) => activeBranchProducts(decodeURIComponent(m[1]!))),
      route('POST', /^\/products\/v2\/price\/?$/, 'POST /products/v2/price', async (req) => price(await readJson(req), this.config.maxPriceLines)),
      route('POST', /^\/orders\/v2\/Submit\/?$/i, 'POST /orders/v2/Submit', async (req) => {
        const body = await readJson(req);
        return submit(body, this.state, { ...this.clock(), mode: this.config.orderMode, asyncDelayMs: this.config.asyncDelayMs });
      }),
      route('GET', /^\/orders\/v2\/status\/?$/, 'GET /orders/v2/status', (_r, _m, q) => orderView(orderBy(q), this.clock())),
      route('GET', /^\/orders\/v2\/details\/?$/, 'GET /orders/v2/details', (_r, _m, q) => orderDetails(orderBy(q), this.clock())),
      route('GET', /^\/orders\/v2\/list\/?$/, 'GET /orders/v2/list', (_r, _m, q) => {
        const code = q.get('customerCode');
        if (!code) throw new HttpProblem(400, { message: 'Validation failed', errors: [{ field: 'customerCode', message: 'is required' }] });
        const c = this.clock();
        return { orders: this.state.orders.filter((o) => o.customerCode === code).map((o) => orderView(o, c)) };
      }),
      route('POST', /^\/orders\/v2\/cancel\/?$/, 'POST /orders/v2/cancel', async (req) => cancel(await readJson(req), this.state, this.clock())),
      route('GET', /^\/deliveries\/v2\/list\/?$/, 'GET /deliveries/v2/list', (_r, _m, q, base) => ({ deliveries: deliveries(orderBy(q), this.clock(), base) })),
      route('GET', /^\/deliveries\/v2\/proofOfDelivery\/?$/, 'GET /deliveries/v2/proofOfDelivery', (_r, _m, q, base) => {
        const d = deliveries(orderBy(q), this.clock(), base)[0];
        if (!d?.proofOfDelivery) throw new HttpProblem(404, { message: 'No proof of delivery yet: the order has not been delivered.' });
        return { deliveryID: d.deliveryID, orderID: d.orderID, ...d.proofOfDelivery };
      }),
      route('GET', /^\/invoices\/v2\/list\/?$/, 'GET /invoices/v2/list', (_r, _m, q) => ({ invoices: invoices(orderBy(q), this.clock()) })),
    ];
  }

  /** Control endpoints for child-process tests: faults, counters, config, orders. No auth: 127.0.0.1 only. */
  private async control(req: IncomingMessage, res: ServerResponse, path: string, method: string): Promise<void> {
    try {
      if (path === '/_sandbox/faults' && method === 'POST') {
        const parsed = FaultSchema.safeParse(await readJson(req));
        if (!parsed.success) return sendJson(res, 400, { message: parsed.error.issues[0]?.message ?? 'bad fault' });
        this.faults.add(parsed.data);
        return sendJson(res, 200, { faults: this.faults.list() });
      }
      if (path === '/_sandbox/faults' && method === 'DELETE') {
        this.faults.clear();
        return sendJson(res, 200, { faults: [] });
      }
      if (path === '/_sandbox/counters' && method === 'GET') return sendJson(res, 200, this.counters());
      if (path === '/_sandbox/counters' && method === 'DELETE') {
        this.resetCounters();
        return sendJson(res, 200, {});
      }
      if (path === '/_sandbox/orders' && method === 'GET') return sendJson(res, 200, { orders: this.orders() });
      if (path === '/_sandbox/config' && method === 'POST') {
        const parsed = SrsSandboxConfigSchema.partial().safeParse(await readJson(req));
        if (!parsed.success) return sendJson(res, 400, { message: parsed.error.issues[0]?.message ?? 'bad config' });
        return sendJson(res, 200, this.configure(parsed.data));
      }
      if (path === '/_sandbox/expireTokens' && method === 'POST') {
        this.expireTokens();
        return sendJson(res, 200, {});
      }
      sendJson(res, 404, { message: `No such control endpoint: ${method} ${path}` });
    } catch (e) {
      if (e instanceof HttpProblem) return sendJson(res, e.status, e.body);
      this.log.error('srs sandbox control failed', { error: e });
      sendJson(res, 500, { message: 'control endpoint failed' });
    }
  }
}
