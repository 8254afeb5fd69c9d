import type { CatalogItem, CatalogItemDetails } from '../../../src-shared/ipc/catalog';
import { CatalogItemDetailsSchema } from '../../../src-shared/ipc/catalog';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../database';

/** A catalog row as the sync writes it. */
export interface CatalogRow extends Omit<CatalogItem, 'categoryName'> {
  parentCategoryId: number | null;
  modifiedAt: string | null;
}

/** The columns a sync writes, in the order of rowValues (portal_catalog_items and its staging table share them). */
export const ROW_COLUMNS = `id, brand, model, description, category_id, parent_category_id, supplier_name, supplier_sku,
  unit_of_measure, cost_cents, sell_cents, msrp_cents, currency, in_stock, discontinued, cost_verified_at, modified_at, fetched_at, generation`;

/**
 * One row's values in ROW_COLUMNS order. Positional values: binding a named-parameter object
 * per row cost a 200k sync about 1.4 s of CPU.
 */
export function rowValues(r: CatalogRow, generation: number): unknown[] {
  return [
    r.id, r.brand, r.model, r.description, r.categoryId, r.parentCategoryId, r.supplierName, r.supplierSku, r.unitOfMeasure,
    r.costCents, r.sellPriceCents, r.msrpCents, `${r.currency.code}|${r.currency.symbol}`,
    r.isInStock === null ? null : r.isInStock ? 1 : 0, r.isDiscontinued ? 1 : 0, r.costVerifiedAt, r.modifiedAt, r.fetchedAt, generation,
  ];
}

export interface CategoryRow {
  id: number;
  parentId: number | null;
  name: string;
  depth: number;
}

export interface CatalogSearch {
  text: string;
  categoryId?: number | undefined;
  brand?: string | undefined;
  supplier?: string | undefined;
  offset: number;
  limit: number;
}

interface ItemRecord {
  id: number;
  brand: string;
  model: string;
  description: string;
  category_id: number | null;
  category_name: string | null;
  supplier_name: string;
  supplier_sku: string;
  unit_of_measure: string;
  cost_cents: number | null;
  sell_cents: number | null;
  msrp_cents: number | null;
  currency: string;
  in_stock: number | null;
  discontinued: number;
  cost_verified_at: string | null;
  fetched_at: string;
}

const SELECT_COLUMNS = `i.id, i.brand, i.model, i.description, i.category_id, c.name AS category_name, i.supplier_name, i.supplier_sku,
  i.unit_of_measure, i.cost_cents, i.sell_cents, i.msrp_cents, i.currency, i.in_stock, i.discontinued, i.cost_verified_at, i.fetched_at`;

/**
 * Turns what the user typed into an FTS5 query: every word must match as a prefix
 * ("landm pro" finds "Landmark Pro"). Words are quoted, so FTS syntax in the input is inert.
 * A one-character word the user has typed past ("9" in "9 2 channel", "s" in "s 47") is a
 * whole token: as a prefix it would match most of the catalog and filter nothing, yet cost
 * the longest doclist merge of the search. The word still being typed stays a prefix.
 */
export function ftsQuery(text: string): string | null {
  const words = text.normalize('NFKC').match(/[\p{L}\p{N}]+/gu)?.slice(0, 12) ?? [];
  if (!words.length) return null;
  const typingLast = !/[^\p{L}\p{N}]$/u.test(text);
  return words
    .map((w, i) => {
      const quoted = `"${w.replace(/"/g, '""')}"`;
      const typedPast = i < words.length - 1 || !typingLast;
      return typedPast && [...w].length === 1 ? quoted : `${quoted}*`;
    })
    .join(' ');
}

/**
 * Ranking costs about a microsecond per match (bm25 reads each match's positions and column
 * sizes), so ranking every match of a broad prefix ("po" matches a sixth of a 200k catalog)
 * takes tens of ms per keystroke. A text-only search with more matches than this ranks the
 * first this-many matches (catalog order) and lists the rest after them; the total stays exact.
 */
export const RANKED_CANDIDATES = 500;

/** WAL size (pages of 4 KiB) a catalog page commit lets build up before checkpointing: 64 MiB. */
const PAGE_COMMIT_WAL_PAGES = 16_000;

