import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../../log/logger';
import { matchEndpoint, type PortalEndpoint } from '../../vendors/portal/endpoints';
import type { MountedSandbox, SandboxModule } from '../registry';
import { verifyRequest, type SandboxCredentials } from './auth';
import { SandboxCatalog, SEED_ITEMS, toWireItem, type SeedItem } from './catalog-data';
import { Faults, type FaultRule } from './faults';
import { errorBody, HttpError, readBody, send } from './http-util';
import { SEED_CONTACTS, type SandboxContact } from './people';
import { loadProposals } from './proposals-data';
import { route, type PortalData } from './routes';
import { loadState, saveState, type PortalSandboxState } from './state-file';

/** Demo credentials of the sandbox; never real ones. */
export const PORTAL_DEMO_CREDENTIALS: SandboxCredentials = {
  appId: 'junction-sandbox-app',
  secretKey: 'sandbox-secret-5f1c9a7e2b',
  userKey: 'sandbox-userkey-8d3e61f0c4',
  username: 'estimator@demo.portal.io',
  password: 'demo-password',
};

export interface PortalSandbox extends MountedSandbox {
  faults: Faults;
  catalog: SandboxCatalog;
  /** Endpoint + query of every authenticated request, for tests that check paging. */
  requests: { endpoint: PortalEndpoint; query: Record<string, string> }[];
  /** Marks a proposal as modified now (incremental sync tests). */
  touchProposal(id: number): void;
  changeCatalogItem(id: number, patch: Partial<Omit<SeedItem, 'id'>>): SeedItem | undefined;
}

export interface PortalSandboxConfig {
  /** Total catalog size; above the seed's ~2,200 items the rest is generated on the fly. */
  catalogSize?: number;
  latencyMs?: number;
  /** Credentials the sandbox accepts instead of the demo ones (the canary-secrets test plants its own). */
  credentials?: Partial<SandboxCredentials>;
}

function createPortalSandbox(o: { stateDir: string; log: Logger; config?: PortalSandboxConfig }): PortalSandbox {
  const creds: SandboxCredentials = { ...PORTAL_DEMO_CREDENTIALS, ...o.config?.credentials };
  const faults = new Faults();
  faults.latencyMs = o.config?.latencyMs ?? 0;
  const catalog = new SandboxCatalog(Math.max(SEED_ITEMS.length, o.config?.catalogSize ?? SEED_ITEMS.length));
  const proposals = loadProposals();
  const state: PortalSandboxState = loadState(o.stateDir);
  for (const item of state.catalogChanges) catalog.changed.set(item.id, item);
  for (const id of state.catalogRemoved) catalog.removed.add(id);
  for (const [id, at] of Object.entries(state.proposalTouches)) {
    const p = proposals.find((x) => x.id === Number(id));
    if (p) p.lastModifiedDate = p.lastModifiedByUserDate = at;
  }
  const contacts: SandboxContact[] = [...structuredClone(SEED_CONTACTS), ...state.contacts];
  const requests: PortalSandbox['requests'] = [];

  const persist = () => {
    state.catalogChanges = [...catalog.changed.values()];
    state.catalogRemoved = [...catalog.removed];
    saveState(o.stateDir, state);
  };

  const data: PortalData = { creds, proposals, contacts, catalog, state, persist };

  /** Unsigned test controls under /_sandbox (faults, catalog changes); never part of Portal's API. */
  async function control(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const body = req.method === 'POST' ? await readBody(req) : '';
    const json = body ? (JSON.parse(body) as Record<string, unknown>) : {};
    if (path === '/_sandbox/faults') {
      if (req.method === 'POST') {
        if (json.clear) faults.clear();
        faults.set({
          ...(typeof json.latencyMs === 'number' ? { latencyMs: json.latencyMs } : {}),
          ...(Array.isArray(json.rules) ? { rules: json.rules as FaultRule[] } : {}),
        });
      }
      return send(res, 200, faults.snapshot());
    }
    if (path === '/_sandbox/catalog/change' && req.method === 'POST') {
      const changed = sandbox.changeCatalogItem(Number(json.id), (json.patch ?? {}) as Partial<SeedItem>);
      return changed ? send(res, 200, toWireItem(changed)) : send(res, 404, errorBody('NotFound', 'No such item.'));
    }
    if (path === '/_sandbox/stats') return send(res, 200, { requests: requests.length, catalogSize: catalog.size });
    send(res, 404, errorBody('NotFound', 'No such sandbox control.'));
  }

  const sandbox: PortalSandbox = {
    vendor: 'portal',
    credentials: { ...creds },
    faults,
    catalog,
    requests,
    touchProposal(id) {
      const p = proposals.find((x) => x.id === id);
      if (!p) return;
      const at = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
      p.lastModifiedDate = p.lastModifiedByUserDate = at;
      state.proposalTouches[String(id)] = at;
      persist();
    },
    changeCatalogItem(id, patch) {
      const changed = catalog.change(id, patch, new Date());
      if (changed) persist();
      return changed;
    },
    async handle(req, res, path, baseUrl) {
      const [pathname = '/', search = ''] = path.split('?', 2) as [string, string?];
      if (pathname.startsWith('/_sandbox/')) return control(req, res, pathname);
      const match = matchEndpoint(req.method ?? 'GET', pathname);
      if (!match) return send(res, 404, errorBody('NotFound', `No such endpoint: ${req.method} ${pathname}`));
      const body = req.method === 'POST' ? await readBody(req) : '';
      const denied = verifyRequest(req, baseUrl + pathname, creds, { keyExchange: match.name === 'keyExchange', now: Date.now() });
      if (denied) {
        o.log.debug('portal sandbox refused a request', { endpoint: match.name, errorCode: denied.errorCode });
        return send(res, denied.status, errorBody(denied.errorCode, denied.message));
      }
      const q = new URLSearchParams(search);
      requests.push({ endpoint: match.name, query: match.name === 'keyExchange' ? {} : Object.fromEntries(q) });
      if (faults.latencyMs) await sleep(faults.latencyMs);
      const fault = faults.take(match.name);
      if (fault) {
        const headers: Record<string, string> = fault.retryAfterSeconds !== undefined ? { 'retry-after': String(fault.retryAfterSeconds) } : {};
        const message = fault.message ?? defaultFaultMessage(fault.status);
        return send(res, fault.status, fault.body !== undefined ? fault.body : errorBody(`Sandbox${fault.status}`, message), headers);
      }
      try {
        send(res, 200, route(data, match.name, match.params, q, req, body));
      } catch (e) {
        if (e instanceof HttpError) return send(res, e.status, errorBody(e.errorCode, e.message));
        throw e;
      }
    },
  };
  return sandbox;
}

function defaultFaultMessage(status: number): string {
  if (status === 429) return 'Too many requests.';
  if (status === 402) return 'This action requires an active subscription.';
  if (status === 403) return 'You do not have permission for this API call.';
  if (status >= 500) return 'Internal error.';
  return 'Sandbox fault.';
}

export const portalSandboxModule: SandboxModule = {
  vendor: 'portal',
  create: ({ stateDir, log, config }) => createPortalSandbox({ stateDir, log, config: (config ?? {}) as PortalSandboxConfig }),
};
