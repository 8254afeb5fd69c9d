import { create } from 'zustand';
import type { AppErrorShape } from '../../../src-shared/domain/result';
import type { CatalogItem, CatalogStatus } from '../../../src-shared/ipc/catalog';
import type { ResOf } from '../../../src-shared/ipc/define';
import type { Contract } from '../../../src-shared/ipc/contract';
import { api } from '../../api';

export const PAGE_SIZE = 100;
type Facets = ResOf<Contract, 'catalog:facets'>;
type ItemView = ResOf<Contract, 'catalog:item'>;

export interface CatalogQuery {
  text: string;
  categoryId: number | null;
  brand: string;
  supplier: string;
}

interface CatalogState {
  query: CatalogQuery;
  /** Result pages by number, fetched as the list scrolls to them. */
  pages: Record<number, CatalogItem[]>;
  total: number;
  tookMs: number | null;
  status: CatalogStatus | null;
  facets: Facets | null;
  error: AppErrorShape | null;
  syncJobId: string | null;
  selected: ItemView | null;
  setQuery(patch: Partial<CatalogQuery>): void;
  ensurePage(page: number): void;
  refresh(): Promise<void>;
  sync(full?: boolean): Promise<void>;
  cancelSync(): Promise<void>;
  select(id: number | null): Promise<void>;
}

let generation = 0;
const inFlight = new Set<string>();

/** The offline catalog: query, paged results for the virtualized list, sync job. */
export const useCatalog = create<CatalogState>((set, get) => ({
  query: { text: '', categoryId: null, brand: '', supplier: '' },
  pages: {},
  total: 0,
  tookMs: null,
  status: null,
  facets: null,
  error: null,
  syncJobId: null,
  selected: null,

  setQuery(patch) {
    generation++;
    set({ query: { ...get().query, ...patch }, pages: {} });
    get().ensurePage(0);
  },

  ensurePage(page) {
    const gen = generation;
    const key = `${gen}:${page}`;
    if (get().pages[page] || inFlight.has(key)) return;
    inFlight.add(key);
    const q = get().query;
    void api.catalog
      .search({
        text: q.text,
        ...(q.categoryId !== null ? { categoryId: q.categoryId } : {}),
        ...(q.brand ? { brand: q.brand } : {}),
        ...(q.supplier ? { supplier: q.supplier } : {}),
        offset: page * PAGE_SIZE,
        limit: PAGE_SIZE,
      })
      .then((reply) => {
        inFlight.delete(key);
        if (gen !== generation) return; // the query changed meanwhile
        if (!reply.ok) return set({ error: reply.error });
        set({ pages: { ...get().pages, [page]: reply.value.items }, total: reply.value.total, tookMs: reply.value.tookMs, error: null });
      });
  },

  async refresh() {
    const [status, facets] = await Promise.all([api.catalog.status(), api.catalog.facets()]);
    set({
      status: status.ok ? status.value : get().status,
      facets: facets.ok ? facets.value : get().facets,
      syncJobId: status.ok ? status.value.runningJobId : get().syncJobId,
    });
    generation++;
    set({ pages: {} });
    get().ensurePage(0);
  },

  async sync(full = false) {
    const reply = await api.catalog.sync({ full });
    if (!reply.ok) return set({ error: reply.error });
    set({ syncJobId: reply.value.jobId, error: null });
  },

  async cancelSync() {
    const id = get().syncJobId;
    if (id) await api.jobs.cancel({ jobId: id });
  },

  async select(id) {
    if (id === null) return set({ selected: null });
    const reply = await api.catalog.item({ id });
    if (reply.ok) set({ selected: reply.value });
    else set({ error: reply.error });
  },
}));

/** Follows the sync job: while it runs, the item count grows; when it ends, reload everything. */
export function watchCatalogSync(): () => void {
  let lastStatus = 0;
  const offProgress = api.events.on('job:progress', (p) => {
    if (p.jobId !== useCatalog.getState().syncJobId || Date.now() - lastStatus < 1000) return;
    lastStatus = Date.now();
    void api.catalog.status().then((reply) => {
      if (reply.ok) useCatalog.setState({ status: reply.value });
    });
  });
  const offFinished = api.events.on('job:finished', (f) => {
    if (f.jobId !== useCatalog.getState().syncJobId) return;
    useCatalog.setState({ syncJobId: null, ...(f.outcome === 'failed' ? { error: { code: 'VENDOR_ERROR', message: f.message ?? 'Catalog sync failed.' } } : {}) });
    void useCatalog.getState().refresh();
  });
  return () => {
    offProgress();
    offFinished();
  };
}
