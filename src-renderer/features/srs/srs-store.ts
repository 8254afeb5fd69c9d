import { create } from 'zustand';
import type { AppErrorShape } from '../../../src-shared/domain/result';
import type { SrsBranchView, SrsJobAccountView, SrsPricedLineView, SrsProductHit, SrsStatus } from '../../../src-shared/ipc/srs';
import { api } from '../../api';

export interface InvoiceProof {
  invoiceNumber: string;
  invoiceDate?: string;
  billedAmount?: number;
}

interface SrsState {
  status: SrsStatus | null;
  branches: SrsBranchView[];
  jobAccounts: SrsJobAccountView[];
  error: AppErrorShape | null;
  busy: 'load' | 'validate' | 'refresh' | 'defaults' | 'sync' | null;
  load(): Promise<void>;
  validate(invoice?: InvoiceProof): Promise<void>;
  refresh(): Promise<void>;
  setDefaults(branchCode: string | null, jobAccountNumber: number | null): Promise<AppErrorShape | null>;
  syncProducts(): Promise<string | null>;

  // Branch-product search
  query: string;
  searchBranch: string | null;
  onlyAtBranch: boolean;
  results: SrsProductHit[];
  resultBranch: string | null;
  prices: Record<number, SrsPricedLineView>;
  searchError: AppErrorShape | null;
  pricing: boolean;
  search(patch?: Partial<Pick<SrsState, 'query' | 'searchBranch' | 'onlyAtBranch'>>): Promise<void>;
  priceResults(refresh?: boolean): Promise<void>;
}

// Answers to earlier keystrokes may arrive after later ones; only the newest search is shown.
let searchSeq = 0;

/** The SRS account panel and branch-product search: everything goes through window.junction (srs:*). */
export const useSrs = create<SrsState>((set, get) => ({
  status: null,
  branches: [],
  jobAccounts: [],
  error: null,
  busy: null,

  async load() {
    set({ busy: 'load', error: null });
    const status = await api.srs.status();
    if (!status.ok) return set({ busy: null, error: status.error });
    set({ status: status.value });
    if (!status.value.configured) return set({ busy: null });
    const [branches, accounts] = await Promise.all([api.srs.branches({}), api.srs.jobAccounts({})]);
    set({
      busy: null,
      branches: branches.ok ? branches.value : [],
      jobAccounts: accounts.ok ? accounts.value : [],
      error: !branches.ok ? branches.error : !accounts.ok ? accounts.error : null,
    });
  },

  async validate(invoice) {
    set({ busy: 'validate', error: null });
    const reply = await api.srs.validate(invoice ?? {});
    const status = await api.srs.status();
    set({ busy: null, error: reply.ok ? null : reply.error, status: status.ok ? status.value : get().status });
  },

  async refresh() {
    set({ busy: 'refresh', error: null });
    const [branches, accounts] = await Promise.all([api.srs.branches({ refresh: true }), api.srs.jobAccounts({ refresh: true })]);
    set({
      busy: null,
      branches: branches.ok ? branches.value : get().branches,
      jobAccounts: accounts.ok ? accounts.value : get().jobAccounts,
      error: !branches.ok ? branches.error : !accounts.ok ? accounts.error : null,
    });
  },

  async setDefaults(branchCode, jobAccountNumber) {
    set({ busy: 'defaults' });
    const reply = await api.srs.setDefaults({ branchCode, jobAccountNumber });
    const status = await api.srs.status();
    set({ busy: null, status: status.ok ? status.value : get().status });
    return reply.ok ? null : reply.error;
  },

  async syncProducts() {
    set({ busy: 'sync', error: null });
    const reply = await api.srs.syncProducts({});
    set({ busy: null, error: reply.ok ? null : reply.error });
    return reply.ok ? reply.value.jobId : null;
  },

  query: '',
  searchBranch: null,
  onlyAtBranch: false,
  results: [],
  resultBranch: null,
  prices: {},
  searchError: null,
  pricing: false,

  async search(patch = {}) {
    set(patch);
    const { query, searchBranch, onlyAtBranch } = get();
    const seq = ++searchSeq;
    const reply = await api.srs.searchProducts({ text: query, branchCode: searchBranch, onlyAtBranch, limit: 50 });
    if (seq !== searchSeq) return;
    if (!reply.ok) return set({ searchError: reply.error });
    const prices: Record<number, SrsPricedLineView> = {};
    for (const item of reply.value.items) if (item.cachedPrice) prices[item.productId] = item.cachedPrice;
    set({ results: reply.value.items, resultBranch: reply.value.branchCode, prices, searchError: null });
  },

  /** Prices the listed products stocked at the branch (one quantity of the base unit each). */
  async priceResults(refresh = false) {
    const { results, resultBranch } = get();
    const lines = results.filter((r) => r.availableAtBranch).map((r) => ({ productId: r.productId, uom: r.baseUom, quantity: 1 }));
    if (!resultBranch || lines.length === 0) return;
    set({ pricing: true });
    const reply = await api.srs.price({ branchCode: resultBranch, lines, refresh });
    if (!reply.ok) return set({ pricing: false, searchError: reply.error });
    const prices = { ...get().prices };
    for (const l of reply.value.lines) prices[l.productId] = l;
    set({ pricing: false, prices, searchError: null });
  },
}));
