import { AppError } from '../../../src-shared/domain/result';
import type { DraftView, HeaderPatch, LineOverrideInput } from '../../../src-shared/ipc/orders';
import { SRS_PRICE_TTL_MS, type SrsPricedLineView } from '../../../src-shared/ipc/srs';
import { convertProposal } from '../../orders/convert';
import { validateSubmission, type OrderHeader } from '../../orders/submit-body';
import { mappingKey } from '../../orders/text-keys';
import type { BranchProduct, ConversionInput, LineOverride, OrderDraft, PriceQuote } from '../../orders/types';
import { DraftsRepo, emptyDraftState, type DraftState } from '../../store/orders/drafts-repo';
import { OrdersRepo } from '../../store/orders/orders-repo';
import { SavedMappingsRepo } from '../../store/orders/saved-mappings-repo';
import { SrsAccountRepo } from '../../store/srs/account-repo';
import { SrsAccountService } from '../srs/account-service';
import { toPriceQuote } from './adapters';
import { DraftInputs, type InputsCore, type PriceWanted } from './draft-inputs';
import { toDraftView } from './draft-view';
import { buildHeader, localDay, mergeHeaderPatch } from './header';
import { shownQuoteOf } from './price-recheck';

export interface DraftChoices {
  branchCode?: string | undefined;
  jobAccountNumber?: number | undefined;
  includeChangeOrders?: boolean | undefined;
  excludedChangeOrderIds?: string[] | undefined;
}

export type DraftUpdate = DraftChoices & { lines?: { key: string; set: LineOverrideInput | null }[] | undefined; header?: HeaderPatch | undefined };

/** Edits of one proposal's draft run one after the other (each reads, rebuilds and saves the stored choices). */
const queues = new WeakMap<object, Map<number, Promise<unknown>>>();
export function serialized<T>(db: object, proposalId: number, work: () => Promise<T>): Promise<T> {
  let byProposal = queues.get(db);
  if (!byProposal) queues.set(db, (byProposal = new Map()));
  const before = byProposal.get(proposalId) ?? Promise.resolve();
  const run = before.then(work, work);
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  byProposal.set(proposalId, settled);
  void settled.then(() => {
    if (byProposal.get(proposalId) === settled) byProposal.delete(proposalId);
  });
  return run;
}

export interface BuildOptions {
  refreshProposal?: boolean;
  /** Ask SRS for every price, cached or not. */
  refreshPrices?: boolean;
}

/** A draft as built from the caches and the user's choices. */
export interface BuiltDraft {
  proposalId: number;
  draft: OrderDraft;
  header: OrderHeader;
  view: DraftView;
  state: DraftState;
  account: { customerCode: string; branchCode: string; jobAccountNumber: number | null };
}

/**
 * The order draft of a proposal: assembles the engine's inputs (fetching what is not cached),
 * keeps the user's edits (lines, header, branch, change orders) per proposal, remembers
 * confirmed mappings per company and re-prices on demand.
 */
export class DraftService {
  private readonly inputs: DraftInputs;
  private readonly drafts: DraftsRepo;
  private readonly mappings: SavedMappingsRepo;
  private readonly orders: OrdersRepo;
  private readonly account: SrsAccountService;

  constructor(
    private readonly core: InputsCore,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.inputs = new DraftInputs(core);
    this.drafts = new DraftsRepo(core.db, now);
    this.mappings = new SavedMappingsRepo(core.db, { now });
    this.orders = new OrdersRepo(core.db, { now });
    this.account = new SrsAccountService(core, now);
  }

  private customerCode(): string {
    const code = this.core.vendors.resolve('srs').credentials.customerCode;
    if (!code) throw new AppError('NOT_CONFIGURED', 'SRS is not configured (no customer code): add the SRS credentials under Settings → SRS.');
    return code;
  }

  /** The draft of a proposal with earlier edits (or none with `fresh`); new choices are applied and remembered. */
  open(proposalId: number, choices: DraftChoices & { fresh?: boolean | undefined; refresh?: boolean | undefined } = {}): Promise<DraftView> {
    return serialized(this.core.db, proposalId, () => this.openNow(proposalId, choices));
  }

  update(proposalId: number, req: DraftUpdate): Promise<DraftView> {
    return serialized(this.core.db, proposalId, () => this.updateNow(proposalId, req));
  }

