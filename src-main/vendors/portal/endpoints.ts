/**
 * Every Portal.io call in one table. The exact path spellings are not fully public, so a
 * correction is a one-line change here; the sandbox serves this same table.
 */
export const PORTAL_ENDPOINTS = {
  keyExchange: { method: 'GET', path: '/authenticate/apikeyexchange' },
  proposalList: { method: 'GET', path: '/proposals' },
  proposalDetails: { method: 'GET', path: '/proposals/{id}' },
  changeOrderList: { method: 'GET', path: '/proposals/{id}/changeorders' },
  changeOrderDetails: { method: 'GET', path: '/changeorders/{id}' },
  contactList: { method: 'GET', path: '/contacts' },
  contactDetails: { method: 'GET', path: '/contacts/{id}' },
  contactCreate: { method: 'POST', path: '/contacts' },
  contactLocationList: { method: 'GET', path: '/contacts/{id}/locations' },
  contactLocationCreate: { method: 'POST', path: '/contacts/{id}/locations' },
  catalogItems: { method: 'GET', path: '/catalog/items' },
  catalogCategories: { method: 'GET', path: '/catalog/categories' },
  catalogItemDetails: { method: 'GET', path: '/catalog/items/{id}' },
} as const satisfies Record<string, { method: 'GET' | 'POST'; path: string }>;

export type PortalEndpoint = keyof typeof PORTAL_ENDPOINTS;

/** Query parameter names Portal uses for paging and filters. */
export const PORTAL_QUERY = {
  pageNumber: 'PageNumber',
  pageSize: 'PageSize',
  search: 'SearchText',
  status: 'Status',
  modifiedSince: 'ModifiedSince',
  category: 'Category',
  brand: 'Brand',
  supplier: 'Supplier',
  userName: 'UserName',
  password: 'Password',
} as const;

/** "/proposals/{id}" + { id: 7 } → "/proposals/7". */
export function endpointPath(name: PortalEndpoint, params: Record<string, string | number> = {}): string {
  return PORTAL_ENDPOINTS[name].path.replace(/\{(\w+)\}/g, (_, key: string) => {
    const v = params[key];
    if (v === undefined) throw new Error(`Portal endpoint ${name} needs ${key}`);
    return encodeURIComponent(String(v));
  });
}

/** Short name for errors and logs, never the URL (the key exchange URL carries the password). */
export function endpointLabel(name: PortalEndpoint): string {
  const e = PORTAL_ENDPOINTS[name];
  return `${e.method} ${e.path}`;
}

/** Matches a request path (no query) against the table: the sandbox's router. */
export function matchEndpoint(method: string, path: string): { name: PortalEndpoint; params: Record<string, string> } | null {
  for (const [name, e] of Object.entries(PORTAL_ENDPOINTS) as [PortalEndpoint, (typeof PORTAL_ENDPOINTS)[PortalEndpoint]][]) {
    if (e.method !== method) continue;
    const keys: string[] = [];
    const re = new RegExp('^' + e.path.replace(/\{(\w+)\}/g, (_, k: string) => (keys.push(k), '([^/]+)')) + '/?$', 'i');
    const m = re.exec(path);
    if (!m) continue;
    const params: Record<string, string> = {};
    keys.forEach((k, i) => (params[k] = decodeURIComponent(m[i + 1] ?? '')));
    return { name, params };
  }
  return null;
}
