import { AppError } from '../../../src-shared/domain/result';
import type { Db } from '../database';
import type { OutboxEntry } from './order-types';

interface OutboxRow {
  id: number;
  order_id: number;
  kind: 'submit';
  status: OutboxEntry['status'];
  attempts: number;
  available_at: string;
  claimed_at: string | null;
  last_error: string | null;
}

const toEntry = (r: OutboxRow): OutboxEntry => ({
  id: r.id,
  orderId: r.order_id,
  kind: r.kind,
  status: r.status,
  attempts: r.attempts,
  availableAt: r.available_at,
  claimedAt: r.claimed_at,
  lastError: r.last_error,
});

/** Default time after which a claim whose worker never reported back (crash) may be claimed again. */
export const DEFAULT_LEASE_MS = 2 * 60 * 1000;

/**
 * The submission outbox. An entry is claimed by one worker at a time; a claim that is
 * neither completed nor failed within the lease (the process died) becomes claimable
 * again, with `attempts` telling the next worker to look the order up before re-sending.
 */
export class OutboxRepo {
  private readonly now: () => Date;

  constructor(
    private readonly db: Db,
    options: { now?: () => Date } = {},
  ) {
    this.now = options.now ?? (() => new Date());
  }

  /** The next due entry, marked in flight; null when nothing is due. */
  claimNext(leaseMs = DEFAULT_LEASE_MS): OutboxEntry | null {
    const now = this.now();
    const at = now.toISOString();
    const staleBefore = new Date(now.getTime() - leaseMs).toISOString();
    return this.db.transaction(() => {
      const row = this.db
        .prepare(
          `SELECT * FROM order_outbox
           WHERE (status = 'pending' AND available_at <= ?) OR (status = 'in_flight' AND claimed_at <= ?)
           ORDER BY available_at, id LIMIT 1`,
        )
        .get(at, staleBefore) as OutboxRow | undefined;
      if (!row) return null;
      this.db.prepare("UPDATE order_outbox SET status = 'in_flight', claimed_at = ?, attempts = attempts + 1, updated_at = ? WHERE id = ?").run(at, at, row.id);
      return this.get(row.id);
    })();
  }

  get(id: number): OutboxEntry {
    const row = this.db.prepare('SELECT * FROM order_outbox WHERE id = ?').get(id) as OutboxRow | undefined;
    if (!row) throw new AppError('NOT_FOUND', `Outbox entry ${id} does not exist.`);
    return toEntry(row);
  }

  forOrder(orderId: number): OutboxEntry[] {
    return (this.db.prepare('SELECT * FROM order_outbox WHERE order_id = ? ORDER BY id').all(orderId) as OutboxRow[]).map(toEntry);
  }

  /** Entries not yet done or dead (due or not), oldest first. */
  unfinished(): OutboxEntry[] {
    return (this.db.prepare("SELECT * FROM order_outbox WHERE status IN ('pending', 'in_flight') ORDER BY id").all() as OutboxRow[]).map(toEntry);
  }

  complete(id: number): void {
    this.finish(id, "status = 'done', last_error = NULL", []);
  }

  /** Schedules another attempt at `retryAt`, or gives up (`null`): the entry is dead and needs a person. */
  fail(id: number, retryAt: Date | null, error: string): void {
    if (retryAt === null) this.finish(id, "status = 'dead', last_error = ?", [error]);
    else this.finish(id, "status = 'pending', available_at = ?, last_error = ?", [retryAt.toISOString(), error]);
  }

  private finish(id: number, set: string, args: unknown[]): void {
    const at = this.now().toISOString();
    this.db.transaction(() => {
      const e = this.get(id);
      if (e.status !== 'in_flight') throw new AppError('CONFLICT', `Outbox entry ${id} is ${e.status}, not in flight; only a claimed entry can be completed or failed.`);
      this.db.prepare(`UPDATE order_outbox SET ${set}, claimed_at = NULL, updated_at = ? WHERE id = ?`).run(...args, at, id);
    })();
  }
}
