import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request, type Dispatcher } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src-main/log/logger';
import { startSandboxServer, type SandboxServer } from '../../../src-main/sandbox/server';
import { PORTAL_DEMO_CREDENTIALS, type PortalSandbox } from '../../../src-main/sandbox/portal/index';
import { exchangeUserKey, PortalClient, type PortalClientOptions } from '../../../src-main/vendors/portal/client';
import { toProposalDetail, acceptedItems } from '../../../src-main/vendors/portal/mapping';

let dir: string;
let server: SandboxServer;
let sandbox: PortalSandbox;
let baseUrl: string;
const creds = { appId: PORTAL_DEMO_CREDENTIALS.appId, secretKey: PORTAL_DEMO_CREDENTIALS.secretKey, userKey: PORTAL_DEMO_CREDENTIALS.userKey };
const fast = { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5, retryAfterCapMs: 50, breakerThreshold: 100 };

const client = (o: Partial<PortalClientOptions> = {}) => new PortalClient({ baseUrl, credentials: creds, log: silentLogger, http: fast, ...o });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'portal-client-'));
  server = await startSandboxServer({ dataDir: dir, log: silentLogger, only: ['portal'] });
  sandbox = server.get<PortalSandbox>('portal');
  baseUrl = server.baseUrl('portal');
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  sandbox.faults.clear();
  sandbox.requests.length = 0;
});

