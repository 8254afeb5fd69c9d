import { randomUUID } from 'node:crypto';
import { canTransition, ORDER_TRANSITIONS, type OrderStatus } from '../../../src-shared/domain/order-status';
import { AppError } from '../../../src-shared/domain/result';
import { buildSubmitBody, type OrderHeader, type SrsSubmitBody } from '../../orders/submit-body';
import type { OrderDraft } from '../../orders/types';
import type { Db } from '../database';
import type { OrderEvent, OrderLinkKind, StoredOrder, StoredOrderLine } from './order-types';

interface OrderRow {
  id: number;
  proposal_id: string;
  proposal_number: string;
  proposal_name: string;
  supplier: string;
  branch_code: string;
  job_account_number: number | null;
  status: OrderStatus;
  status_reason: string | null;
  transaction_id: string;
  supplier_order_id: string | null;
  queue_id: string | null;
  header_json: string;
  request_json: string;
  total_cents: number;
  proposal_cost_cents: number;
  proposal_sell_cents: number;
  currency: string;
  created_at: string;
  updated_at: string;
}

interface LineRow {
  line_no: number;
  line_key: string;
  product_id: number;
  product_name: string;
  option: string;
  quantity: number;
  uom: string;
  unit_price_cents: number;
  extended_cents: number;
  substituted_for: number | null;
  proposed_json: string;
  proposal_cost_cents: number;
  proposal_sell_cents: number;
}

interface EventRow {
  id: number;
  order_id: number;
  at: string;
  kind: OrderEvent['kind'];
  from_status: OrderStatus | null;
  to_status: OrderStatus | null;
  reason: string;
  link_kind: OrderLinkKind | null;
  link_order_id: number | null;
}

