import { create } from 'zustand';
import type { AppErrorShape } from '../../../src-shared/domain/result';
import type { ResOf } from '../../../src-shared/ipc/define';
import type { Contract } from '../../../src-shared/ipc/contract';
import type { ProposalStatus, ProposalSummary } from '../../../src-shared/ipc/proposals';
import { api } from '../../api';

export type ProposalSort = 'number' | 'customer' | 'modified' | 'total';
type Opened = ResOf<Contract, 'proposals:get'>;
type OpenedChangeOrder = ResOf<Contract, 'proposals:changeOrder'>;

interface ProposalsState {
  status: ProposalStatus | '';
  text: string;
  sort: ProposalSort;
  direction: 'asc' | 'desc';
  /** Result pages by number (PROPOSALS_PAGE rows each), fetched as the list scrolls to them. */
  pages: Record<number, ProposalSummary[]>;
  total: number;
  lastSynced: string | null;
  loading: boolean;
  syncing: boolean;
  error: AppErrorShape | null;
  /** The proposal shown in detail, and a change order opened from it. */
  opened: Opened | null;
  openedChangeOrder: OpenedChangeOrder | null;
  opening: boolean;
  /** Reads the first page of the current query afresh (and the total), dropping the others. */
  load(): Promise<void>;
  /** Loads one page when the list scrolls to it (once per query). */
  ensurePage(page: number): void;
  sync(): Promise<void>;
  setFilter(patch: Partial<Pick<ProposalsState, 'status' | 'text' | 'sort' | 'direction'>>): void;
  open(id: number, refresh?: boolean): Promise<void>;
  openChangeOrder(id: number): Promise<void>;
  closeChangeOrder(): void;
  close(): void;
}

/** Bumped by every new query: answers to an older one are dropped. */
let generation = 0;
const inFlight = new Set<string>();
export const PROPOSALS_PAGE = 500;

function listQuery(s: Pick<ProposalsState, 'status' | 'text' | 'sort' | 'direction'>, page: number) {
  return {
    ...(s.status ? { status: s.status } : {}),
    ...(s.text.trim() ? { text: s.text.trim() } : {}),
    sort: s.sort,
    direction: s.direction,
    offset: page * PROPOSALS_PAGE,
    limit: PROPOSALS_PAGE,
  };
}

/** Proposals list (from the local cache, works offline) and the one opened. */
export const useProposals = create<ProposalsState>((set, get) => ({
  status: '',
  text: '',
  sort: 'modified',
  direction: 'desc',
  pages: {},
  total: 0,
  lastSynced: null,
  loading: false,
  syncing: false,
  error: null,
  opened: null,
  openedChangeOrder: null,
  opening: false,

  async load() {
    const gen = ++generation;
    set({ loading: true });
    const reply = await api.proposals.list(listQuery(get(), 0));
    if (gen !== generation) return; // a newer query answered (or will answer) instead
    // Success leaves `error` alone: it may hold the sync's failure, which the user must see.
    if (reply.ok) set({ pages: { 0: reply.value.items }, total: reply.value.total, lastSynced: reply.value.lastSynced, loading: false });
    else set({ loading: false, error: reply.error });
  },

  ensurePage(page) {
    const gen = generation;
    const key = `${gen}:${page}`;
    if (get().pages[page] || inFlight.has(key)) return;
    inFlight.add(key);
    void api.proposals.list(listQuery(get(), page)).then((reply) => {
      inFlight.delete(key);
      if (gen !== generation) return;
      if (reply.ok) set({ pages: { ...get().pages, [page]: reply.value.items }, total: reply.value.total });
      else set({ error: reply.error });
    });
  },

  async sync() {
    if (get().syncing) return;
    set({ syncing: true, error: null });
    const reply = await api.proposals.sync();
    set({ syncing: false, error: reply.ok ? null : reply.error });
    await get().load();
  },

  setFilter(patch) {
    set(patch);
    void get().load();
  },

  async open(id, refresh = false) {
    set({ opening: true, openedChangeOrder: null, error: null });
    const reply = await api.proposals.get({ id, refresh });
    if (reply.ok) set({ opened: reply.value, opening: false });
    else set({ opening: false, error: reply.error });
  },

  async openChangeOrder(id) {
    const reply = await api.proposals.changeOrder({ id });
    if (reply.ok) set({ openedChangeOrder: reply.value });
    else set({ error: reply.error });
  },

  closeChangeOrder: () => set({ openedChangeOrder: null }),
  close: () => set({ opened: null, openedChangeOrder: null }),
}));
