import { create } from 'zustand';
import type { AppErrorShape, Reply } from '../../../src-shared/domain/result';
import type { OrderStatus } from '../../../src-shared/domain/order-status';
import type { SrsBranchView, SrsJobAccountView } from '../../../src-shared/ipc/srs';
import type {
  DraftView,
  HeaderPatch,
  LineOverrideInput,
  OrderDetail,
  OrderNotification,
  OrderSummary,
  PriceChange,
} from '../../../src-shared/ipc/orders';
import { api } from '../../api';
import { notify } from '../../app/toast-store';
import { useNav } from '../../app/nav-store';

/** The draft options besides lines and header that `orders:updateDraft` accepts. */
export interface DraftOptionsPatch {
  branchCode?: string;
  jobAccountNumber?: number;
  includeChangeOrders?: boolean;
  excludedChangeOrderIds?: string[];
}

export interface DraftPatch extends DraftOptionsPatch {
  lines?: { key: string; set: LineOverrideInput | null }[];
  header?: HeaderPatch;
}

interface ReviewState {
  proposalId: number | null;
  draft: DraftView | null;
  loading: boolean;
  /** How many edits are on their way to main; Submit waits for them. */
  saving: number;
  submitting: boolean;
  error: AppErrorShape | null;
  /** Prices or stock that moved when submitting: nothing was ordered, the user reviews them. */
  changes: PriceChange[];
  /** The user confirmed ordering a proposal that already has an open order. */
  orderAgain: boolean;
}

interface OrdersState {
  // ---- list
  items: OrderSummary[];
  total: number;
  status: OrderStatus | '';
  text: string;
  listLoading: boolean;
  listLoaded: boolean;
  listError: AppErrorShape | null;
  syncing: boolean;
  // ---- one order
  detail: OrderDetail | null;
  detailLoading: boolean;
  detailError: AppErrorShape | null;
  // ---- review
  review: ReviewState;
  branches: SrsBranchView[];
  jobAccounts: SrsJobAccountView[];

  loadList(): Promise<void>;
  setFilter(patch: { status?: OrderStatus | ''; text?: string }): void;
  syncAll(): Promise<void>;
  openOrder(id: number): Promise<void>;
  syncOrder(id: number): Promise<void>;
  cancelOrder(id: number, reason: string): Promise<boolean>;
  amendOrder(id: number): Promise<boolean>;
  /** Opens the review screen of a proposal (its draft is built or resumed in main). */
  startReview(proposalId: number, options?: { orderAgain?: boolean; fresh?: boolean }): void;
  loadDraft(proposalId: number, options?: { fresh?: boolean; refresh?: boolean }): Promise<void>;
  loadPickers(): Promise<void>;
  updateDraft(patch: DraftPatch): Promise<boolean>;
  confirmMapping(key: string, productId: number, option: string): Promise<boolean>;
  reprice(): Promise<boolean>;
  setOrderAgain(value: boolean): void;
  /** Submits the draft; on success opens the order. */
  submit(): Promise<void>;
}

const emptyReview = (proposalId: number | null = null): ReviewState => ({
  proposalId,
  draft: null,
  loading: false,
  saving: 0,
  submitting: false,
  error: null,
  changes: [],
  orderAgain: false,
});

let listRequest = 0;
/** Draft edits are sent one after another, so main applies them in the order they were made. */
let draftQueue: Promise<unknown> = Promise.resolve();

