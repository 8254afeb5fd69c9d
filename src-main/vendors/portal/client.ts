import type { z } from 'zod';
import { AppError } from '../../../src-shared/domain/result';
import type { Logger } from '../../log/logger';
import { registerSecret } from '../../log/redact';
import { VendorHttp, type VendorHttpOptions } from '../http/vendor-http';
import { parseJsonBody, parseVendor } from '../http/parse';
import { endpointLabel, endpointPath, PORTAL_ENDPOINTS, PORTAL_QUERY, type PortalEndpoint } from './endpoints';
import { PORTAL, portalError } from './errors';
import {
  WireCatalogSearch,
  WireCategories,
  WireChangeOrderList,
  WireContactDetails,
  WireContactList,
  WireItemDetails,
  WireKeyExchange,
  WireLocation,
  WireLocationList,
  WireProposalDetails,
  WireProposalList,
} from './schemas';
import { httpDate, signedHeaders } from './signing';

export interface PortalCredentials {
  appId: string;
  secretKey: string;
  userKey: string;
}

export type PortalHttpTuning = Partial<Omit<VendorHttpOptions, 'vendor' | 'baseUrl' | 'log'>>;

export interface PortalClientOptions {
  baseUrl: string;
  credentials: PortalCredentials;
  log: Logger;
  /** The clock used for X-MSS-CUSTOM-DATE (tests move it to provoke a stale date). */
  now?: () => Date;
  http?: PortalHttpTuning;
}

export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';

interface CallOptions {
  params?: Record<string, string | number>;
  query?: Record<string, string | number | undefined>;
  form?: Record<string, string | boolean | undefined>;
  signal?: AbortSignal;
  /** What a 404 means, for the error message ("proposal", "catalog item"). */
  thing?: string;
}

export interface ProposalQuery {
  search?: string;
  status?: string;
  modifiedSince?: string;
  pageSize?: number;
}

export interface CatalogQuery {
  search?: string;
  category?: number;
  brand?: string;
  supplier?: string;
  modifiedSince?: string;
  pageNumber: number;
  pageSize: number;
}

/** Signs and sends one Portal call; shared by the client and the key exchange. */
class PortalTransport {
  readonly http: VendorHttp;

  constructor(
    baseUrl: string,
    private readonly creds: PortalCredentials,
    log: Logger,
    private readonly now: () => Date,
    tuning: PortalHttpTuning = {},
  ) {
    for (const v of Object.values(creds)) registerSecret(v);
    this.http = new VendorHttp({ vendor: PORTAL, baseUrl, log, ...tuning });
  }

  async call<S extends z.ZodType>(name: PortalEndpoint, schema: S, o: CallOptions = {}, keyExchange = false): Promise<z.output<S>> {
    const { method } = PORTAL_ENDPOINTS[name];
    const path = endpointPath(name, o.params);
    const label = endpointLabel(name);
    const body = o.form ? formBody(o.form) : undefined;
    const contentType = body !== undefined ? FORM_CONTENT_TYPE : '';
    const headers = signedHeaders({
      method,
      url: this.http.url(path),
      contentType,
      date: httpDate(this.now()),
      userKey: this.creds.userKey,
      appId: this.creds.appId,
      secretKey: this.creds.secretKey,
    });
    if (contentType) headers['content-type'] = contentType;
    headers.accept = 'application/json';
    const res = await this.http.send({
      method,
      path,
      ...(o.query ? { query: o.query } : {}),
      headers,
      ...(body !== undefined ? { body } : {}),
      idempotent: method === 'GET',
      endpoint: label,
      ...(o.signal ? { signal: o.signal } : {}),
    });
    if (res.status < 200 || res.status >= 300) throw portalError(label, res, { keyExchange, ...(o.thing ? { thing: o.thing } : {}) });
    return parseVendor(schema, parseJsonBody(res.text, PORTAL, label), PORTAL, label);
  }
}

function formBody(form: Record<string, string | boolean | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) if (v !== undefined) p.set(k, String(v));
  return p.toString();
}

/**
 * Exchanges a Portal username + password for the User Key. The request is signed with an
 * empty user key; the URL (it carries the password) is never logged or put in an error.
 */
export async function exchangeUserKey(o: {
  baseUrl: string;
  appId: string;
  secretKey: string;
  username: string;
  password: string;
  log: Logger;
  now?: () => Date;
  http?: PortalHttpTuning;
}): Promise<string> {
  registerSecret(o.password);
  const t = new PortalTransport(o.baseUrl, { appId: o.appId, secretKey: o.secretKey, userKey: '' }, o.log, o.now ?? (() => new Date()), o.http);
  const body = await t.call(
    'keyExchange',
    WireKeyExchange,
    { query: { [PORTAL_QUERY.userName]: o.username, [PORTAL_QUERY.password]: o.password } },
    true,
  );
  const key = body.apiKey ?? body.meta?.apiKey;
  if (!key) throw new AppError('VENDOR_BAD_RESPONSE', `${PORTAL} ${endpointLabel('keyExchange')}: unexpected response: field apiKey: missing (also looked in meta.apiKey)`);
  registerSecret(key);
  return key;
}

/** Typed calls to the Portal.io API; every response parsed at the boundary. */
export class PortalClient {
  private readonly t: PortalTransport;