function toOrder(r: OrderRow): StoredOrder {
  return {
    id: r.id,
    proposalId: r.proposal_id,
    proposalNumber: r.proposal_number,
    proposalName: r.proposal_name,
    supplier: r.supplier,
    branchCode: r.branch_code,
    jobAccountNumber: r.job_account_number,
    status: r.status,
    statusReason: r.status_reason,
    transactionId: r.transaction_id,
    supplierOrderId: r.supplier_order_id,
    queueId: r.queue_id,
    header: JSON.parse(r.header_json) as OrderHeader,
    request: JSON.parse(r.request_json) as SrsSubmitBody,
    totalCents: r.total_cents,
    proposalCostCents: r.proposal_cost_cents,
    proposalSellCents: r.proposal_sell_cents,
    currency: r.currency,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export interface CreateOrderOptions {
  supplier?: string;
  /** The user confirmed ordering a proposal that already has an open order. */
  again?: boolean;
}

export interface OrdersRepoOptions {
  now?: () => Date;
  newTransactionId?: () => string;
}

export interface TransitionPatch {
  supplierOrderId?: string | null;
  queueId?: string | null;
}

/**
 * Orders, their lines and timeline; the submission outbox entry is written with the order.
 * Transactions that read before they write are IMMEDIATE (another Junction process may be
 * writing: a deferred one would fail with SQLITE_BUSY instead of waiting its turn).
 */
export class OrdersRepo {
  private readonly now: () => Date;
  private readonly newTransactionId: () => string;

  constructor(
    private readonly db: Db,
    options: OrdersRepoOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.newTransactionId = options.newTransactionId ?? randomUUID;
  }

  /**
   * Writes the order (status `ready`), its lines, its transactionID, a timeline entry
   * and the outbox entry that will submit it, all in one transaction, before any network
   * call. Refuses a draft that cannot be submitted, and a proposal that already has an
   * open order unless `again` is set.
   */
  createOrder(draft: OrderDraft, header: OrderHeader, options: CreateOrderOptions = {}): StoredOrder {
    const at = this.now().toISOString();
    const transactionId = this.newTransactionId();
    const request = buildSubmitBody(draft, header, { transactionId, transactionDate: at });
    const insertOrder = this.db.prepare(
      `INSERT INTO orders (proposal_id, proposal_number, proposal_name, supplier, branch_code, job_account_number, status, status_reason,
         transaction_id, header_json, request_json, total_cents, proposal_cost_cents, proposal_sell_cents, currency, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 'ready', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertLine = this.db.prepare(
      `INSERT INTO order_lines (order_id, line_no, line_key, product_id, product_name, option, quantity, uom, unit_price_cents, extended_cents,
         substituted_for, proposed_json, proposal_cost_cents, proposal_sell_cents)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertOutbox = this.db.prepare(
      `INSERT INTO order_outbox (order_id, kind, status, attempts, available_at, created_at, updated_at) VALUES (?, 'submit', 'pending', 0, ?, ?, ?)`,
    );
    const reason = 'Queued for submission to SRS';
    const id = this.db.transaction(() => {
      const open = this.findOpenOrderForProposal(draft.proposalId);
      if (open && !options.again) {
        throw new AppError(
          'CONFLICT',
          `Proposal ${draft.proposalNumber} was already ordered (order #${open.id}, ${open.status}). Confirm to order it again.`,
        );
      }
      const orderId = Number(
        insertOrder.run(
          draft.proposalId,
          draft.proposalNumber,
          draft.proposalName,
          options.supplier ?? 'srs',
          header.branchCode,
          header.jobAccountNumber,
          reason,
          transactionId,
          JSON.stringify(header),
          JSON.stringify(request),
          draft.totalCents,
          draft.totals.proposalCostCents,
          draft.totals.proposalSellCents,
          draft.currency,
          at,
          at,
        ).lastInsertRowid,
      );
      draft.lines.forEach((l, i) => {
        insertLine.run(
          orderId,
          i + 1,
          l.key,
          l.productId,
          l.productName ?? '',
          l.option,
          l.quantity,
          l.uom,
          l.unitPriceCents,
          l.extendedCents,
          l.substitutedFor,
          JSON.stringify(l.sources),
          l.proposalCostCents,
          l.proposalSellCents,
        );
      });
      this.insertEvent(orderId, at, { kind: 'status', from: null, to: 'ready', reason });
      insertOutbox.run(orderId, at, at, at);
      return orderId;
    }).immediate();
    return this.get(id);
  }

  get(id: number): StoredOrder {
    const row = this.db.prepare('SELECT * FROM orders WHERE id = ?').get(id) as OrderRow | undefined;
    if (!row) throw new AppError('NOT_FOUND', `Order #${id} does not exist.`);
    return toOrder(row);
  }

  findByTransactionId(transactionId: string): StoredOrder | null {
    const row = this.db.prepare('SELECT * FROM orders WHERE transaction_id = ?').get(transactionId) as OrderRow | undefined;
    return row ? toOrder(row) : null;
  }

  list(filter: { status?: OrderStatus; proposalId?: string } = {}): StoredOrder[] {
    const where: string[] = [];
    const args: unknown[] = [];
    if (filter.status) {
      where.push('status = ?');
      args.push(filter.status);
    }
    if (filter.proposalId) {
      where.push('proposal_id = ?');
      args.push(filter.proposalId);
    }
    const sql = `SELECT * FROM orders ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC`;
    return (this.db.prepare(sql).all(...args) as OrderRow[]).map(toOrder);
  }

  /** The newest order of the proposal that was not cancelled, for the "already ordered" warning. */
  findOpenOrderForProposal(proposalId: string): StoredOrder | null {
    const row = this.db
      .prepare("SELECT * FROM orders WHERE proposal_id = ? AND status <> 'cancelled' ORDER BY id DESC LIMIT 1")
      .get(proposalId) as OrderRow | undefined;
    return row ? toOrder(row) : null;
  }

  lines(orderId: number): StoredOrderLine[] {
    const rows = this.db.prepare('SELECT * FROM order_lines WHERE order_id = ? ORDER BY line_no').all(orderId) as LineRow[];
    return rows.map((r) => ({
      lineNo: r.line_no,
      key: r.line_key,
      productId: r.product_id,
      productName: r.product_name,
      option: r.option,
      quantity: r.quantity,
      uom: r.uom,
      unitPriceCents: r.unit_price_cents,
      extendedCents: r.extended_cents,
      substitutedFor: r.substituted_for,
      proposed: JSON.parse(r.proposed_json) as StoredOrderLine['proposed'],
      proposalCostCents: r.proposal_cost_cents,
      proposalSellCents: r.proposal_sell_cents,
    }));
  }

  /** The order's timeline, oldest first. */
  events(orderId: number): OrderEvent[] {
    const rows = this.db.prepare('SELECT * FROM order_events WHERE order_id = ? ORDER BY id').all(orderId) as EventRow[];
    return rows.map((r) => ({
      id: r.id,
      orderId: r.order_id,
      at: r.at,
      kind: r.kind,
      fromStatus: r.from_status,
      toStatus: r.to_status,
      reason: r.reason,
      linkKind: r.link_kind,
      linkOrderId: r.link_order_id,
    }));
  }

  /**
   * Moves the order through the submission state machine and records why on its
   * timeline. Refuses (changing nothing) a move the state machine does not allow.
   */
  transition(orderId: number, to: OrderStatus, reason: string, patch: TransitionPatch = {}): StoredOrder {
    if (!reason.trim()) throw new AppError('VALIDATION', `Moving order #${orderId} to ${to} needs a reason.`);
    const at = this.now().toISOString();
    this.db.transaction(() => {
      const from = this.get(orderId).status;
      if (!canTransition(from, to)) {
        const allowed = ORDER_TRANSITIONS[from];
        throw new AppError(
          'CONFLICT',
          `Order #${orderId} cannot go from ${from} to ${to}; from ${from} it can only go to ${allowed.length ? allowed.join(', ') : 'nothing (it is final)'}.`,
        );
      }
      this.db
        .prepare(
          `UPDATE orders SET status = ?, status_reason = ?, updated_at = ?,
             supplier_order_id = COALESCE(?, supplier_order_id), queue_id = COALESCE(?, queue_id)
           WHERE id = ?`,
        )
        .run(to, reason, at, patch.supplierOrderId ?? null, patch.queueId ?? null, orderId);
      this.insertEvent(orderId, at, { kind: 'status', from, to, reason });
    }).immediate();
    return this.get(orderId);
  }

  /**
   * Sends a failed order again (the user fixed what SRS refused, or the supplier was
   * down too long): moves it back to `submitting` and queues a new outbox entry, in one
   * transaction. Its transactionID is kept, so the worker looks it up before resending.
   */
  requeue(orderId: number, reason: string): StoredOrder {
    const at = this.now().toISOString();
    this.db.transaction(() => {
      const current = this.get(orderId);
      if (current.status !== 'failed') {
        throw new AppError('CONFLICT', `Order #${orderId} is ${current.status}; only a failed order can be sent again.`);
      }
      this.transition(orderId, 'submitting', reason);
      this.db
        .prepare(`INSERT INTO order_outbox (order_id, kind, status, attempts, available_at, created_at, updated_at) VALUES (?, 'submit', 'pending', 0, ?, ?, ?)`)
        .run(orderId, at, at, at);
    }).immediate();
    return this.get(orderId);
  }

  /** Links two orders on both timelines, e.g. an amendment (cancel + re-place): old "amended-by" new. */
  link(orderId: number, otherOrderId: number, kind: OrderLinkKind, reason: string): void {
    const at = this.now().toISOString();
    const back: OrderLinkKind = kind === 'amended-by' ? 'amends' : 'amended-by';
    this.db.transaction(() => {
      this.get(orderId);
      this.get(otherOrderId);
      this.insertEvent(orderId, at, { kind: 'link', reason, linkKind: kind, linkOrderId: otherOrderId });
      this.insertEvent(otherOrderId, at, { kind: 'link', reason, linkKind: back, linkOrderId: orderId });
    }).immediate();
  }

  /** Records something on the timeline without changing the status (e.g. a retry scheduled). */
  note(orderId: number, reason: string): void {
    this.get(orderId);
    this.insertEvent(orderId, this.now().toISOString(), { kind: 'note', reason });
  }

  private insertEvent(
    orderId: number,
    at: string,
    e: { kind: OrderEvent['kind']; reason: string; from?: OrderStatus | null; to?: OrderStatus | null; linkKind?: OrderLinkKind; linkOrderId?: number },
  ): void {
    this.db
      .prepare('INSERT INTO order_events (order_id, at, kind, from_status, to_status, reason, link_kind, link_order_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(orderId, at, e.kind, e.from ?? null, e.to ?? null, e.reason, e.linkKind ?? null, e.linkOrderId ?? null);
  }
}
