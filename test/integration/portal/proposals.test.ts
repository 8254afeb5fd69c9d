import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src-main/log/logger';
import { PORTAL_DEMO_CREDENTIALS } from '../../../src-main/sandbox/portal/index';
import { createAppContext } from '../../../src-main/services/context';
import { portalLogin } from '../../../src-main/services/portal/login-service';
import { ProposalsService } from '../../../src-main/services/portal/proposals-service';
import { openHeadlessVault } from '../../../src-main/vault/open-vault';
import { portalWorld, type PortalWorld } from './harness';

let w: PortalWorld;
let service: ProposalsService;

beforeAll(async () => {
  w = await portalWorld();
  service = new ProposalsService(w.ctx);
});
afterAll(() => w.close());

describe('proposals: sync into SQLite, browse offline', () => {
  it('syncs every proposal with details, then only the changed ones', async () => {
    const first = await service.sync();
    expect(first).toMatchObject({ proposals: 30, detailsFetched: 30 });
    expect((await service.sync()).detailsFetched).toBe(0);
    w.sandbox.touchProposal(1005);
    w.sandbox.requests.length = 0;
    expect((await service.sync()).detailsFetched).toBe(1);
    expect(w.sandbox.requests.filter((r) => r.endpoint === 'proposalDetails')).toHaveLength(1);
  });

  it('lists with status filter, text search, sorting and paging', () => {
    const all = service.list({ limit: 1000 });
    expect(all.total).toBe(30);
    expect(all.lastSynced).not.toBeNull();
    const accepted = service.list({ status: 'Accepted' });
    expect(accepted.items.length).toBeGreaterThan(0);
    expect(accepted.items.every((p) => p.status === 'Accepted')).toBe(true);

    const byTotal = service.list({ sort: 'total', direction: 'asc', limit: 1000 }).items.map((p) => p.totalCents);
    expect(byTotal).toEqual([...byTotal].sort((a, b) => a - b));
    const byNumber = service.list({ sort: 'number', direction: 'desc', limit: 1000 }).items.map((p) => p.number);
    expect(byNumber).toEqual([...byNumber].sort((a, b) => b - a));
    const byCustomer = service.list({ sort: 'customer', direction: 'asc', limit: 1000 }).items.map((p) => p.customer!.name.toLowerCase());
    expect(byCustomer).toEqual([...byCustomer].sort());

    const someone = all.items[3]!;
    const found = service.list({ text: someone.customer!.name.split(' ')[1]! });
    expect(found.items.map((p) => p.id)).toContain(someone.id);
    expect(service.list({ text: String(someone.number) }).items.map((p) => p.id)).toEqual([someone.id]);
    expect(service.list({ text: '%' }).total).toBe(0);

    const page2 = service.list({ sort: 'number', direction: 'asc', offset: 10, limit: 10 });
    expect(page2.items.map((p) => p.number)).toEqual(service.list({ sort: 'number', direction: 'asc', limit: 1000 }).items.slice(10, 20).map((p) => p.number));
  });

  it('opens a proposal: accepted options only in acceptedItems, change orders openable', async () => {
    const { proposal, acceptedItems, offline } = await service.get(1001);
    expect(offline).toBe(false);
    expect(proposal.customer?.location?.city).toBeTruthy();
    expect(acceptedItems.every((i) => i.itemType === 'Part' || i.itemType === 'CustomItem')).toBe(true);
    const acceptedOptionIds = new Set(proposal.areas.flatMap((a) => a.options.filter((o) => o.status === 'Accepted').map((o) => o.id)));
    expect(acceptedItems.every((i) => acceptedOptionIds.has(i.optionId))).toBe(true);
    expect(new Set(acceptedItems.map((i) => i.area.name)).size).toBeGreaterThan(1);
    expect(proposal.changeOrders.length).toBeGreaterThan(0);
    const co = await service.changeOrder(proposal.changeOrders[0]!.id);
    expect(co.changeOrder.kind).toBe('changeOrder');
    expect(co.changeOrder.financial.totalCents).toBe(proposal.changeOrders[0]!.totalCents);
  });

  it('searches cached contacts by name, company and city', () => {
    const all = service.searchContacts('', 500);
    expect(all.total).toBeGreaterThanOrEqual(30);
    const c = all.items.find((x) => x.locations.length > 1)!;
    expect(service.searchContacts(c.lastName, 100).items.map((x) => x.id)).toContain(c.id);
    expect(service.searchContacts(c.locations[1]!.city, 100).items.map((x) => x.id)).toContain(c.id);
  });

  it('keeps working with Portal unreachable: list, details and change orders from the cache', async () => {
    await w.goOffline();
    const list = service.list({ status: 'Accepted' });
    expect(list.items.length).toBeGreaterThan(0);
    const cached = await service.get(1001, true);
    expect(cached.offline).toBe(true);
    expect(cached.acceptedItems.length).toBeGreaterThan(0);
    const co = await service.changeOrder(cached.proposal.changeOrders[0]!.id, true);
    expect(co.offline).toBe(true);
    await expect(service.sync()).rejects.toMatchObject({ code: 'VENDOR_UNAVAILABLE' });
    expect(service.list({}).total).toBe(30);
  });
});

describe('portal login', () => {
  it('stores only App ID, Secret Key and User Key; the password is never stored or logged', async () => {
    const world = await portalWorld({ env: { JUNCTION_PORTAL_APP_ID: '', JUNCTION_PORTAL_SECRET: '', JUNCTION_PORTAL_USER_KEY: '' } });
    const env = { JUNCTION_PORTAL_URL: world.baseUrl, JUNCTION_VAULT_PASSPHRASE: 'correct horse battery staple' };
    const dataDir = join(world.dir, 'login');
    const logFile = join(dataDir, 'junction.log');
    const ctx = await createAppContext({ dataDir, env, vault: openHeadlessVault(dataDir, env), log: createLogger({ file: logFile, level: 'debug' }), sandbox: 'off' });
    try {
      const password = PORTAL_DEMO_CREDENTIALS.password;
      await expect(portalLogin(ctx, { username: PORTAL_DEMO_CREDENTIALS.username, password: 'nope-nope', appId: PORTAL_DEMO_CREDENTIALS.appId, secretKey: PORTAL_DEMO_CREDENTIALS.secretKey })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
      expect(ctx.vault.names()).toEqual([]);

      const r = await portalLogin(ctx, { username: PORTAL_DEMO_CREDENTIALS.username, password, appId: PORTAL_DEMO_CREDENTIALS.appId, secretKey: PORTAL_DEMO_CREDENTIALS.secretKey });
      expect(r).toMatchObject({ stored: true, mode: 'live' });
      expect(ctx.vault.names().sort()).toEqual(['portal.appId', 'portal.secretKey', 'portal.userKey']);
      expect(ctx.vault.get('portal.userKey')).toBe(PORTAL_DEMO_CREDENTIALS.userKey);
      // The stored keys work: a proposals sync succeeds with them.
      expect((await new ProposalsService(ctx).sync()).proposals).toBe(30);

      const log = readFileSync(logFile, 'utf8');
      expect(log.length).toBeGreaterThan(0);
      expect(log).not.toContain(password);
      expect(log).not.toContain('nope-nope');
      expect(log).not.toContain('apikeyexchange?');
      const db = readFileSync(join(dataDir, 'junction.db'));
      expect(db.includes(Buffer.from(password))).toBe(false);
    } finally {
      await ctx.close();
      await world.close();
    }
  });
});
