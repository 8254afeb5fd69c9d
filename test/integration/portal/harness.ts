import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger, type Logger } from '../../../src-main/log/logger';
import { startSandboxServer, type SandboxServer } from '../../../src-main/sandbox/server';
import { PORTAL_DEMO_CREDENTIALS, type PortalSandbox, type PortalSandboxConfig } from '../../../src-main/sandbox/portal/index';
import { createAppContext, type AppContext } from '../../../src-main/services/context';
import { openHeadlessVault } from '../../../src-main/vault/open-vault';

/** Environment that points Junction at a running Portal sandbox with its demo keys (headless use). */
export function portalEnv(baseUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    JUNCTION_PORTAL_URL: baseUrl,
    JUNCTION_PORTAL_APP_ID: PORTAL_DEMO_CREDENTIALS.appId,
    JUNCTION_PORTAL_SECRET: PORTAL_DEMO_CREDENTIALS.secretKey,
    JUNCTION_PORTAL_USER_KEY: PORTAL_DEMO_CREDENTIALS.userKey,
    ...extra,
  };
}

export interface PortalWorld {
  dir: string;
  server: SandboxServer;
  sandbox: PortalSandbox;
  baseUrl: string;
  ctx: AppContext;
  /** Stops the Portal sandbox: from here on Junction is offline. */
  goOffline(): Promise<void>;
  close(): Promise<void>;
}

/** A temp data dir, a Portal sandbox on 127.0.0.1 and an app context configured for it. */
export async function portalWorld(o: { config?: PortalSandboxConfig; env?: Record<string, string>; log?: Logger } = {}): Promise<PortalWorld> {
  const dir = mkdtempSync(join(tmpdir(), 'junction-portal-'));
  const server = await startSandboxServer({ dataDir: join(dir, 'vendor'), log: silentLogger, only: ['portal'], config: { portal: { ...o.config } } });
  const baseUrl = server.baseUrl('portal');
  const env = { ...portalEnv(baseUrl), ...o.env };
  const dataDir = join(dir, 'data');
  const ctx = await createAppContext({ dataDir, env, vault: openHeadlessVault(dataDir, env), log: o.log ?? silentLogger, sandbox: 'off' });
  let online = true;
  return {
    dir,
    server,
    sandbox: server.get<PortalSandbox>('portal'),
    baseUrl,
    ctx,
    async goOffline() {
      if (online) await server.close();
      online = false;
    },
    async close() {
      await ctx.close();
      if (online) await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
