import { AppError } from '../../../src-shared/domain/result';
import type { Db } from '../database';
import { ROW_COLUMNS, rowValues, type CatalogRow } from './catalog-repo';

const INSERT_TRIGGER = 'portal_catalog_items_ai';

/**
 * The staging table of a first full sync (migration 008). Maintaining FTS5 row by row costs
 * most of a sync, so while the catalog is empty pages land here, then `publish` moves them
 * into the catalog and builds the text index once, in one transaction.
 */
export class CatalogStagingRepo {
  constructor(private readonly db: Db) {}

  /** Empties the table: a new staged run starts from nothing. */
  clear(): void {
    this.db.exec('DELETE FROM portal_catalog_staging');
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM portal_catalog_staging').get() as { n: number }).n;
  }

  /** Writes one page (a row seen twice, when pages shift between a kill and its resume, is replaced), then `after`, in one transaction. */
  writePage(rows: CatalogRow[], generation: number, after?: () => void): void {
    const stmt = this.db.prepare(`INSERT OR REPLACE INTO portal_catalog_staging (${ROW_COLUMNS}) VALUES (${ROW_COLUMNS.split(',').map(() => '?').join(', ')})`);
    this.db.transaction(() => {
      for (const r of rows) stmt.run(rowValues(r, generation));
      after?.();
    })();
  }

  /**
   * Moves every staged row into portal_catalog_items and rebuilds the FTS index from the items,
   * with the insert trigger dropped meanwhile (re-created from its own SQL), then empties the
   * staging table and runs `after`. One transaction: a kill at any moment leaves either the
   * state before or the whole catalog, indexed.
   */
  publish(after?: () => void): number {
    let moved = 0;
    this.db.transaction(() => {
      const trigger = this.db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").get(INSERT_TRIGGER) as { sql: string } | undefined;
      if (!trigger) throw new AppError('STORAGE', `The catalog's text-index trigger ${INSERT_TRIGGER} is missing; the database schema is damaged. Nothing was changed.`);
      this.db.exec(`DROP TRIGGER ${INSERT_TRIGGER}`);
      // OR REPLACE: REPLACE's deletes fire no triggers (recursive_triggers is off); the rebuild below indexes every item anyway.
      moved = this.db.prepare(`INSERT OR REPLACE INTO portal_catalog_items (${ROW_COLUMNS}) SELECT ${ROW_COLUMNS} FROM portal_catalog_staging ORDER BY id`).run().changes;
      this.db.exec(`INSERT INTO portal_catalog_fts (portal_catalog_fts) VALUES ('rebuild')`);
      this.db.exec(trigger.sql);
      this.clear();
      after?.();
    })();
    return moved;
  }
}