export const useOrders = create<OrdersState>((set, get) => {
  const setReview = (patch: Partial<ReviewState>) => set({ review: { ...get().review, ...patch } });

  /** Runs one draft call in the queue and applies the draft it answers with. */
  const draftCall = (label: string, call: (proposalId: number) => Promise<Reply<DraftView>>): Promise<boolean> => {
    const proposalId = get().review.proposalId;
    if (proposalId === null) return Promise.resolve(false);
    setReview({ saving: get().review.saving + 1 });
    const run = draftQueue.then(async () => {
      const reply = await call(proposalId);
      const review = get().review;
      if (review.proposalId !== proposalId) return false; // the user moved on to another proposal
      if (reply.ok) {
        setReview({ draft: reply.value, saving: review.saving - 1, error: null });
        return true;
      }
      setReview({ saving: review.saving - 1, error: reply.error });
      notify.error(label, reply.error);
      return false;
    });
    draftQueue = run.catch(() => undefined);
    return run;
  };

  return {
    items: [],
    total: 0,
    status: '',
    text: '',
    listLoading: false,
    listLoaded: false,
    listError: null,
    syncing: false,
    detail: null,
    detailLoading: false,
    detailError: null,
    review: emptyReview(),
    branches: [],
    jobAccounts: [],

    async loadList() {
      const id = ++listRequest;
      const { status, text } = get();
      set({ listLoading: true });
      const reply = await api.orders.list({ ...(status ? { status } : {}), ...(text.trim() ? { text: text.trim() } : {}), limit: 1000 });
      if (id !== listRequest) return;
      if (reply.ok) set({ items: reply.value.items, total: reply.value.total, listLoading: false, listLoaded: true, listError: null });
      else set({ listLoading: false, listLoaded: true, listError: reply.error });
    },

    setFilter(patch) {
      set(patch);
      void get().loadList();
    },

    async syncAll() {
      set({ syncing: true });
      const reply = await api.orders.sync({});
      set({ syncing: false });
      if (!reply.ok) notify.error('Could not check order status', reply.error);
      await get().loadList();
    },

    async openOrder(id) {
      const same = get().detail?.order.id === id;
      set({ detailLoading: true, detailError: null, ...(same ? {} : { detail: null }) });
      const reply = await api.orders.get({ id });
      if (reply.ok) set({ detail: reply.value, detailLoading: false });
      else set({ detailLoading: false, detailError: reply.error });
    },

    async syncOrder(id) {
      set({ syncing: true });
      const reply = await api.orders.sync({ id });
      set({ syncing: false });
      if (!reply.ok) notify.error('Could not check the order with SRS', reply.error);
      if (get().detail?.order.id === id) await get().openOrder(id);
    },

    async cancelOrder(id, reason) {
      const reply = await api.orders.cancel({ id, ...(reason.trim() ? { reason: reason.trim() } : {}) });
      if (!reply.ok) {
        notify.error(`Order #${id} was not cancelled`, reply.error);
        return false;
      }
      set({ detail: reply.value });
      void get().loadList();
      return true;
    },

    async amendOrder(id) {
      const reply = await api.orders.amend({ id });
      if (!reply.ok) {
        notify.error(`Order #${id} cannot be amended`, reply.error);
        return false;
      }
      set({ review: { ...emptyReview(reply.value.proposalId), draft: reply.value } });
      useNav.getState().go('orders', { proposalId: String(reply.value.proposalId) });
      return true;
    },

    startReview(proposalId, options = {}) {
      const current = get().review;
      const keep = current.proposalId === proposalId && current.draft !== null && !options.fresh;
      set({ review: keep ? { ...current, orderAgain: options.orderAgain ?? current.orderAgain } : { ...emptyReview(proposalId), orderAgain: options.orderAgain ?? false } });
      useNav.getState().go('orders', { proposalId: String(proposalId) });
      if (!keep) void get().loadDraft(proposalId, { ...(options.fresh ? { fresh: true } : {}) });
    },

    async loadDraft(proposalId, options = {}) {
      if (get().review.proposalId !== proposalId) set({ review: emptyReview(proposalId) });
      setReview({ loading: true, error: null });
      void get().loadPickers();
      const reply = await api.orders.draft({ proposalId, ...options });
      if (get().review.proposalId !== proposalId) return;
      if (reply.ok) setReview({ draft: reply.value, loading: false, changes: [] });
      else setReview({ loading: false, error: reply.error });
    },

    async loadPickers() {
      if (get().branches.length && get().jobAccounts.length) return;
      const [branches, accounts] = await Promise.all([api.srs.branches({}), api.srs.jobAccounts({})]);
      set({ branches: branches.ok ? branches.value : get().branches, jobAccounts: accounts.ok ? accounts.value : get().jobAccounts });
    },

    updateDraft: (patch) => draftCall('The change was not saved', (proposalId) => api.orders.updateDraft({ proposalId, ...patch })),

    confirmMapping: (key, productId, option) =>
      draftCall('The product was not mapped', (proposalId) => api.orders.confirmMapping({ proposalId, key, productId, option })),

    reprice: () => draftCall('Prices were not refreshed', (proposalId) => api.orders.reprice({ proposalId })),

    setOrderAgain: (value) => setReview({ orderAgain: value }),

    async submit() {
      const { review } = get();
      if (review.proposalId === null || !review.draft || review.submitting) return;
      const proposalId = review.proposalId;
      setReview({ submitting: true, changes: [] });
      await draftQueue; // edits still on their way land first
      // Amending is itself the confirmation that the proposal is ordered again.
      const again = get().review.orderAgain || get().review.draft?.amendsOrderId != null;
      const reply = await api.orders.submit({ proposalId, again });
      setReview({ submitting: false });
      if (!reply.ok) {
        setReview({ error: reply.error });
        notify.error('The order was not placed', reply.error);
        return;
      }
      const result = reply.value;
      if (result.outcome === 'changed') {
        setReview({ draft: result.draft, changes: result.changes });
        notify.info('Prices or stock changed', 'Nothing was ordered. Review the changes, then submit again.');
        return;
      }
      if (result.outcome === 'already-ordered') {
        const draft = get().review.draft;
        if (draft) {
          const e = result.existingOrder;
          setReview({ draft: { ...draft, existingOrder: { id: e.id, status: e.status, supplierOrderId: e.supplierOrderId, createdAt: e.createdAt } }, orderAgain: false });
        }
        notify.info('Already ordered', result.message);
        return;
      }
      const order = result.order;
      set({ review: emptyReview() });
      notify.success(`Order #${order.id} placed`, `Proposal #${order.proposalNumber} · ${order.status === 'submitting' ? 'sending to SRS' : 'sent to SRS'}`);
      useNav.getState().go('orders', { orderId: String(order.id) });
      void get().openOrder(order.id);
      void get().loadList();
    },
  };
});

const TOASTED: ReadonlySet<OrderNotification['kind']> = new Set(['acknowledged', 'delayed', 'delivered', 'failed', 'invoice-differences', 'cancelled']);

function onNotification(n: OrderNotification) {
  if (!TOASTED.has(n.kind)) return;
  if (n.kind === 'failed') notify.error(n.title, n.message);
  else if (n.kind === 'delivered' || n.kind === 'acknowledged') notify.success(n.title, n.message);
  else notify.info(n.title, n.message);
}

function onChanged(orderId: number) {
  const s = useOrders.getState();
  if (s.listLoaded) void s.loadList();
  if (s.detail?.order.id === orderId) void s.openOrder(orderId);
}

let watching: (() => void) | null = null;

/** Follows order events for the whole session: lists and the open order stay current, notable moves are toasted. */
export function watchOrders(): () => void {
  if (watching) return watching;
  const offChanged = api.events.on('orders:changed', (e) => onChanged(e.orderId));
  const offNotification = api.events.on('orders:notification', onNotification);
  watching = () => {
    offChanged();
    offNotification();
    watching = null;
  };
  return watching;
}
