import { hostname } from 'node:os';
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
  claimed_by: string | null;
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
  claimedBy: r.claimed_by,
  lastError: r.last_error,
});

/** Default time after which a claim whose worker never reported back (crash) may be claimed again. */
export const DEFAULT_LEASE_MS = 2 * 60 * 1000;

/** This process as a claim owner. */
export const THIS_PROCESS = `${hostname()}:${process.pid}`;

/**
 * Whether the process that made a claim is still running. Only a claim made on this machine
 * can be checked; one made elsewhere (a shared folder) counts as alive until its lease ends.
 */
export function claimOwnerAlive(owner: string | null): boolean {
  if (!owner) return false;
  const at = owner.lastIndexOf(':');
  const host = owner.slice(0, at);
  const pid = Number(owner.slice(at + 1));
  if (host !== hostname() || !Number.isInteger(pid) || pid <= 0) return host !== hostname();
  if (pid === process.pid) return false; // this process is starting over: its earlier claims are its own to resume
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === 'EPERM';
  }
}

/**
 * The submission outbox. An entry is claimed by one worker at a time; a claim that is
 * neither completed nor failed within the lease (the process died) becomes claimable
 * again, with `attempts` telling the next worker to look the order up before re-sending.
 * Its transactions read, then write: they are IMMEDIATE, so a second Junction process
 * waits for the write lock (busy_timeout) instead of failing with SQLITE_BUSY on the upgrade.
 */
export class OutboxRepo {
  private readonly now: () => Date;

  private readonly owner: string;
  private readonly ownerAlive: (owner: string | null) => boolean;

  constructor(
    private readonly db: Db,
    options: { now?: () => Date; owner?: string; ownerAlive?: (owner: string | null) => boolean } = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.owner = options.owner ?? THIS_PROCESS;
    this.ownerAlive = options.ownerAlive ?? claimOwnerAlive;
  }

  /**
   * The next due entry, marked in flight by this process; null when nothing is due. An
   * entry in flight is taken over once its lease has run out, or, with `takeOver` (a
   * restart), at once when the process that claimed it is gone, but never while that
   * process is still running (a second Junction sending it right now).
   */
  claimNext(leaseMs = DEFAULT_LEASE_MS, o: { takeOver?: boolean } = {}): OutboxEntry | null {
    const now = this.now();
    const at = now.toISOString();
    const staleBefore = new Date(now.getTime() - leaseMs).toISOString();
    return this.db.transaction(() => {
      const rows = this.db
        .prepare(
          `SELECT * FROM order_outbox
           WHERE (status = 'pending' AND available_at <= ?) OR status = 'in_flight'
           ORDER BY available_at, id`,
        )
        .all(at) as OutboxRow[];
      const row = rows.find(
        (r) => r.status === 'pending' || (r.claimed_at !== null && r.claimed_at <= staleBefore) || (o.takeOver && !this.ownerAlive(r.claimed_by)),
      );
      if (!row) return null;
      this.db
        .prepare("UPDATE order_outbox SET status = 'in_flight', claimed_at = ?, claimed_by = ?, attempts = attempts + 1, updated_at = ? WHERE id = ?")
        .run(at, this.owner, at, row.id);
      return this.get(row.id);
    }).immediate();
  }

  /** True while this process holds the entry's claim (another one may have taken it over after the lease). */
  holds(id: number): boolean {
    const e = this.get(id);
    return e.status === 'in_flight' && e.claimedBy === this.owner;
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
      this.db.prepare(`UPDATE order_outbox SET ${set}, claimed_at = NULL, claimed_by = NULL, updated_at = ? WHERE id = ?`).run(...args, at, id);
    }).immediate();
  }
}