  /** Maps the line to an SRS product for this order and remembers it for the same brand + model (per company). */
  confirmMapping(proposalId: number, key: string, productId: number, option: string): Promise<DraftView> {
    return serialized(this.core.db, proposalId, () => this.confirmMappingNow(proposalId, key, productId, option));
  }

  reprice(proposalId: number): Promise<DraftView> {
    return serialized(this.core.db, proposalId, async () => (await this.buildAndSave(proposalId, this.current(proposalId), { refreshPrices: true })).view);
  }

  private async openNow(proposalId: number, choices: DraftChoices & { fresh?: boolean | undefined; refresh?: boolean | undefined }): Promise<DraftView> {
    const saved = choices.fresh ? null : this.drafts.get(String(proposalId));
    const state = await this.applyChoices(saved ?? emptyDraftState(), choices);
    return (await this.buildAndSave(proposalId, state, { refreshProposal: Boolean(choices.refresh) })).view;
  }

  private async updateNow(proposalId: number, req: DraftUpdate): Promise<DraftView> {
    const state = await this.applyChoices(this.current(proposalId), req);
    for (const { key, set } of req.lines ?? []) {
      state.overrides[key] = set === null ? {} : mergeOverride(state.overrides[key] ?? {}, set);
      if (Object.keys(state.overrides[key]).length === 0) delete state.overrides[key];
    }
    if (req.header) state.header = mergeHeaderPatch(state.header, req.header);
    // Line keys do not depend on edits, so one build tells whether every edited key exists.
    const built = await this.build(proposalId, state, {});
    const keys = new Set([...built.draft.lines, ...built.draft.removed].map((l) => l.key));
    const unknown = (req.lines ?? []).map((l) => l.key).filter((k) => !keys.has(k));
    if (unknown.length) throw new AppError('VALIDATION', `The draft of proposal ${proposalId} has no line ${unknown.join(', ')}; open the draft again to see its lines.`);
    return this.saveBuilt(built).view;
  }

  private async confirmMappingNow(proposalId: number, key: string, productId: number, option: string): Promise<DraftView> {
    const state = this.current(proposalId);
    const built = await this.build(proposalId, state, {});
    const line = built.draft.lines.find((l) => l.key === key);
    if (!line) throw new AppError('VALIDATION', `The draft of proposal ${proposalId} has no line ${key}; open the draft again to see its lines.`);
    const product = (await this.inputs.branchProducts(built.account.branchCode)).find((p) => p.productId === productId);
    if (!product || !product.availableAtBranch) {
      throw new AppError('VALIDATION', `SRS product ${productId} is not sold at branch ${built.account.branchCode}; pick one of the suggestions or search the branch's products.`);
    }
    const options = product.productOptions.length ? product.productOptions : ['N/A'];
    if (!options.includes(option)) throw new AppError('VALIDATION', `${product.productName} (${productId}) has no option "${option}"; choose one of ${options.join(', ')}.`);
    const company = built.account.customerCode;
    for (const s of line.sources) {
      const mk = mappingKey(s.brand, s.model);
      if (mk !== '|') this.mappings.save(company, { key: mk, productId, option });
    }
    state.overrides[key] = { product: { productId, option } };
    return (await this.buildAndSave(proposalId, state, {})).view;
  }

  /** The stored choices of a proposal's draft (defaults when it was never opened). */
  current(proposalId: number): DraftState {
    return this.drafts.get(String(proposalId)) ?? emptyDraftState();
  }

  saveState(proposalId: number, state: DraftState): void {
    this.drafts.save(String(proposalId), state);
  }

  discard(proposalId: number): void {
    this.drafts.remove(String(proposalId));
  }

  async buildAndSave(proposalId: number, state: DraftState, o: BuildOptions): Promise<BuiltDraft> {
    return this.saveBuilt(await this.build(proposalId, state, o));
  }

  /** Stores the choices with the prices as now shown; edits of lines that no longer exist are dropped. */
  private saveBuilt(built: BuiltDraft): BuiltDraft {
    const { state } = built;
    const keys = new Set([...built.draft.lines.map((l) => l.key), ...built.draft.removed.map((r) => r.key)]);
    for (const k of Object.keys(state.overrides)) if (!keys.has(k)) delete state.overrides[k];
    state.shown = {};
    for (const l of built.draft.lines) {
      const q = shownQuoteOf(l);
      if (q) state.shown[l.key] = q;
    }
    this.drafts.save(String(built.proposalId), state);
    return built;
  }

