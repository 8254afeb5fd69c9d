import type { Db } from '../database';

/** A sync that started and has not finished: enough to resume it where it stopped. */
export interface CatalogRun {
  mode: 'full' | 'incremental';
  generation: number;
  /** Next 1-based page to fetch. */
  nextPage: number;
  pageSize: number;
  /** The incremental cursor this run asks for (ISO), null for a full sync. */
  since: string | null;
  total: number | null;
  startedAt: string;
  /** A full sync (every one this version starts): pages go to the staging table, published at the end. */
  staged?: boolean;
}

export interface SyncRecord {
  cursor: string | null;
  status: string;
  lastSynced: string | null;
  run: CatalogRun | null;
}

/** Rows of the shared `sync_state` table for the Portal datasets. */
export class SyncStateRepo {
  constructor(private readonly db: Db) {}

  get(name: string): SyncRecord {
    const row = this.db.prepare('SELECT cursor, status, last_synced, detail FROM sync_state WHERE name = ?').get(name) as
      | { cursor: string | null; status: string; last_synced: string | null; detail: string | null }
      | undefined;
    if (!row) return { cursor: null, status: 'idle', lastSynced: null, run: null };
    return { cursor: row.cursor, status: row.status, lastSynced: row.last_synced, run: row.detail ? (JSON.parse(row.detail) as CatalogRun) : null };
  }

  /** Records progress of a run (call inside the transaction that wrote the page). */
  saveRun(name: string, run: CatalogRun): void {
    this.db
      .prepare(
        `INSERT INTO sync_state (name, status, detail) VALUES (?, 'running', ?)
         ON CONFLICT (name) DO UPDATE SET status = 'running', detail = excluded.detail`,
      )
      .run(name, JSON.stringify(run));
  }

  /** Marks the dataset synced: the run is over and the cursor moves. */
  finish(name: string, cursor: string | null, at: string): void {
    this.db
      .prepare(
        `INSERT INTO sync_state (name, cursor, status, last_synced, detail) VALUES (?, ?, 'idle', ?, NULL)
         ON CONFLICT (name) DO UPDATE SET cursor = excluded.cursor, status = 'idle', last_synced = excluded.last_synced, detail = NULL`,
      )
      .run(name, cursor, at);
  }
}
