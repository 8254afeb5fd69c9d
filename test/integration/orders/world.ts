import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createLogger, silentLogger, type Logger } from '../../../src-main/log/logger';
import { startSandboxServer, type SandboxServer } from '../../../src-main/sandbox/server';
import { PORTAL_DEMO_CREDENTIALS, type PortalSandbox } from '../../../src-main/sandbox/portal/index';
import type { SrsSandbox, SrsSandboxConfig } from '../../../src-main/sandbox/srs/index';
import { createAppContext, type AppContext } from '../../../src-main/services/context';
import { openHeadlessVault } from '../../../src-main/vault/open-vault';
import { tempDir } from '../../helpers/temp-dir';
import type { Reply } from '../../../src-shared/domain/result';
import { contract, events, type JunctionApi } from '../../../src-shared/ipc/contract';
import { buildApi } from '../../../src-shared/ipc/define';
import type { DraftView } from '../../../src-shared/ipc/orders';
import { createHandlers } from '../../../src-main/services/handlers';
import { createDispatcher } from '../../../src-main/services/ipc/dispatch';

/** Environment that points Junction at the test's Portal and SRS sandboxes with their demo credentials. */
export function vendorEnv(server: SandboxServer): Record<string, string> {
  const srs = server.vendors.find((v) => v.vendor === 'srs')!.credentials;
  return {
    JUNCTION_PORTAL_URL: server.baseUrl('portal'),
    JUNCTION_PORTAL_APP_ID: PORTAL_DEMO_CREDENTIALS.appId,
    JUNCTION_PORTAL_SECRET: PORTAL_DEMO_CREDENTIALS.secretKey,
    JUNCTION_PORTAL_USER_KEY: PORTAL_DEMO_CREDENTIALS.userKey,
    JUNCTION_SRS_URL: server.baseUrl('srs'),
    JUNCTION_SRS_CLIENT_ID: srs.clientId!,
    JUNCTION_SRS_CLIENT_SECRET: srs.clientSecret!,
    JUNCTION_SRS_CUSTOMER_CODE: srs.customerCode!,
    JUNCTION_SRS_INTEGRATION_KEY: srs.integrationKey!,
  };
}

export interface OrdersWorld {
  dir: string;
  server: SandboxServer;
  portal: PortalSandbox;
  srs: SrsSandbox;
  env: Record<string, string>;
  /** A fresh app context on its own data dir (nothing cached). */
  openContext(name?: string): Promise<AppContext>;
  close(): Promise<void>;
}

/** Portal + SRS sandboxes on 127.0.0.1 (state in a temp dir) and app contexts pointed at them. */
export async function ordersWorld(o: { srs?: Partial<SrsSandboxConfig>; portalLatencyMs?: number; log?: Logger } = {}): Promise<OrdersWorld> {
  const dir = tempDir('junction-orders-');
  const log = o.log ?? (process.env.JUNCTION_TEST_LOG ? createLogger({ file: join(dir.path, 'test.log'), level: 'debug' }) : silentLogger);
  const server = await startSandboxServer({
    dataDir: join(dir.path, 'vendors'),
    log,
    only: ['portal', 'srs'],
    config: { srs: { ...o.srs }, portal: { latencyMs: o.portalLatencyMs ?? 0 } },
  });
  const env = vendorEnv(server);
  const contexts: AppContext[] = [];
  let n = 0;
  return {
    dir: dir.path,
    server,
    portal: server.get<PortalSandbox>('portal'),
    srs: server.get<SrsSandbox>('srs'),
    env,
    async openContext(name = `data-${++n}`) {
      const dataDir = join(dir.path, name);
      mkdirSync(dataDir, { recursive: true });
      const ctx = await createAppContext({ dataDir, env, vault: openHeadlessVault(dataDir, env), log, sandbox: 'off' });
      contexts.push(ctx);
      return ctx;
    },
    async close() {
      for (const c of contexts.splice(0)) await c.close().catch(() => {});
      await server.close();
      dir.cleanup();
    },
  };
}

/** The renderer's typed API over the real dispatcher and handlers (the same path as the app's IPC). */
export function apiFor(ctx: AppContext): JunctionApi {
  const dispatch = createDispatcher(contract, createHandlers(ctx, { version: 'test', openInBrowser: async () => false }), silentLogger);
  return buildApi(contract, events, {
    call: (channel, req) => dispatch(channel, req, { origin: 'test' }),
    subscribe: (name, listener) => ctx.events.onAny((n, payload) => n === name && listener(payload)),
  });
}

/** The value of a reply; a failed reply throws with its code and message (tests assert on both). */
export async function value<T>(reply: Promise<Reply<T>>): Promise<T> {
  const r = await reply;
  if (!r.ok) throw Object.assign(new Error(`${r.error.code}: ${r.error.message}`), { code: r.error.code });
  return r.value;
}

/** Applies the review screen's one-click fixes to every blocking problem: the first option of a colour choice, otherwise "leave off". */
export async function makeSubmittable(api: JunctionApi, proposalId: number): Promise<DraftView> {
  const draft = await value(api.orders.draft({ proposalId }));
  const lines: { key: string; set: { product?: { productId: number; option: string }; removed?: boolean } }[] = [];
  for (const l of draft.lines) {
    const blocking = l.problems.filter((p) => p.blocking);
    const choose = blocking.find((p) => p.code === 'choose-option')?.fixes[0];
    if (blocking.some((p) => p.code !== 'choose-option')) lines.push({ key: l.key, set: { removed: true } });
    else if (choose) lines.push({ key: l.key, set: { product: { productId: choose.productId!, option: choose.option! } } });
  }
  return value(api.orders.updateDraft({ proposalId, lines }));
}
