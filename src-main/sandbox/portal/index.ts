import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../../log/logger';
import { matchEndpoint, PORTAL_QUERY, type PortalEndpoint } from '../../vendors/portal/endpoints';
import { FORM_CONTENT_TYPE } from '../../vendors/portal/client';
import type { MountedSandbox, SandboxModule } from '../registry';
import { verifyRequest, type SandboxCredentials } from './auth';
import { CATEGORY_TREE, facets, SandboxCatalog, SEED_ITEMS, toWireDetails, toWireItem, type SeedItem } from './catalog-data';
import { Faults, type FaultRule } from './faults';
import { contactDetails, contactMatches, contactSummary, SEED_CONTACTS, type SandboxContact, type SandboxLocation } from './people';
import {
  changeOrderDetails,
  changeOrderSummary,
  isProposalStatus,
  loadProposals,
  proposalDetails,
  proposalMatches,
  proposalSummary,
  type SandboxProposal,
} from './proposals-data';
import { loadState, saveState, type PortalSandboxState } from './state-file';

/** Demo credentials of the sandbox; never real ones. */
export const PORTAL_DEMO_CREDENTIALS: SandboxCredentials = {
  appId: 'junction-sandbox-app',
  secretKey: 'sandbox-secret-5f1c9a7e2b',
  userKey: 'sandbox-userkey-8d3e61f0c4',
  username: 'estimator@demo.portal.io',
  password: 'demo-password',
};

const MAX_PAGE_SIZE = 500;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errorCode = 'Error',
  ) {
    super(message);
  }
}

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
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(body));
}

const errorBody = (errorCode: string, message: string) => ({ responseStatus: { errorCode, message } });

async function readBody(req: IncomingMessage, limit = 1_000_000): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new HttpError(413, 'Request body too large.');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function intParam(q: URLSearchParams, name: string, dflt: number, min: number, max: number): number {
  const raw = q.get(name);
  if (raw === null || raw === '') return dflt;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new HttpError(400, `${name} must be an integer from ${min} to ${max}.`, 'ArgumentOutOfRange');
  return n;
}

function dateParam(q: URLSearchParams, name: string): number | undefined {
  const raw = q.get(name);
  if (!raw) return undefined;
  const t = Date.parse(raw);
  if (Number.isNaN(t)) throw new HttpError(400, `${name} is not a date.`, 'ArgumentException');
  return t;
}

function requireForm(req: IncomingMessage, body: string): URLSearchParams {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim();
  if (type !== FORM_CONTENT_TYPE) throw new HttpError(415, `Send the fields as ${FORM_CONTENT_TYPE}.`, 'UnsupportedMediaType');
  return new URLSearchParams(body);
}