/** The SQL and parameters of one search; exported so a test can EXPLAIN QUERY PLAN it. */
export function searchSql(q: CatalogSearch): {
  sql: string;
  countSql: string;
  params: Record<string, unknown>;
  /** Text-only searches: the first RANKED_CANDIDATES matches ranked (@candidates), then the others by id (@skip). */
  broad?: { rankedSql: string; restSql: string };
} {
  const match = ftsQuery(q.text);
  const filters: string[] = [];
  const params: Record<string, unknown> = { limit: q.limit, offset: q.offset };
  if (q.categoryId !== undefined) {
    filters.push('(i.category_id = @category OR i.parent_category_id = @category)');
    params.category = q.categoryId;
  }
  if (q.brand) {
    filters.push('i.brand = @brand COLLATE NOCASE');
    params.brand = q.brand;
  }
  if (q.supplier) {
    filters.push('i.supplier_name = @supplier COLLATE NOCASE');
    params.supplier = q.supplier;
  }
  if (match) {
    params.match = match;
    const where = ['portal_catalog_fts MATCH @match', ...filters].join(' AND ');
    if (!filters.length) {
      // The FTS rows are exactly the items (triggers keep them in step): count without the join.
      const page = (inner: string, order: string) =>
        `SELECT ${SELECT_COLUMNS} FROM (${inner}) m JOIN portal_catalog_items i ON i.id = m.id
         LEFT JOIN portal_catalog_categories c ON c.id = i.category_id ORDER BY ${order}`;
      // Rank inside the FTS table, then join only the page's rows (not every match) to the items.
      return {
        sql: page(`SELECT rowid AS id, rank AS r FROM portal_catalog_fts WHERE ${where} ORDER BY rank, rowid LIMIT @limit OFFSET @offset`, 'm.r, m.id'),
        countSql: `SELECT count(*) AS n FROM portal_catalog_fts WHERE ${where}`,
        params,
        broad: {
          rankedSql: page(
            `SELECT id, r FROM (SELECT rowid AS id, rank AS r FROM portal_catalog_fts WHERE ${where} ORDER BY rowid LIMIT @candidates)
             ORDER BY r, id LIMIT @limit OFFSET @offset`,
            'm.r, m.id',
          ),
          restSql: page(`SELECT rowid AS id FROM portal_catalog_fts WHERE ${where} ORDER BY rowid LIMIT @limit OFFSET @skip`, 'm.id'),
        },
      };
    }
    return {
      sql: `SELECT ${SELECT_COLUMNS} FROM portal_catalog_fts JOIN portal_catalog_items i ON i.id = portal_catalog_fts.rowid
            LEFT JOIN portal_catalog_categories c ON c.id = i.category_id
            WHERE ${where} ORDER BY portal_catalog_fts.rank LIMIT @limit OFFSET @offset`,
      countSql: `SELECT count(*) AS n FROM portal_catalog_fts JOIN portal_catalog_items i ON i.id = portal_catalog_fts.rowid WHERE ${where}`,
      params,
    };
  }
  const where = filters.length ? `WHERE ${filters.join(' AND ')}` : '';
  return {
    sql: `SELECT ${SELECT_COLUMNS} FROM portal_catalog_items i LEFT JOIN portal_catalog_categories c ON c.id = i.category_id
          ${where} ORDER BY i.brand COLLATE NOCASE, i.id LIMIT @limit OFFSET @offset`,
    countSql: `SELECT count(*) AS n FROM portal_catalog_items i ${where}`,
    params,
  };
}

function toItem(r: ItemRecord): CatalogItem {
  const [code = 'USD', symbol = '$'] = r.currency.split('|');
  return {
    id: r.id,
    brand: r.brand,
    model: r.model,
    description: r.description,
    categoryId: r.category_id,
    categoryName: r.category_name ?? '',
    supplierName: r.supplier_name,
    supplierSku: r.supplier_sku,
    unitOfMeasure: r.unit_of_measure,
    costCents: r.cost_cents,
    sellPriceCents: r.sell_cents,
    msrpCents: r.msrp_cents,
    currency: { code, symbol },
    isInStock: r.in_stock === null ? null : r.in_stock === 1,
    isDiscontinued: r.discontinued === 1,
    costVerifiedAt: r.cost_verified_at,
    fetchedAt: r.fetched_at,
  };
}