  constructor(o: PortalClientOptions) {
    this.t = new PortalTransport(o.baseUrl, o.credentials, o.log, o.now ?? (() => new Date()), o.http);
  }

  get http(): VendorHttp {
    return this.t.http;
  }

  proposalPage(q: ProposalQuery & { pageNumber: number }, signal?: AbortSignal) {
    return this.t.call('proposalList', WireProposalList, {
      query: {
        [PORTAL_QUERY.search]: q.search,
        [PORTAL_QUERY.status]: q.status,
        [PORTAL_QUERY.modifiedSince]: q.modifiedSince,
        [PORTAL_QUERY.pageNumber]: q.pageNumber,
        [PORTAL_QUERY.pageSize]: q.pageSize ?? 100,
      },
      ...(signal ? { signal } : {}),
    });
  }

  /** Every proposal matching the query, following PageNumber (1-based) to the end. */
  async allProposals(q: ProposalQuery = {}, signal?: AbortSignal) {
    return collectPages(async (pageNumber) => {
      const page = await this.proposalPage({ ...q, pageNumber }, signal);
      return { items: page.proposals, total: page.proposalCount };
    });
  }

  async proposal(id: number, signal?: AbortSignal) {
    return sameId('proposalDetails', id, await this.t.call('proposalDetails', WireProposalDetails, { params: { id }, thing: `proposal ${id}`, ...(signal ? { signal } : {}) }));
  }

  changeOrders(proposalId: number, signal?: AbortSignal) {
    return this.t.call('changeOrderList', WireChangeOrderList, { params: { id: proposalId }, thing: `proposal ${proposalId}`, ...(signal ? { signal } : {}) });
  }

  async changeOrder(id: number, signal?: AbortSignal) {
    return sameId('changeOrderDetails', id, await this.t.call('changeOrderDetails', WireProposalDetails, { params: { id }, thing: `change order ${id}`, ...(signal ? { signal } : {}) }));
  }

  async allContacts(search?: string, signal?: AbortSignal) {
    return collectPages(async (pageNumber) => {
      const page = await this.t.call('contactList', WireContactList, {
        query: { [PORTAL_QUERY.search]: search, [PORTAL_QUERY.pageNumber]: pageNumber, [PORTAL_QUERY.pageSize]: 100 },
        ...(signal ? { signal } : {}),
      });
      return { items: page.people, total: page.peopleCount };
    });
  }

  async contact(id: number) {
    return sameId('contactDetails', id, await this.t.call('contactDetails', WireContactDetails, { params: { id }, thing: `contact ${id}` }));
  }

  createContact(form: { ContactType?: string; FirstName?: string; LastName?: string; CompanyName?: string; ContactEmail?: string; ContactPhone?: string; Notes?: string }) {
    return this.t.call('contactCreate', WireContactDetails, { form });
  }

  locations(contactId: number, signal?: AbortSignal) {
    return this.t.call('contactLocationList', WireLocationList, { params: { id: contactId }, thing: `contact ${contactId}`, ...(signal ? { signal } : {}) });
  }

  createLocation(
    contactId: number,
    form: { Street: string; City: string; State: string; PostalCode: string; Suite?: string; Country?: string; ContactPhoneNumber?: string; IsPrimary?: boolean; IsBilling?: boolean },
  ) {
    return this.t.call('contactLocationCreate', WireLocation, { params: { id: contactId }, form, thing: `contact ${contactId}` });
  }

  catalogPage(q: CatalogQuery, signal?: AbortSignal) {
    return this.t.call('catalogItems', WireCatalogSearch, {
      query: {
        [PORTAL_QUERY.search]: q.search,
        [PORTAL_QUERY.category]: q.category,
        [PORTAL_QUERY.brand]: q.brand,
        [PORTAL_QUERY.supplier]: q.supplier,
        [PORTAL_QUERY.modifiedSince]: q.modifiedSince,
        [PORTAL_QUERY.pageNumber]: q.pageNumber,
        [PORTAL_QUERY.pageSize]: q.pageSize,
      },
      ...(signal ? { signal } : {}),
    });
  }

  categories(signal?: AbortSignal) {
    return this.t.call('catalogCategories', WireCategories, signal ? { signal } : {});
  }

  async catalogItem(id: number, signal?: AbortSignal) {
    return sameId('catalogItemDetails', id, await this.t.call('catalogItemDetails', WireItemDetails, { params: { id }, thing: `catalog item ${id}`, ...(signal ? { signal } : {}) }));
  }
}

/** A record fetched by id must be that record: another one would be stored under the wrong id. */
function sameId<T extends { id: number }>(name: PortalEndpoint, asked: number, answer: T): T {
  if (answer.id !== asked) {
    throw new AppError('VENDOR_BAD_RESPONSE', `${PORTAL} ${endpointLabel(name)}: asked for ${asked}, the answer is record ${answer.id}; nothing was stored.`);
  }
  return answer;
}

/** Follows 1-based pages until the reported total is reached or a page comes back empty. */
export async function collectPages<T>(fetchPage: (pageNumber: number) => Promise<{ items: T[]; total: number }>): Promise<T[]> {
  const all: T[] = [];
  for (let page = 1; ; page++) {
    const { items, total } = await fetchPage(page);
    all.push(...items);
    if (items.length === 0 || all.length >= total) return all;
  }
}