function createPortalSandbox(o: { stateDir: string; log: Logger; config?: PortalSandboxConfig }): PortalSandbox {
  const creds = PORTAL_DEMO_CREDENTIALS;
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

  const findProposal = (id: string): SandboxProposal => {
    const p = proposals.find((x) => String(x.id) === id);
    if (!p) throw new HttpError(404, 'Proposal not found.', 'NotFound');
    return p;
  };
  const findContact = (id: string): SandboxContact => {
    const c = contacts.find((x) => String(x.id) === id);
    if (!c) throw new HttpError(404, 'This person does not exists.', 'NotFound');
    return c;
  };

  function route(name: PortalEndpoint, params: Record<string, string>, q: URLSearchParams, req: IncomingMessage, body: string): unknown {
    const pageNumber = () => intParam(q, PORTAL_QUERY.pageNumber, 1, 1, 1_000_000);
    const pageSize = (dflt: number) => intParam(q, PORTAL_QUERY.pageSize, dflt, 1, MAX_PAGE_SIZE);
    switch (name) {
      case 'keyExchange': {
        const user = q.get(PORTAL_QUERY.userName) ?? '';
        const pass = q.get(PORTAL_QUERY.password) ?? '';
        if (user.toLowerCase() !== creds.username || pass !== creds.password) {
          throw new HttpError(401, 'Invalid credentials or User Email is not verified', 'InvalidCredentials');
        }
        return { userId: 'u-1001', userName: creds.username, displayName: 'Demo Estimator', apiKey: creds.userKey, meta: { apiKey: creds.userKey }, roles: ['Dealer'], permissions: [] };
      }
      case 'proposalList': {
        const status = q.get(PORTAL_QUERY.status);
        if (status && !isProposalStatus(status)) throw new HttpError(400, `Unknown proposal status ${status}.`, 'ArgumentException');
        const text = q.get(PORTAL_QUERY.search) ?? '';
        const since = dateParam(q, PORTAL_QUERY.modifiedSince);
        const size = pageSize(25);
        const start = (pageNumber() - 1) * size;
        const hits = proposals
          .filter((p) => (!status || p.status === status) && (!text || proposalMatches(p, text)) && (since === undefined || Date.parse(p.lastModifiedDate) > since))
          .sort((a, b) => a.id - b.id);
        return { proposals: hits.slice(start, start + size).map(proposalSummary), proposalCount: hits.length };
      }
      case 'proposalDetails':
        return proposalDetails(findProposal(params.id ?? ''));
      case 'changeOrderList':
        return findProposal(params.id ?? '').changeOrders.map(changeOrderSummary);
      case 'changeOrderDetails': {
        const co = proposals.flatMap((p) => p.changeOrders).find((c) => String(c.id) === params.id);
        if (!co) throw new HttpError(404, 'Change order not found.', 'NotFound');
        return changeOrderDetails(co);
      }
      case 'contactList': {
        const text = q.get(PORTAL_QUERY.search) ?? '';
        const size = pageSize(25);
        const start = (pageNumber() - 1) * size;
        const hits = contacts.filter((c) => !text || contactMatches(c, text));
        return { people: hits.slice(start, start + size).map(contactSummary), peopleCount: hits.length };
      }
      case 'contactDetails': {
        const c = findContact(params.id ?? '');
        return contactDetails(c, proposals.filter((p) => p.customer.id === c.id).length);
      }
      case 'contactCreate': {
        const f = requireForm(req, body);
        const firstName = f.get('FirstName') ?? '';
        const companyName = f.get('CompanyName') ?? '';
        if (!firstName.trim() && !companyName.trim()) throw new HttpError(400, 'FirstName or CompanyName is required.', 'ValidationException');
        const c: SandboxContact = {
          id: ++state.nextId,
          contactType: f.get('ContactType') || 'Residential',
          contactCategory: f.get('ContactCategory') || 'Client',
          firstName,
          lastName: f.get('LastName') ?? '',
          companyName,
          contactEmail: f.get('ContactEmail') ?? '',
          contactEmailCC: f.get('ContactEmailCC') ?? '',
          contactPhone: f.get('ContactPhone') ?? '',
          notes: f.get('Notes') ?? '',
          lastModifiedDate: new Date().toISOString(),
          locations: [],
        };
        contacts.push(c);
        state.contacts.push(c);
        persist();
        return contactDetails(c, 0);
      }
      case 'contactLocationList': {
        const c = findContact(params.id ?? '');
        return { contactLocations: c.locations, locationCount: c.locations.length };
      }
      case 'contactLocationCreate': {
        const c = findContact(params.id ?? '');
        const f = requireForm(req, body);
        for (const field of ['Street', 'City', 'State', 'PostalCode']) {
          if (!f.get(field)?.trim()) throw new HttpError(400, `${field} is required.`, 'ValidationException');
        }
        const loc: SandboxLocation = {
          id: ++state.nextId,
          street: f.get('Street') ?? '',
          suite: f.get('Suite') ?? '',
          city: f.get('City') ?? '',
          postalCode: f.get('PostalCode') ?? '',
          state: f.get('State') ?? '',
          stateAbbrev: f.get('State') ?? '',
          country: f.get('Country') || 'US',
          phone: f.get('ContactPhoneNumber') ?? '',
          contactFirstName: f.get('ContactFirstName') ?? c.firstName,
          contactLastName: f.get('ContactLastName') ?? c.lastName,
          contactPhoneNumber: f.get('ContactPhoneNumber') ?? '',
          contactEmail: f.get('ContactEmail') ?? '',
          isPrimary: f.get('IsPrimary') === 'true',
          isBilling: f.get('IsBilling') === 'true',
        };
        c.locations.push(loc);
        const stored = state.contacts.find((x) => x.id === c.id);
        if (stored) stored.locations = c.locations;
        else state.contacts.push(c);
        persist();
        return loc;
      }
      case 'catalogItems': {
        const started = Date.now();
        const category = q.get(PORTAL_QUERY.category);
        const filter = {
          ...(q.get(PORTAL_QUERY.search) ? { text: q.get(PORTAL_QUERY.search)! } : {}),
          ...(category ? { category: intParam(q, PORTAL_QUERY.category, 0, 1, 1e9) } : {}),
          ...(q.get(PORTAL_QUERY.brand) ? { brand: q.get(PORTAL_QUERY.brand)! } : {}),
          ...(q.get(PORTAL_QUERY.supplier) ? { supplier: q.get(PORTAL_QUERY.supplier)! } : {}),
          ...(q.get(PORTAL_QUERY.modifiedSince) ? { modifiedSince: dateParam(q, PORTAL_QUERY.modifiedSince)! } : {}),
        };
        const page = catalog.page(filter, pageNumber(), pageSize(50));
        return {
          items: page.items.map(toWireItem),
          favoriteItems: [],
          ...facets(page.facetSource),
          totalItemCount: page.total,
          processingTimeMS: Date.now() - started,
          favoriteItemCount: 0,
          labors: [],
          customItems: [],
        };
      }
      case 'catalogCategories':
        return CATEGORY_TREE;
      case 'catalogItemDetails': {
        const item = catalog.get(Number(params.id));
        if (!item) throw new HttpError(404, "The requested item doesn't exist", 'NotFound');
        return toWireDetails(item);
      }
    }
  }

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
        send(res, 200, route(match.name, match.params, q, req, body));
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