describe('Portal client against the sandbox over HTTP', () => {
  it('is accepted when signed with the right keys, and follows PageNumber to the end', async () => {
    const all = await client().allProposals({ pageSize: 7 });
    expect(all).toHaveLength(30);
    expect(new Set(all.map((p) => p.id)).size).toBe(30);
    expect(sandbox.requests.map((r) => r.query.PageNumber)).toEqual(['1', '2', '3', '4', '5']);
    expect(sandbox.requests.every((r) => r.query.PageSize === '7')).toBe(true);
  });

  it('filters proposals by status and search text', async () => {
    const accepted = await client().allProposals({ status: 'Accepted' });
    expect(accepted.length).toBeGreaterThanOrEqual(5);
    expect(accepted.every((p) => p.status === 'Accepted')).toBe(true);
    const first = accepted[0]!;
    const byName = await client().allProposals({ search: first.customer!.lastName! });
    expect(byName.map((p) => p.id)).toContain(first.id);
  });

  it('rejects a request without signature headers', async () => {
    const res = await request(`${baseUrl}/proposals`);
    expect(res.statusCode).toBe(401);
    expect(await res.body.text()).toMatch(/HMAC/);
  });

  it('rejects a tampered signature with the bad-credentials message', async () => {
    // Flip one character of the signature on the wire, after the client signed the request.
    const tamper: Dispatcher.DispatcherComposeInterceptor = (dispatch) => (opts, handler) => {
      const h = { ...(opts.headers as Record<string, string>) };
      const sig = h['X-MSS-SIGNATURE']!;
      h['X-MSS-SIGNATURE'] = (sig[0] === 'A' ? 'B' : 'A') + sig.slice(1);
      return dispatch({ ...opts, headers: h }, handler);
    };
    const agent = new Agent().compose(tamper);
    const err = await client({ http: { ...fast, dispatcher: agent } }).proposal(1001).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'UNAUTHORIZED' });
    expect((err as Error).message).toMatch(/App ID, Secret Key or User Key is wrong, or the request signature did not match/);
    await agent.close();
  });

  it('rejects a wrong secret key with the bad-credentials message', async () => {
    const err = await client({ credentials: { ...creds, secretKey: 'not-the-secret' } }).allProposals().catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'UNAUTHORIZED' });
    expect((err as Error).message).toContain('GET /proposals');
  });

  it('rejects a stale date with a clock message, distinct from bad credentials', async () => {
    const sixMinutesAgo = () => new Date(Date.now() - 6 * 60_000);
    const err = await client({ now: sixMinutesAgo }).proposal(1001).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'CLOCK_SKEW' });
    expect((err as Error).message).toMatch(/clock differs from Portal's by more than 5 minutes/);
    // Four minutes off is still inside the window.
    const ok = await client({ now: () => new Date(Date.now() - 4 * 60_000) }).proposal(1001);
    expect(ok.id).toBe(1001);
  });

  it('exchanges username and password for the user key; a wrong password is refused without echoing it', async () => {
    const key = await exchangeUserKey({ baseUrl, appId: creds.appId, secretKey: creds.secretKey, username: PORTAL_DEMO_CREDENTIALS.username, password: PORTAL_DEMO_CREDENTIALS.password, log: silentLogger, http: fast });
    expect(key).toBe(creds.userKey);
    const err = await exchangeUserKey({ baseUrl, appId: creds.appId, secretKey: creds.secretKey, username: PORTAL_DEMO_CREDENTIALS.username, password: 'Wr0ng-Passw0rd!', log: silentLogger, http: fast }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'UNAUTHORIZED' });
    expect((err as Error).message).toMatch(/refused the username or password/);
    expect((err as Error).message).not.toContain('Wr0ng-Passw0rd!');
  });

  it('maps 404, 402, 403, 429 and 500 to distinct readable errors', async () => {
    await expect(client().proposal(999_999)).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('no such proposal 999999') });
    sandbox.faults.fail({ status: 402, count: 1, endpoint: 'catalogItems' });
    await expect(client().catalogPage({ pageNumber: 1, pageSize: 10 })).rejects.toMatchObject({ code: 'SUBSCRIPTION_REQUIRED' });
    sandbox.faults.fail({ status: 403, count: 1 });
    await expect(client().categories()).rejects.toMatchObject({ code: 'NO_PERMISSION', message: expect.stringContaining('no permission for GET /catalog/categories') });
    sandbox.faults.fail({ status: 403, count: 1, message: 'This action requires an active subscription.' });
    await expect(client().categories()).rejects.toMatchObject({ code: 'SUBSCRIPTION_REQUIRED' });
    sandbox.faults.fail({ status: 429, count: 5, retryAfterSeconds: 0 });
    await expect(client().proposal(1001)).rejects.toMatchObject({ code: 'RATE_LIMITED', message: expect.stringContaining('rate limiting') });
    sandbox.faults.clear();
    sandbox.faults.fail({ status: 500, count: 5 });
    await expect(client().proposal(1001)).rejects.toMatchObject({ code: 'VENDOR_ERROR', message: expect.stringContaining('server error (500)') });
  });

  it('retries a GET after one 429 and succeeds', async () => {
    sandbox.faults.fail({ status: 429, count: 1, retryAfterSeconds: 0 });
    const p = await client().proposal(1002);
    expect(p.id).toBe(1002);
    expect(sandbox.requests.filter((r) => r.endpoint === 'proposalDetails')).toHaveLength(2);
  });

  it('fails with the endpoint and field when a payload has an unexpected shape', async () => {
    sandbox.faults.fail({ status: 200, count: 1, endpoint: 'proposalList', body: { proposals: [{ id: 'x', number: 1 }], proposalCount: 1 } });
    await expect(client().allProposals()).rejects.toMatchObject({
      code: 'VENDOR_BAD_RESPONSE',
      message: expect.stringMatching(/^Portal\.io GET \/proposals: unexpected response: field proposals\[0\]\.id/),
    });
    sandbox.faults.fail({ status: 200, count: 1, endpoint: 'catalogItems', body: { items: [] } });
    await expect(client().catalogPage({ pageNumber: 1, pageSize: 5 })).rejects.toMatchObject({ message: expect.stringContaining('field totalItemCount') });
    sandbox.faults.fail({ status: 200, count: 1, endpoint: 'keyExchange', body: { userName: 'x' } });
    await expect(
      exchangeUserKey({ baseUrl, ...creds, username: PORTAL_DEMO_CREDENTIALS.username, password: PORTAL_DEMO_CREDENTIALS.password, log: silentLogger, http: fast }),
    ).rejects.toMatchObject({ message: expect.stringContaining('field apiKey') });
  });

  it('reads proposal details: accepted options only, labor excluded, kits and money in cents', async () => {
    const wire = await client().proposal(1001);
    const detail = toProposalDetail(wire, 'proposal');
    expect(detail.areas.length).toBeGreaterThanOrEqual(2);
    expect(detail.areas.every((a) => a.options.filter((o) => o.status === 'Accepted').length === 1)).toBe(true);
    const lines = acceptedItems(detail);
    expect(lines.some((l) => l.itemType === 'Labor')).toBe(false);
    expect(lines.some((l) => l.parentId !== null)).toBe(true);
    const shingles = lines.find((l) => l.supplier === 'SRS Distribution' && l.quantity === 10 && l.area.name === 'Main Roof');
    expect(shingles).toBeDefined();
    expect(Number.isInteger(shingles!.costCents)).toBe(true);
    expect(lines.find((l) => l.quantity === 95)).toBeDefined();
    const declinedIds = new Set(detail.areas.flatMap((a) => a.options.filter((o) => o.status === 'Declined').flatMap((o) => o.items.map((i) => i.id))));
    expect(lines.some((l) => declinedIds.has(l.id))).toBe(false);
  });

  it('lists change orders and reads their details', async () => {
    const list = await client().changeOrders(1001);
    expect(list.length).toBeGreaterThan(0);
    const co = await client().changeOrder(list[0]!.id);
    expect(co.areas[0]!.options[0]!.items.length).toBeGreaterThan(0);
  });

  it('creates a contact and a location with signed form posts', async () => {
    const c = await client().createContact({ FirstName: 'Dana', LastName: 'Form', ContactEmail: 'dana@example.com' });
    const loc = await client().createLocation(c.id, { Street: '1 Test Way', City: 'Denver', State: 'CO', PostalCode: '80202', IsPrimary: true });
    expect(loc.city).toBe('Denver');
    const locations = await client().locations(c.id);
    expect(locations.contactLocations.map((l) => l.id)).toEqual([loc.id]);
    const found = await client().allContacts('dana form');
    expect(found.map((x) => x.id)).toContain(c.id);
    await expect(client().createLocation(c.id, { Street: '', City: 'Denver', State: 'CO', PostalCode: '80202' })).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('Street is required') });
  });

  it('pages the catalog, serves categories and item details with suppliers', async () => {
    const page1 = await client().catalogPage({ pageNumber: 1, pageSize: 100 });
    expect(page1.totalItemCount).toBeGreaterThanOrEqual(2000);
    expect(page1.items).toHaveLength(100);
    const srs = await client().catalogPage({ pageNumber: 1, pageSize: 500, supplier: 'SRS Distribution' });
    expect(srs.totalItemCount).toBeGreaterThanOrEqual(300);
    expect(srs.items.every((i) => /^\d+$/.test(i.defaultCost!.supplierSku!))).toBe(true);
    const tree = await client().categories();
    expect(tree.map((c) => c.name)).toContain('Roofing');
    const details = await client().catalogItem(srs.items[0]!.id);
    expect(details.suppliers[0]).toMatchObject({ name: 'SRS Distribution', sku: srs.items[0]!.defaultCost!.supplierSku });
    await expect(client().catalogItem(42)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('Portal sandbox controls and state', () => {
  it('takes faults over HTTP (POST /portal/_sandbox/faults) for tests in other processes', async () => {
    const set = await request(`${baseUrl}/_sandbox/faults`, { method: 'POST', body: JSON.stringify({ rules: [{ status: 500, count: 5, endpoint: 'proposalDetails' }] }) });
    expect(set.statusCode).toBe(200);
    await set.body.dump();
    await expect(client().proposal(1001)).rejects.toMatchObject({ code: 'VENDOR_ERROR' });
    await (await request(`${baseUrl}/_sandbox/faults`, { method: 'POST', body: JSON.stringify({ clear: true }) })).body.dump();
    await expect(client().proposal(1001)).resolves.toMatchObject({ id: 1001 });
  });

  it('keeps created contacts across a restart (state under the data dir)', async () => {
    const c = await client().createContact({ FirstName: 'Persisted', LastName: 'Person' });
    const again = await startSandboxServer({ dataDir: dir, log: silentLogger, only: ['portal'] });
    try {
      const other = new PortalClient({ baseUrl: again.baseUrl('portal'), credentials: creds, log: silentLogger, http: fast });
      await expect(other.contact(c.id)).resolves.toMatchObject({ firstName: 'Persisted' });
    } finally {
      await again.close();
    }
  });

  it('rejects malformed paging and form posts without the form content type', async () => {
    await expect(client().proposalPage({ pageNumber: 0 })).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('PageNumber must be an integer') });
    await expect(client().catalogPage({ pageNumber: 1, pageSize: 5000 })).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});
