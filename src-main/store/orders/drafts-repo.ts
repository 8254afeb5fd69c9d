import type { HeaderPatch } from '../../../src-shared/ipc/orders';
import type { LineOverride, StockStatus } from '../../orders/types';
import type { Db } from '../database';

/** A line's price and stock as the user last saw them; submission re-checks against these. */
export interface ShownQuote {
  productId: number;
  productName: string;
  uom: string;
  quantity: number;
  /** Null: "call for price" or not priced. */
  unitPriceCents: number | null;
  stockStatus: StockStatus | null;
  availableQuantity: number | null;
}

/** What the user chose on the review screen; the draft itself is rebuilt from it and the caches. */
export interface DraftState {
  branchCode: string | null;
  jobAccountNumber: number | null;
  includeChangeOrders: boolean;
  excludedChangeOrderIds: string[];
  /** By line key. */
  overrides: Record<string, LineOverride>;
  header: HeaderPatch;
  /** This draft replaces that order (amend = cancel + re-place). */
  amendsOrderId: number | null;
  /** By line key. */
  shown: Record<string, ShownQuote>;
}

export function emptyDraftState(): DraftState {
  return { branchCode: null, jobAccountNumber: null, includeChangeOrders: true, excludedChangeOrderIds: [], overrides: {}, header: {}, amendsOrderId: null, shown: {} };
}

/** One draft per proposal, kept until it is submitted (or started afresh). */
export class DraftsRepo {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get(proposalId: string): DraftState | null {
    const row = this.db.prepare('SELECT state_json FROM order_drafts WHERE proposal_id = ?').get(proposalId) as { state_json: string } | undefined;
    return row ? { ...emptyDraftState(), ...(JSON.parse(row.state_json) as Partial<DraftState>) } : null;
  }

  save(proposalId: string, state: DraftState): void {
    this.db
      .prepare(
        `INSERT INTO order_drafts (proposal_id, state_json, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (proposal_id) DO UPDATE SET state_json = excluded.state_json, updated_at = excluded.updated_at`,
      )
      .run(proposalId, JSON.stringify(state), this.now().toISOString());
  }

  remove(proposalId: string): void {
    this.db.prepare('DELETE FROM order_drafts WHERE proposal_id = ?').run(proposalId);
  }
}
