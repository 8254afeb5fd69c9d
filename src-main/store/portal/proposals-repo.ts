import type { Db } from '../database';
import {
  ProposalDetailSchema,
  ProposalSummarySchema,
  ChangeOrderSummarySchema,
  type ChangeOrderSummary,
  type ProposalDetail,
  type ProposalSummary,
} from '../../../src-shared/ipc/proposals';

export interface ProposalListQuery {
  status?: string | undefined;
  text?: string | undefined;
  sort: 'number' | 'customer' | 'modified' | 'total';
  direction: 'asc' | 'desc';
  offset: number;
  limit: number;
}

const SORT_COLUMN = { number: 'number', customer: 'customer_name COLLATE NOCASE', modified: 'last_modified', total: 'total_cents' } as const;

/** Cached Portal proposals and change orders (summaries + details JSON), for offline use. */
export class ProposalsRepo {
  constructor(private readonly db: Db) {}

  /** Replaces the cached list: new and changed summaries upserted, vanished proposals removed. */
  saveSummaries(list: ProposalSummary[], syncedAt: string): void {
    this.db.transaction(() => {
      for (const p of list) this.upsertSummary(p, syncedAt);
      const keep = new Set(list.map((p) => p.id));
      const stale = (this.db.prepare('SELECT id FROM portal_proposals').all() as { id: number }[]).filter((r) => !keep.has(r.id));
      const del = this.db.prepare('DELETE FROM portal_proposals WHERE id = ?');
      for (const r of stale) del.run(r.id);
    })();
  }

  upsertSummary(p: ProposalSummary, syncedAt: string): void {
    this.db
      .prepare(
        `INSERT INTO portal_proposals (id, number, name, status, customer_name, total_cents, last_modified, summary_json, synced_at)
         VALUES (@id, @number, @name, @status, @customer, @total, @modified, @json, @syncedAt)
         ON CONFLICT (id) DO UPDATE SET number = excluded.number, name = excluded.name, status = excluded.status,
           customer_name = excluded.customer_name, total_cents = excluded.total_cents, last_modified = excluded.last_modified,
           summary_json = excluded.summary_json, synced_at = excluded.synced_at`,
      )
      .run({
        id: p.id,
        number: p.number,
        name: p.name,
        status: p.status,
        customer: p.customer?.name ?? '',
        total: p.totalCents,
        modified: p.lastModifiedDate,
        json: JSON.stringify(p),
        syncedAt,
      });
  }

  /** The id of the cached proposal that carries this proposal number, if any. */
  idForNumber(number: number): number | null {
    const row = this.db.prepare('SELECT id FROM portal_proposals WHERE number = ?').get(number) as { id: number } | undefined;
    return row?.id ?? null;
  }

  /** Proposals whose details are missing or older than their summary. */
  needingDetails(): number[] {
    return (
      this.db
        .prepare('SELECT id FROM portal_proposals WHERE detail_json IS NULL OR detail_modified IS NOT last_modified ORDER BY id')
        .all() as { id: number }[]
    ).map((r) => r.id);
  }

  /** Stores one proposal's details with its change orders, in one transaction. */
  saveDetail(detail: ProposalDetail, changeOrders: { summary: ChangeOrderSummary; detail: ProposalDetail }[], syncedAt: string): void {
    this.db.transaction(() => {
      this.db
        .prepare('UPDATE portal_proposals SET detail_json = ?, detail_modified = last_modified, synced_at = ? WHERE id = ?')
        .run(JSON.stringify(detail), syncedAt, detail.id);
      this.db.prepare('DELETE FROM portal_change_orders WHERE proposal_id = ?').run(detail.id);
      // A change order listed twice is stored once (the last one wins), not refused by the primary key.
      const ins = this.db.prepare(
        `INSERT INTO portal_change_orders (id, proposal_id, summary_json, detail_json, synced_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET proposal_id = excluded.proposal_id, summary_json = excluded.summary_json,
           detail_json = excluded.detail_json, synced_at = excluded.synced_at`,
      );
      for (const co of changeOrders) ins.run(co.summary.id, detail.id, JSON.stringify(co.summary), JSON.stringify(co.detail), syncedAt);
    })();
  }

  list(q: ProposalListQuery): { items: ProposalSummary[]; total: number } {
    const where: string[] = [];
    const params: Record<string, unknown> = {};
    if (q.status) {
      where.push('status = @status');
      params.status = q.status;
    }
    const words = (q.text ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 8);
    words.forEach((w, i) => {
      where.push(`(name LIKE @w${i} ESCAPE '\\' OR customer_name LIKE @w${i} ESCAPE '\\' OR CAST(number AS TEXT) LIKE @w${i} ESCAPE '\\')`);
      params[`w${i}`] = `%${w.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
    });
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const dir = q.direction === 'asc' ? 'ASC' : 'DESC';
    const total = (this.db.prepare(`SELECT count(*) AS n FROM portal_proposals ${clause}`).get(params) as { n: number }).n;
    const rows = this.db
      .prepare(`SELECT summary_json FROM portal_proposals ${clause} ORDER BY ${SORT_COLUMN[q.sort]} ${dir}, id ${dir} LIMIT @limit OFFSET @offset`)
      .all({ ...params, limit: q.limit, offset: q.offset }) as { summary_json: string }[];
    return { items: rows.map((r) => ProposalSummarySchema.parse(JSON.parse(r.summary_json))), total };
  }

  detail(id: number): { detail: ProposalDetail; syncedAt: string } | null {
    const row = this.db.prepare('SELECT detail_json, synced_at FROM portal_proposals WHERE id = ?').get(id) as
      | { detail_json: string | null; synced_at: string }
      | undefined;
    if (!row?.detail_json) return null;
    return { detail: ProposalDetailSchema.parse(JSON.parse(row.detail_json)), syncedAt: row.synced_at };
  }

  changeOrder(id: number): { detail: ProposalDetail; syncedAt: string } | null {
    const row = this.db.prepare('SELECT detail_json, synced_at FROM portal_change_orders WHERE id = ?').get(id) as
      | { detail_json: string | null; synced_at: string }
      | undefined;
    if (!row?.detail_json) return null;
    return { detail: ProposalDetailSchema.parse(JSON.parse(row.detail_json)), syncedAt: row.synced_at };
  }

  changeOrderSummaries(proposalId: number): ChangeOrderSummary[] {
    return (this.db.prepare('SELECT summary_json FROM portal_change_orders WHERE proposal_id = ? ORDER BY id').all(proposalId) as { summary_json: string }[]).map(
      (r) => ChangeOrderSummarySchema.parse(JSON.parse(r.summary_json)),
    );
  }

  changeOrderOwner(id: number): number | null {
    const row = this.db.prepare('SELECT proposal_id FROM portal_change_orders WHERE id = ?').get(id) as { proposal_id: number } | undefined;
    return row?.proposal_id ?? null;
  }

  updateChangeOrderDetail(id: number, detail: ProposalDetail, syncedAt: string): void {
    this.db.prepare('UPDATE portal_change_orders SET detail_json = ?, synced_at = ? WHERE id = ?').run(JSON.stringify(detail), syncedAt, id);
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM portal_proposals').get() as { n: number }).n;
  }
}
