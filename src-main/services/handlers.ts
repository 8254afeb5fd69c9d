import { VENDORS } from '../../src-shared/ipc/app';
import { allowExternalUrl, type AllowedExternalUrl } from '../app/external-links';
import type { Contract } from '../../src-shared/ipc/contract';
import type { AppContext } from './context';
import { CredentialsService } from './credentials-service';
import type { HandlerMap } from './ipc/dispatch';
import { portalHandlers } from './portal/handlers';
import { srsHandlers } from './srs/handlers';
import { ordersHandlers } from './orders/handlers';

/** What differs between the Electron shell, the web host and tests. */
export interface Platform {
  version: string;
  /** Opens a URL that already passed the allow-list in the user's browser; false when it could not. */
  openInBrowser(url: AllowedExternalUrl): Promise<boolean>;
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
    'app:openLink': async ({ url }) => {
      // The allow-list is enforced here, at the contract, for every platform: a URL the renderer
      // sends never reaches the browser unless it is https on a vendor's host.
      const allowed = allowExternalUrl(url);
      if (!allowed) {
        ctx.log.warn('refused to open a link outside the allow-list', { host: hostOf(url) });
        return { opened: false };
      }
      return { opened: await platform.openInBrowser(allowed) };
    },

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

    ...ordersHandlers(ctx),
  } satisfies HandlerMap<Contract>;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host.slice(0, 100);
  } catch {
    return '(not a URL)';
  }
}