/** The local Portal catalog: items with an FTS5 index, categories and on-demand details. */
export class CatalogRepo {
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly db: Db) {}

  /** Writes one page of items as part of sync `generation`, in one transaction. */
  upsertPage(rows: CatalogRow[], generation: number, after?: () => void): void {
    const stmt = this.db.prepare(`
      INSERT INTO portal_catalog_items (${ROW_COLUMNS}) VALUES (${ROW_COLUMNS.split(',').map(() => '?').join(', ')})
      ON CONFLICT (id) DO UPDATE SET brand = excluded.brand, model = excluded.model, description = excluded.description,
        category_id = excluded.category_id, parent_category_id = excluded.parent_category_id, supplier_name = excluded.supplier_name,
        supplier_sku = excluded.supplier_sku, unit_of_measure = excluded.unit_of_measure, cost_cents = excluded.cost_cents,
        sell_cents = excluded.sell_cents, msrp_cents = excluded.msrp_cents, currency = excluded.currency, in_stock = excluded.in_stock,
        discontinued = excluded.discontinued, cost_verified_at = excluded.cost_verified_at, modified_at = excluded.modified_at,
        fetched_at = excluded.fetched_at, generation = excluded.generation`);
    const write = this.db.transaction(() => {
      for (const r of rows) stmt.run(rowValues(r, generation));
      after?.();
    });
    // A sync commits page after page; checkpointing the WAL every ~1,000 pages of it rewrites the
    // same index pages into the database again and again (about a fifth of a 200k sync). Page
    // commits let the WAL grow further; the next ordinary commit checkpoints it as usual.
    const autocheckpoint = this.db.pragma('wal_autocheckpoint', { simple: true }) as number;
    this.db.pragma(`wal_autocheckpoint = ${Math.max(autocheckpoint, PAGE_COMMIT_WAL_PAGES)}`);
    try {
      write();
    } finally {
      this.db.pragma(`wal_autocheckpoint = ${autocheckpoint}`);
    }
  }

  replaceCategories(rows: CategoryRow[]): void {
    const ins = this.db.prepare('INSERT INTO portal_catalog_categories (id, parent_id, name, depth, position) VALUES (?, ?, ?, ?, ?)');
    this.db.transaction(() => {
      this.db.exec('DELETE FROM portal_catalog_categories');
      rows.forEach((r, i) => ins.run(r.id, r.parentId, r.name, r.depth, i));
    })();
  }

  maxGeneration(): number {
    return (this.db.prepare('SELECT coalesce(max(generation), 0) AS g FROM portal_catalog_items').get() as { g: number }).g;
  }

  /** Latest vendor modification time in the catalog: the next incremental sync's cursor. */
  maxModified(): string | null {
    return (this.db.prepare('SELECT max(modified_at) AS m FROM portal_catalog_items').get() as { m: string | null }).m;
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM portal_catalog_items').get() as { n: number }).n;
  }

  search(q: CatalogSearch): { items: CatalogItem[]; total: number } {
    const { sql, countSql, params, broad } = searchSql(q);
    const { limit: _l, offset: _o, ...countParams } = params;
    const total = (this.statement(countSql).get(countParams) as { n: number }).n;
    if (!broad || total <= RANKED_CANDIDATES) return { items: (this.statement(sql).all(params) as ItemRecord[]).map(toItem), total };
    const match = params.match;
    let rows: ItemRecord[] = [];
    if (q.offset < RANKED_CANDIDATES) {
      rows = this.statement(broad.rankedSql).all({ match, candidates: RANKED_CANDIDATES, limit: q.limit, offset: q.offset }) as ItemRecord[];
    }
    if (rows.length < q.limit && q.offset + q.limit > RANKED_CANDIDATES) {
      const rest = this.statement(broad.restSql).all({ match, limit: q.limit - rows.length, skip: Math.max(q.offset, RANKED_CANDIDATES) }) as ItemRecord[];
      rows = rows.concat(rest);
    }
    return { items: rows.map(toItem), total };
  }

  /** Search statements, prepared once per SQL text (preparing costs more than a narrow search). */
  private statement(sql: string): Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }

  get(id: number): CatalogItem | null {
    const row = this.db
      .prepare(`SELECT ${SELECT_COLUMNS} FROM portal_catalog_items i LEFT JOIN portal_catalog_categories c ON c.id = i.category_id WHERE i.id = ?`)
      .get(id) as ItemRecord | undefined;
    return row ? toItem(row) : null;
  }

  saveDetails(id: number, details: CatalogItemDetails): void {
    this.db
      .prepare('INSERT INTO portal_catalog_details (item_id, json, fetched_at) VALUES (?, ?, ?) ON CONFLICT (item_id) DO UPDATE SET json = excluded.json, fetched_at = excluded.fetched_at')
      .run(id, JSON.stringify(details), details.fetchedAt);
  }

  details(id: number): CatalogItemDetails | null {
    const row = this.db.prepare('SELECT json FROM portal_catalog_details WHERE item_id = ?').get(id) as { json: string } | undefined;
    return row ? CatalogItemDetailsSchema.parse(JSON.parse(row.json)) : null;
  }

  categories(): CategoryRow[] {
    return (this.db.prepare('SELECT id, parent_id, name, depth FROM portal_catalog_categories ORDER BY position').all() as {
      id: number;
      parent_id: number | null;
      name: string;
      depth: number;
    }[]).map((r) => ({ id: r.id, parentId: r.parent_id, name: r.name, depth: r.depth }));
  }

  distinct(column: 'brand' | 'supplier_name'): string[] {
    return (this.db.prepare(`SELECT DISTINCT ${column} AS v FROM portal_catalog_items WHERE ${column} <> '' ORDER BY ${column} COLLATE NOCASE`).all() as { v: string }[]).map(
      (r) => r.v,
    );
  }
}
