import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../../src-shared/ipc/contract';
import type { JobFinished } from '../../../src-shared/ipc/jobs';
import { silentLogger } from '../../../src-main/log/logger';
import { createHandlers } from '../../../src-main/services/handlers';
import { createDispatcher, type Dispatch } from '../../../src-main/services/ipc/dispatch';
import { portalWorld, type PortalWorld } from './harness';

let w: PortalWorld;
let dispatch: Dispatch;
const call = (channel: string, req: unknown = {}) => dispatch(channel, req, { origin: 'test' });

beforeAll(async () => {
  w = await portalWorld();
  dispatch = createDispatcher(contract, createHandlers(w.ctx, { version: 'test', openInBrowser: async () => false }), silentLogger);
});
afterAll(() => w.close());

describe('Portal channels through the IPC dispatcher (contract-checked both ways)', () => {
  it('proposals: sync (a job with progress), list with filters, get with acceptedItems, change order', async () => {
    const phases = new Set<string>();
    const off = w.ctx.events.onAny((name, p) => {
      const e = p as { kind: string; phase: string };
      if (name === 'job:progress' && e.kind === 'proposals-sync') phases.add(e.phase);
    });
    expect(await call('proposals:sync')).toMatchObject({ ok: true, value: { proposals: 30 } });
    off();
    expect([...phases]).toEqual(expect.arrayContaining(['Proposal list', 'Proposal details', 'Contacts']));
    const list = await call('proposals:list', { status: 'Accepted', sort: 'total', direction: 'asc' });
    expect(list.ok).toBe(true);
    const items = (list as { value: { items: { id: number; totalCents: number }[] } }).value.items;
    expect(items.length).toBeGreaterThan(0);
    const got = await call('proposals:get', { id: items[0]!.id });
    expect(got).toMatchObject({ ok: true, value: { offline: false, proposal: { id: items[0]!.id } } });
    const co = (got as { value: { proposal: { changeOrders: { id: number }[] } } }).value.proposal.changeOrders[0];
    if (co) expect(await call('proposals:changeOrder', { id: co.id })).toMatchObject({ ok: true, value: { changeOrder: { kind: 'changeOrder' } } });
    expect(await call('contacts:search', { text: 'example.com', limit: 5 })).toMatchObject({ ok: true, value: { total: 32 } });
  });

  it('refuses bad requests before any service runs', async () => {
    expect(await call('proposals:list', { status: 'Maybe' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringContaining('proposals:list: status') } });
    expect(await call('proposals:get', { id: -1 })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await call('catalog:search', { text: 'x', limit: 100_000 })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringContaining('limit') } });
    expect(await call('portal:login', { username: 'a' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringContaining('password') } });
  });

  it('catalog: sync job with a finished event, status, search, facets and item details', async () => {
    const finished = new Promise<JobFinished>((resolve) => {
      const off = w.ctx.events.onAny((name, payload) => {
        if (name === 'job:finished') {
          off();
          resolve(payload as JobFinished);
        }
      });
    });
    const started = await call('catalog:sync', {});
    expect(started.ok).toBe(true);
    expect(await finished).toMatchObject({ kind: 'catalog-sync', outcome: 'done' });
    expect(await call('catalog:status')).toMatchObject({ ok: true, value: { itemCount: 2220, interrupted: false, runningJobId: null } });
    const found = await call('catalog:search', { text: 'timberline', supplier: 'SRS Distribution' });
    expect(found).toMatchObject({ ok: true, value: { items: expect.arrayContaining([expect.objectContaining({ brand: 'GAF', supplierName: 'SRS Distribution' })]) } });
    const facets = await call('catalog:facets');
    expect(facets).toMatchObject({ ok: true, value: { suppliers: expect.arrayContaining(['SRS Distribution']), brands: expect.arrayContaining(['GAF']) } });
    const id = (found as { value: { items: { id: number }[] } }).value.items[0]!.id;
    expect(await call('catalog:item', { id })).toMatchObject({ ok: true, value: { details: { suppliers: [expect.objectContaining({ isDefault: true })] } } });
  });

  it('a wrong password is refused through IPC with a readable message and nothing stored', async () => {
    const r = await call('portal:login', { username: 'estimator@demo.portal.io', password: 'nope-nope-nope' });
    expect(r).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED', message: expect.stringContaining('refused the username or password') } });
    expect(JSON.stringify(r)).not.toContain('nope-nope-nope');
  });

  it('a cancelled proposals sync keeps the details it got; the next one fetches only the rest', async () => {
    const world = await portalWorld();
    try {
      const d = createDispatcher(contract, createHandlers(world.ctx, { version: 'test', openInBrowser: async () => false }), silentLogger);
      world.sandbox.faults.set({ latencyMs: 20 });
      const off = world.ctx.events.onAny((name, p) => {
        const e = p as { jobId: string; kind: string; done: number; phase: string };
        if (name === 'job:progress' && e.kind === 'proposals-sync' && e.phase === 'Proposal details' && e.done >= 5) world.ctx.jobs.cancel(e.jobId);
      });
      expect(await d('proposals:sync', {}, { origin: 'test' })).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
      off();
      world.sandbox.faults.clear();
      const again = await d('proposals:sync', {}, { origin: 'test' });
      expect(again).toMatchObject({ ok: true, value: { proposals: 30 } });
      const fetched = (again as { value: { detailsFetched: number } }).value.detailsFetched;
      expect(fetched).toBeGreaterThan(0);
      expect(fetched).toBeLessThanOrEqual(25);
    } finally {
      await world.close();
    }
  });
});
