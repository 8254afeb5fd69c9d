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
  items: ProposalSummary[];
  total: number;
  lastSynced: string | null;
  loading: boolean;
  syncing: boolean;
  error: AppErrorShape | null;
  /** The proposal shown in detail, and a change order opened from it. */
  opened: Opened | null;
  openedChangeOrder: OpenedChangeOrder | null;
  opening: boolean;
  load(): Promise<void>;
  /** Appends the next page when the list scrolls near its end. */
  loadMore(): Promise<void>;
  sync(): Promise<void>;
  setFilter(patch: Partial<Pick<ProposalsState, 'status' | 'text' | 'sort' | 'direction'>>): void;
  open(id: number, refresh?: boolean): Promise<void>;
  openChangeOrder(id: number): Promise<void>;
  closeChangeOrder(): void;
  close(): void;
}

let listRequest = 0;
const PAGE = 500;

function listQuery(s: Pick<ProposalsState, 'status' | 'text' | 'sort' | 'direction'>, offset: number) {
  return { ...(s.status ? { status: s.status } : {}), ...(s.text.trim() ? { text: s.text.trim() } : {}), sort: s.sort, direction: s.direction, offset, limit: PAGE };
}

/** Proposals list (from the local cache, works offline) and the one opened. */
export const useProposals = create<ProposalsState>((set, get) => ({
  status: '',
  text: '',
  sort: 'modified',
  direction: 'desc',
  items: [],
  total: 0,
  lastSynced: null,
  loading: false,
  syncing: false,
  error: null,
  opened: null,
  openedChangeOrder: null,
  opening: false,

  async load() {
    const id = ++listRequest;
    set({ loading: true });
    const reply = await api.proposals.list(listQuery(get(), 0));
    if (id !== listRequest) return; // a newer query answered (or will answer) instead
    // Success leaves `error` alone: it may hold the sync's failure, which the user must see.
    if (reply.ok) set({ items: reply.value.items, total: reply.value.total, lastSynced: reply.value.lastSynced, loading: false });
    else set({ loading: false, error: reply.error });
  },

  async loadMore() {
    const { items, total, loading } = get();
    if (loading || items.length >= total) return;
    const id = ++listRequest;
    set({ loading: true });
    const reply = await api.proposals.list(listQuery(get(), items.length));
    if (id !== listRequest) return;
    if (reply.ok) set({ items: [...items, ...reply.value.items], total: reply.value.total, loading: false });
    else set({ loading: false, error: reply.error });
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
