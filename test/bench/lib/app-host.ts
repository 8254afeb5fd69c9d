import { createLogger } from '../../../src-main/log/logger';
import { createAppContext, defaultLogFile, type AppContext } from '../../../src-main/services/context';
import { openHeadlessVault } from '../../../src-main/vault/open-vault';
import { startWebHost, type WebHost } from '../../../src-main/web/host';
import { rendererWithBaselinePages } from './browser';

export interface AppHost {
  ctx: AppContext;
  host: WebHost;
  origin: string;
  close(): Promise<void>;
}

/**
 * The browser host over a data dir, as `npm run web` starts it (embedded sandbox for any
 * vendor without credentials), serving the built renderer plus the blank baseline page.
 */
export async function startAppHost(dataDir: string, prepare?: (ctx: AppContext) => void): Promise<AppHost> {
  const ctx = await createAppContext({ dataDir, env: {}, vault: openHeadlessVault(dataDir, {}), log: createLogger({ file: defaultLogFile(dataDir) }), sandbox: 'auto' });
  prepare?.(ctx);
  const host = await startWebHost({ ctx, rendererDir: rendererWithBaselinePages(), version: '0.0.0-bench' });
  return {
    ctx,
    host,
    origin: `http://127.0.0.1:${host.port}`,
    async close() {
      await host.close();
      await ctx.close();
    },
  };
}
