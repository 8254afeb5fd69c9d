import type { Contract } from '../../../src-shared/ipc/contract';
import type { AppContext } from '../context';
import type { Handler } from '../ipc/dispatch';
import { CatalogService } from './catalog-service';
import { portalLogin } from './login-service';
import { PROPOSALS_JOB, ProposalsService } from './proposals-service';

type PortalChannel =
  | 'portal:login'
  | 'proposals:list'
  | 'proposals:sync'
  | 'proposals:get'
  | 'proposals:changeOrder'
  | 'catalog:sync'
  | 'catalog:status'
  | 'catalog:search'
  | 'catalog:facets'
  | 'catalog:item'
  | 'contacts:search';

/** Handlers of the Portal channels (portal, proposals, catalog, contacts), spread into createHandlers. */
export function portalHandlers(ctx: AppContext): { [K in PortalChannel]: Handler<Contract[K]> } {
  const proposals = new ProposalsService(ctx);
  const catalog = new CatalogService(ctx);
  return {
    'portal:login': (req) => portalLogin(ctx, req),
    'proposals:list': (req) => proposals.list(req),
    // A job, so the sync shows progress in the job tray and can be cancelled there.
    'proposals:sync': () => ctx.jobs.start(PROPOSALS_JOB, proposals.syncJob()).done,
    'proposals:get': ({ id, refresh }) => proposals.get(id, refresh),
    'proposals:changeOrder': ({ id, refresh }) => proposals.changeOrder(id, refresh),
    'catalog:sync': ({ full }) => ({ jobId: catalog.startSync({ full }).jobId }),
    'catalog:status': () => catalog.status(),
    'catalog:search': (req) => catalog.search(req),
    'catalog:facets': () => catalog.facets(),
    'catalog:item': ({ id }) => catalog.item(id),
    'contacts:search': ({ text, limit }) => proposals.searchContacts(text, limit),
  };
}