  /** Builds the draft: proposal, catalog, branch products and account in parallel, then prices. */
  async build(proposalId: number, state: DraftState, o: BuildOptions): Promise<BuiltDraft> {
    const [loaded, account] = await Promise.all([this.inputs.proposal(proposalId, Boolean(o.refreshProposal)), this.resolveAccount(state)]);
    const productsP = this.inputs.branchProducts(account.branchCode);
    const refs = [loaded.proposal.areas, ...loaded.changeOrders.map((c) => c.areas)]
      .flat()
      .flatMap((a) => a.options)
      .filter((op) => op.status === 'Accepted')
      .flatMap((op) => op.items)
      .map((i) => i.referencedItemId)
      .filter((r): r is string => r !== null)
      .map(Number);
    const [catalog, branchProducts] = await Promise.all([this.inputs.catalogEntries(refs), productsP]);
    const products = new Map(branchProducts.map((p) => [p.productId, p]));
    const settings = this.core.settings.get();
    const base: ConversionInput = {
      proposal: loaded.proposal,
      changeOrders: loaded.changeOrders,
      catalog,
      savedMappings: this.mappings.list(account.customerCode),
      branchProducts,
      quotes: [],
      options: {
        branchCode: account.branchCode,
        maxPriceMovePercent: settings.priceMaxMovePercent,
        includeChangeOrders: state.includeChangeOrders,
        excludedSourceIds: state.excludedChangeOrderIds,
        overrides: state.overrides,
        priceTtlMs: SRS_PRICE_TTL_MS,
      },
      now: this.now().toISOString(),
    };
    // First pass without prices: it tells which product, unit and quantity each line orders.
    const unpriced = convertProposal(base);
    let quotes: PriceQuote[] = [];
    if (account.jobAccountNumber !== null) {
      const wanted = priceWanted(unpriced, products);
      const priced = await this.inputs.prices({ branchCode: account.branchCode, jobAccountNumber: account.jobAccountNumber }, wanted, Boolean(o.refreshPrices));
      quotes = toQuotes(priced, wanted);
    }
    const draft = convertProposal({ ...base, quotes, now: this.now().toISOString() });
    const header = buildHeader(
      draft,
      { sourceSystem: settings.srsSourceSystem, customerCode: account.customerCode, jobAccountNumber: account.jobAccountNumber, today: localDay(this.now()) },
      state.header,
    );
    const headerIssues = validateSubmission(draft, header).filter((i) => !i.field.startsWith('lines'));
    const open = this.orders.findOpenOrderForProposal(String(proposalId));
    const validation = new SrsAccountRepo(this.core.db).validation(account.customerCode);
    const view = toDraftView(draft, {
      proposalId,
      customerName: loaded.detail.customer?.name ?? '',
      products,
      header,
      headerIssues,
      accountBlockedReason: validation && !validation.valid ? `SRS does not allow ordering for ${account.customerCode}: ${validation.message ?? 'no reason given'}` : null,
      overrides: state.overrides,
      jobAccountNumber: account.jobAccountNumber,
      includeChangeOrders: state.includeChangeOrders,
      existingOrder: open ? { id: open.id, status: open.status, supplierOrderId: open.supplierOrderId, createdAt: open.createdAt } : null,
      amendsOrderId: state.amendsOrderId,
      priceTtlMs: SRS_PRICE_TTL_MS,
    });
    return { proposalId, draft, header, view, state, account };
  }

  /** Branch and job account: the draft's, else the remembered defaults, else the home branch and its first job account. */
  private async resolveAccount(state: DraftState): Promise<BuiltDraft['account']> {
    const customerCode = this.customerCode();
    const s = this.core.settings.get();
    let branchCode = state.branchCode ?? s.srsDefaultBranch ?? (await this.homeBranch(customerCode));
    let jobAccountNumber = state.jobAccountNumber ?? (branchCode !== null && branchCode === s.srsDefaultBranch ? s.srsDefaultJobAccount : null);
    if (branchCode === null || jobAccountNumber === null) {
      const accounts = await this.account.jobAccounts();
      branchCode ??= accounts[0]?.branchCode ?? null;
      jobAccountNumber ??= accounts.find((a) => a.branchCode === branchCode)?.jobAccountNumber ?? null;
    }
    if (branchCode === null) throw new AppError('VALIDATION', `SRS lists no branch for customer ${customerCode}; choose a branch under Settings → SRS.`);
    return { customerCode, branchCode, jobAccountNumber };
  }

