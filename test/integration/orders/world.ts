import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createLogger, silentLogger, type Logger } from '../../../src-main/log/logger';
import { startSandboxServer, type SandboxServer } from '../../../src-main/sandbox/server';
import { PORTAL_DEMO_CREDENTIALS, type PortalSandbox } from '../../../src-main/sandbox/portal/index';
import type { SrsSandbox, SrsSandboxConfig } from '../../../src-main/sandbox/srs/index';
import { createAppContext, type AppContext } from '../../../src-main/services/context';
import { openHeadlessVault } from '../../../src-main/vault/open-vault';
import { tempDir } from '../../helpers/temp-dir';

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
