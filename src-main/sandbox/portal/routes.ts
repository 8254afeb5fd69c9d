import type { IncomingMessage } from 'node:http';
import { PORTAL_QUERY, type PortalEndpoint } from '../../vendors/portal/endpoints';
import type { SandboxCredentials } from './auth';
import { CATEGORY_TREE, facets, toWireDetails, toWireItem, type SandboxCatalog } from './catalog-data';
import { dateParam, HttpError, intParam, requireForm } from './http-util';
import { contactDetails, contactMatches, contactSummary, type SandboxContact, type SandboxLocation } from './people';
import {
  changeOrderDetails,
  changeOrderSummary,
  isProposalStatus,
  proposalDetails,
  proposalMatches,
  proposalSummary,
  type SandboxProposal,
} from './proposals-data';
import type { PortalSandboxState } from './state-file';

const MAX_PAGE_SIZE = 500;

/** Everything one sandbox instance serves and changes. */
export interface PortalData {
  creds: SandboxCredentials;
  proposals: SandboxProposal[];
  contacts: SandboxContact[];
  catalog: SandboxCatalog;
  state: PortalSandboxState;
  persist(): void;
}

function findProposal(d: PortalData, id: string): SandboxProposal {
  const p = d.proposals.find((x) => String(x.id) === id);
  if (!p) throw new HttpError(404, 'Proposal not found.', 'NotFound');
  return p;
}

function findContact(d: PortalData, id: string): SandboxContact {
  const c = d.contacts.find((x) => String(x.id) === id);
  if (!c) throw new HttpError(404, 'This person does not exists.', 'NotFound');
  return c;
}

/** Serves one authenticated request of the endpoint table from the sandbox's data. */
export function route(d: PortalData, name: PortalEndpoint, params: Record<string, string>, q: URLSearchParams, req: IncomingMessage, body: string): unknown {
  const pageNumber = () => intParam(q, PORTAL_QUERY.pageNumber, 1, 1, 1_000_000);
  const pageSize = (dflt: number) => intParam(q, PORTAL_QUERY.pageSize, dflt, 1, MAX_PAGE_SIZE);
  switch (name) {
    case 'keyExchange': {
      const user = q.get(PORTAL_QUERY.userName) ?? '';
      const pass = q.get(PORTAL_QUERY.password) ?? '';
      if (user.toLowerCase() !== d.creds.username || pass !== d.creds.password) {
        throw new HttpError(401, 'Invalid credentials or User Email is not verified', 'InvalidCredentials');
      }
      return { userId: 'u-1001', userName: d.creds.username, displayName: 'Demo Estimator', apiKey: d.creds.userKey, meta: { apiKey: d.creds.userKey }, roles: ['Dealer'], permissions: [] };
    }
    case 'proposalList': {
      const status = q.get(PORTAL_QUERY.status);
      if (status && !isProposalStatus(status)) throw new HttpError(400, `Unknown proposal status ${status}.`, 'ArgumentException');
      const text = q.get(PORTAL_QUERY.search) ?? '';
      const since = dateParam(q, PORTAL_QUERY.modifiedSince);
      const size = pageSize(25);
      const start = (pageNumber() - 1) * size;
      const hits = d.proposals
        .filter((p) => (!status || p.status === status) && (!text || proposalMatches(p, text)) && (since === undefined || Date.parse(p.lastModifiedDate) > since))
        .sort((a, b) => a.id - b.id);
      return { proposals: hits.slice(start, start + size).map(proposalSummary), proposalCount: hits.length };
    }
    case 'proposalDetails':
      return proposalDetails(findProposal(d, params.id ?? ''));
    case 'changeOrderList':
      return findProposal(d, params.id ?? '').changeOrders.map(changeOrderSummary);
    case 'changeOrderDetails': {
      const co = d.proposals.flatMap((p) => p.changeOrders).find((c) => String(c.id) === params.id);
      if (!co) throw new HttpError(404, 'Change order not found.', 'NotFound');
      return changeOrderDetails(co);
    }
    case 'contactList': {
      const text = q.get(PORTAL_QUERY.search) ?? '';
      const size = pageSize(25);
      const start = (pageNumber() - 1) * size;
      const hits = d.contacts.filter((c) => !text || contactMatches(c, text));
      return { people: hits.slice(start, start + size).map(contactSummary), peopleCount: hits.length };
    }
    case 'contactDetails': {
      const c = findContact(d, params.id ?? '');
      return contactDetails(c, d.proposals.filter((p) => p.customer.id === c.id).length);
    }
    case 'contactCreate': {
      const f = requireForm(req, body);
      const firstName = f.get('FirstName') ?? '';
      const companyName = f.get('CompanyName') ?? '';
      if (!firstName.trim() && !companyName.trim()) throw new HttpError(400, 'FirstName or CompanyName is required.', 'ValidationException');
      const c: SandboxContact = {
        id: ++d.state.nextId,
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
      d.contacts.push(c);
      d.state.contacts.push(c);
      d.persist();
      return contactDetails(c, 0);
    }
    case 'contactLocationList': {
      const c = findContact(d, params.id ?? '');
      return { contactLocations: c.locations, locationCount: c.locations.length };
    }
    case 'contactLocationCreate': {
      const c = findContact(d, params.id ?? '');
      const f = requireForm(req, body);
      for (const field of ['Street', 'City', 'State', 'PostalCode']) {
        if (!f.get(field)?.trim()) throw new HttpError(400, `${field} is required.`, 'ValidationException');
      }
      const loc: SandboxLocation = {
        id: ++d.state.nextId,
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
      const stored = d.state.contacts.find((x) => x.id === c.id);
      if (stored) stored.locations = c.locations;
      else d.state.contacts.push(c);
      d.persist();
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
      const page = d.catalog.page(filter, pageNumber(), pageSize(50));
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
      const item = d.catalog.get(Number(params.id));
      if (!item) throw new HttpError(404, "The requested item doesn't exist", 'NotFound');
      return toWireDetails(item);
    }
  }
}