  /** The customer's home branch from SRS's validation (validating now, with the configured key, when it never was). */
  private async homeBranch(customerCode: string): Promise<string | null> {
    const stored = new SrsAccountRepo(this.core.db).validation(customerCode);
    if (stored) return stored.homeBranchCode;
    if (!this.core.vendors.resolve('srs').credentials.integrationKey) return null;
    return (await this.account.validate()).homeBranchCode;
  }

  /** Applies branch / job account / change-order choices; a chosen branch and job account become the defaults. */
  private async applyChoices(state: DraftState, c: DraftChoices): Promise<DraftState> {
    const next = { ...state, overrides: { ...state.overrides } };
    if (c.branchCode !== undefined || c.jobAccountNumber !== undefined) {
      const branchCode = c.branchCode ?? state.branchCode ?? this.core.settings.get().srsDefaultBranch;
      if (!branchCode) throw new AppError('VALIDATION', 'Choose an SRS branch before choosing a job account.');
      const branches = await this.account.branches();
      if (!branches.some((b) => b.branchCode === branchCode)) {
        throw new AppError('VALIDATION', `SRS branch ${branchCode} is not one of the branches SRS lists (${branches.map((b) => b.branchCode).join(', ')}).`);
      }
      const atBranch = (await this.account.jobAccounts()).filter((a) => a.branchCode === branchCode);
      let job = c.jobAccountNumber ?? (branchCode === state.branchCode ? state.jobAccountNumber : null) ?? atBranch[0]?.jobAccountNumber ?? null;
      if (c.jobAccountNumber !== undefined && !atBranch.some((a) => a.jobAccountNumber === c.jobAccountNumber)) {
        throw new AppError('VALIDATION', `Job account ${c.jobAccountNumber} is not one of your SRS job accounts at ${branchCode} (${atBranch.map((a) => a.jobAccountNumber).join(', ') || 'none'}).`);
      }
      if (job !== null && !atBranch.some((a) => a.jobAccountNumber === job)) job = atBranch[0]?.jobAccountNumber ?? null;
      next.branchCode = branchCode;
      next.jobAccountNumber = job;
      this.core.settings.update({ srsDefaultBranch: branchCode, srsDefaultJobAccount: job });
    }
    if (c.includeChangeOrders !== undefined) next.includeChangeOrders = c.includeChangeOrders;
    if (c.excludedChangeOrderIds !== undefined) next.excludedChangeOrderIds = [...new Set(c.excludedChangeOrderIds)];
    return next;
  }
}

/** A new edit on top of the line's earlier ones; a new product or unit drops edits that were in the old one's terms. */
function mergeOverride(before: LineOverride, set: LineOverrideInput): LineOverride {
  const next: LineOverride = { ...before };
  if (set.product || set.substitute) {
    delete next.uom;
    delete next.quantity;
  }
  if (set.uom && set.quantity === undefined) delete next.quantity;
  Object.assign(next, set);
  if (next.removed === false) delete next.removed;
  return next;
}

/** The product, unit, option and quantity of every line that can be priced at the branch. */
function priceWanted(draft: OrderDraft, products: ReadonlyMap<number, BranchProduct>): PriceWanted[] {
  const out: PriceWanted[] = [];
  for (const l of draft.lines) {
    if (l.productId === null || l.uom === null || !products.get(l.productId)?.availableAtBranch) continue;
    out.push({ productId: l.productId, uom: l.uom, option: l.option ?? 'N/A', quantity: l.quantity && l.quantity > 0 ? l.quantity : 1 });
  }
  return out;
}

/** One engine quote per product and unit, judged against the largest quantity ordered of it. */
function toQuotes(priced: readonly SrsPricedLineView[], wanted: readonly PriceWanted[]): PriceQuote[] {
  const ordered = new Map<string, number>();
  for (const w of wanted) ordered.set(`${w.productId}|${w.uom}`, Math.max(ordered.get(`${w.productId}|${w.uom}`) ?? 0, w.quantity));
  const out = new Map<string, PriceQuote>();
  for (const p of priced) {
    const k = `${p.productId}|${p.uom}`;
    if (!out.has(k)) out.set(k, toPriceQuote(p, ordered.get(k) ?? p.quantity));
  }
  return [...out.values()];
}
