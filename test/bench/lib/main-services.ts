import { contract } from '../../../src-shared/ipc/contract';
import type { Reply } from '../../../src-shared/domain/result';
import { createLogger } from '../../../src-main/log/logger';
import { createAppContext, defaultLogFile, type AppContext } from '../../../src-main/services/context';
import { createHandlers } from '../../../src-main/services/handlers';
import { createDispatcher } from '../../../src-main/services/ipc/dispatch';
import { openHeadlessVault } from '../../../src-main/vault/open-vault';

export interface MainServices {
  ctx: AppContext;
  call<T = unknown>(channel: string, req?: unknown): Promise<T>;
}

/**
 * What the app's main process does before it is ready: open and migrate the database,
 * open the vault, load settings, build every handler and the dispatcher (the desktop window's
 * app scheme and the web host then put it behind the same HTTP endpoint). With sandbox
 * "auto" and no credentials the embedded simulators start too.
 */
export async function startMainServices(o: {
  dataDir: string;
  env: NodeJS.ProcessEnv;
  sandbox: 'auto' | 'off';
  /** Filled with performance.now() when the context is open (before the handlers are built). */
  marks?: { contextReady?: number };
}): Promise<MainServices> {
  const log = createLogger({ file: defaultLogFile(o.dataDir) });
  const ctx = await createAppContext({ dataDir: o.dataDir, env: o.env, vault: openHeadlessVault(o.dataDir, o.env), log, sandbox: o.sandbox });
  ctx.settings.get();
  if (o.marks) o.marks.contextReady = performance.now();
  const dispatch = createDispatcher(contract, createHandlers(ctx, { version: '0.0.0-bench', openInBrowser: async () => false }), log.child('ipc'));
  return {
    ctx,
    async call<T>(channel: string, req: unknown = {}): Promise<T> {
      const r = (await dispatch(channel, req, { origin: 'test' })) as Reply<T>;
      if (!r.ok) throw new Error(`${channel}: ${r.error.code}: ${r.error.message}`);
      return r.value;
    },
  };
}
