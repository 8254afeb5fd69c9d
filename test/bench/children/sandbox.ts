import { rmSync } from 'node:fs';
import { silentLogger } from '../../../src-main/log/logger';
import { startSandboxServer } from '../../../src-main/sandbox/server';
import { PORTAL_DEMO_CREDENTIALS } from '../../../src-main/sandbox/portal/index';
import { reply } from '../lib/child';
import { tempDir } from '../lib/temp';

export interface SandboxArgs {
  catalogSize: number;
  latencyMs?: number;
}

export interface SandboxInfo {
  portalUrl: string;
  /** Environment that points Junction at this sandbox with its demo keys (headless use). */
  env: Record<string, string>;
}

/**
 * The Portal sandbox in a process of its own: the vendor's work (generating and serialising
 * pages) runs beside Junction's instead of inside the process being measured, as a real
 * vendor would. Runs until SIGTERM.
 */
export async function sandboxChild(args: SandboxArgs): Promise<void> {
  const dataDir = tempDir('sandbox');
  const server = await startSandboxServer({
    dataDir,
    log: silentLogger,
    only: ['portal'],
    config: { portal: { catalogSize: args.catalogSize, latencyMs: args.latencyMs ?? 0 } },
  });
  const portalUrl = server.baseUrl('portal');
  const info: SandboxInfo = {
    portalUrl,
    env: {
      JUNCTION_PORTAL_URL: portalUrl,
      JUNCTION_PORTAL_APP_ID: PORTAL_DEMO_CREDENTIALS.appId,
      JUNCTION_PORTAL_SECRET: PORTAL_DEMO_CREDENTIALS.secretKey,
      JUNCTION_PORTAL_USER_KEY: PORTAL_DEMO_CREDENTIALS.userKey,
    },
  };
  const stop = () => {
    void server.close().finally(() => {
      rmSync(dataDir, { recursive: true, force: true });
      process.exit(0);
    });
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  reply(info);
}
