import { VENDORS } from '../../src-shared/ipc/app';
import type { Contract } from '../../src-shared/ipc/contract';
import type { AppContext } from './context';
import { CredentialsService } from './credentials-service';
import type { HandlerMap } from './ipc/dispatch';
import { portalHandlers } from './portal/handlers';
import { srsHandlers } from './srs/handlers';

/** What differs between the Electron shell, the web host and tests. */
export interface Platform {
  version: string;
  /** Opens an allow-listed external URL in the user's browser; false when refused. */
  openExternal(url: string): Promise<boolean>;
}

/** Every channel of the contract, bound to the services. `satisfies` keeps it complete. */
export function createHandlers(ctx: AppContext, platform: Platform) {
  const credentials = new CredentialsService(ctx);
  return {
    'app:info': () => ({
      version: platform.version,
      dataDir: ctx.dataDir,
      sandbox: VENDORS.some((v) => ctx.vendors.resolve(v).mode === 'sandbox'),
      vendors: VENDORS.map((v) => {
        const e = ctx.vendors.resolve(v);
        return { vendor: v, mode: e.mode, baseUrl: e.baseUrl };
      }),
    }),
    'app:openExternal': async ({ url }) => ({ opened: await platform.openExternal(url) }),

    'jobs:cancel': ({ jobId }) => ({ cancelled: ctx.jobs.cancel(jobId) }),
    'jobs:list': () => ctx.jobs.list(),

    'credentials:status': () => ({ vault: ctx.vault.status(), vendors: credentials.all() }),
    'credentials:set': ({ vendor, values }) => credentials.set(vendor, values),
    'credentials:clear': ({ vendor }) => credentials.clear(vendor),
    'credentials:allowPlaintext': ({ allow }) => {
      ctx.vault.setPlaintextAllowed(allow);
      return ctx.vault.status();
    },

    'settings:get': () => ctx.settings.get(),
    'settings:update': (patch) => ctx.settings.update(patch),

    ...portalHandlers(ctx),

    ...srsHandlers(ctx),
  } satisfies HandlerMap<Contract>;
}
