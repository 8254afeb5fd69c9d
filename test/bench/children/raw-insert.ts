import Database from 'better-sqlite3';
import { databasePath, openDatabase } from '../../../src-main/store/database';
import { reply } from '../lib/child';

export interface RawInsertReply {
  items: number;
  insertMs: number;
  insertCpuMs: number;
}

const COLUMNS = [
  'id', 'brand', 'model', 'description', 'category_id', 'parent_category_id', 'supplier_name', 'supplier_sku', 'unit_of_measure',
  'cost_cents', 'sell_cents', 'msrp_cents', 'currency', 'in_stock', 'discontinued', 'cost_verified_at', 'modified_at', 'fetched_at', 'generation',
];

/**
 * Baseline of catalog_ingest: the rows a sync wrote, read back into memory (not timed), then
 * written into the same tables of a fresh database (same schema, triggers and FTS5 index,
 * same pragmas) by one prepared INSERT in one transaction.
 */
export function rawInsertChild(args: { sourceDataDir: string; dataDir: string }): void {
  const source = new Database(databasePath(args.sourceDataDir), { readonly: true });
  const rows = source.prepare(`SELECT ${COLUMNS.join(', ')} FROM portal_catalog_items ORDER BY id`).raw().all() as unknown[][];
  source.close();

  const db = openDatabase(databasePath(args.dataDir));
  const insert = db.prepare(`INSERT INTO portal_catalog_items (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  db.transaction(() => {
    for (const r of rows) insert.run(r);
  })();
  const insertMs = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  db.close();
  reply({ items: rows.length, insertMs, insertCpuMs: (cpu.user + cpu.system) / 1000 } satisfies RawInsertReply);
}
