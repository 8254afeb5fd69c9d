import { AppError } from '../../../src-shared/domain/result';
import type { Db } from '../database';
import { ROW_COLUMNS, rowValues, type CatalogRow } from './catalog-repo';

/** The text-index triggers of portal_catalog_items (migration 002): insert, delete, update. */
const FTS_TRIGGERS = ['portal_catalog_items_ai', 'portal_catalog_items_ad', 'portal_catalog_items_au'] as const;

/** Live rows a publish deletes: these ids, or every row the staging table lacks. */
export type GoneRows = readonly number[] | 'all-unstaged';

/**
 * The staging table of a full sync (migration 008). Maintaining FTS5 row by row costs most of
 * a sync, so pages land here while the live catalog stays as it was, then `publish` swaps them
 * in and builds the text index once, in one transaction.
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

  /** Ids of live catalog rows the staging table lacks (the run did not see them), at most `limit`. */
  unseenIds(limit: number): number[] {
    return (
      this.db
        .prepare('SELECT id FROM portal_catalog_items i WHERE NOT EXISTS (SELECT 1 FROM portal_catalog_staging s WHERE s.id = i.id) ORDER BY id LIMIT ?')
        .all(limit) as { id: number }[]
    ).map((r) => r.id);
  }

  /**
   * Makes the staged rows the catalog: deletes the `gone` live rows, upserts every staged row
   * into portal_catalog_items and rebuilds the FTS index from the items, with the text-index
   * triggers dropped meanwhile (each re-created from its own SQL), then empties the staging
   * table and runs `after`. One transaction: a kill at any moment leaves either the previous
   * catalog or the new one, indexed. Returns the rows moved and the live rows deleted.
   */
  publish(gone: GoneRows, after?: () => void): { moved: number; removed: number } {
    let moved = 0;
    let removed = 0;
    this.db.transaction(() => {
      const getSql = this.db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?");
      const triggers = FTS_TRIGGERS.map((name) => {
        const t = getSql.get(name) as { sql: string } | undefined;
        if (!t) throw new AppError('STORAGE', `The catalog's text-index trigger ${name} is missing; the database schema is damaged. Nothing was changed.`);
        return { name, sql: t.sql };
      });
      for (const t of triggers) this.db.exec(`DROP TRIGGER ${t.name}`);
      if (gone === 'all-unstaged') {
        removed = this.db.prepare('DELETE FROM portal_catalog_items WHERE id NOT IN (SELECT id FROM portal_catalog_staging)').run().changes;
      } else {
        const del = this.db.prepare('DELETE FROM portal_catalog_items WHERE id = ?');
        for (const id of gone) removed += del.run(id).changes;
      }
      // OR REPLACE: REPLACE's deletes fire no triggers (recursive_triggers is off); the rebuild below indexes every item anyway.
      moved = this.db.prepare(`INSERT OR REPLACE INTO portal_catalog_items (${ROW_COLUMNS}) SELECT ${ROW_COLUMNS} FROM portal_catalog_staging ORDER BY id`).run().changes;
      this.db.exec(`INSERT INTO portal_catalog_fts (portal_catalog_fts) VALUES ('rebuild')`);
      for (const t of triggers) this.db.exec(t.sql);
      this.clear();
      after?.();
    })();
    return { moved, removed };
  }
}
