import type { Db } from '../database';

export interface SrsProductRow {
  productId: number;
  productName: string;
  description: string | null;
  manufacturer: string | null;
  category: string | null;
  options: string[];
  baseUom: string;
  uomConversions: { uom: string; toBase: number }[];
}

export interface SrsProductSearchRow extends SrsProductRow {
  branches: string[];
}

interface Record_ {
  product_id: number;
  product_name: string;
  description: string | null;
  manufacturer: string | null;
  category: string | null;
  options_json: string;
  base_uom: string;
  uom_conversions: string;
  branches: string | null;
}

/** Every word must match as a prefix; words are quoted so FTS syntax in the input is inert. */
export function srsFtsQuery(text: string): string | null {
  const words = text.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
  if (!words.length) return null;
  return words.slice(0, 12).map((w) => `"${w.replace(/"/g, '""')}"*`).join(' ');
}

const COLUMNS = `p.product_id, p.product_name, p.description, p.manufacturer, p.category, p.options_json, p.base_uom, p.uom_conversions,
  (SELECT group_concat(bp.branch_code, ',') FROM srs_branch_products bp WHERE bp.product_id = p.product_id) AS branches`;

/** Branch products synced from SRS, searchable offline (FTS5 with a prefix index). */
export class SrsProductsRepo {
  constructor(private readonly db: Db) {}

  /** Makes `products` exactly the set stocked at `branchCode`, in one transaction. */
  replaceBranch(branchCode: string, products: SrsProductRow[], syncedAt: string): { added: number; removed: number } {
    const upsert = this.db.prepare(
      `INSERT INTO srs_products (product_id, product_name, description, manufacturer, category, options_json, options_text, base_uom, uom_conversions, updated_at)
       VALUES (@productId, @productName, @description, @manufacturer, @category, @optionsJson, @optionsText, @baseUom, @conversions, @syncedAt)
       ON CONFLICT (product_id) DO UPDATE SET product_name = excluded.product_name, description = excluded.description,
         manufacturer = excluded.manufacturer, category = excluded.category, options_json = excluded.options_json,
         options_text = excluded.options_text, base_uom = excluded.base_uom, uom_conversions = excluded.uom_conversions,
         updated_at = excluded.updated_at
       WHERE srs_products.product_name IS NOT excluded.product_name OR srs_products.description IS NOT excluded.description
         OR srs_products.manufacturer IS NOT excluded.manufacturer OR srs_products.category IS NOT excluded.category
         OR srs_products.options_json IS NOT excluded.options_json OR srs_products.base_uom IS NOT excluded.base_uom
         OR srs_products.uom_conversions IS NOT excluded.uom_conversions`,
    );
    const link = this.db.prepare(
      `INSERT INTO srs_branch_products (branch_code, product_id, synced_at) VALUES (?, ?, ?)
       ON CONFLICT (branch_code, product_id) DO UPDATE SET synced_at = excluded.synced_at`,
    );
    return this.db.transaction(() => {
      const before = this.db.prepare('SELECT count(*) AS n FROM srs_branch_products WHERE branch_code = ?').get(branchCode) as { n: number };
      for (const p of products) {
        upsert.run({
          productId: p.productId,
          productName: p.productName,
          description: p.description,
          manufacturer: p.manufacturer,
          category: p.category,
          optionsJson: JSON.stringify(p.options),
          optionsText: p.options.filter((o) => o !== 'N/A').join(' '),
          baseUom: p.baseUom,
          conversions: JSON.stringify(p.uomConversions),
          syncedAt,
        });
        link.run(branchCode, p.productId, syncedAt);
      }
      const removed = this.db.prepare('DELETE FROM srs_branch_products WHERE branch_code = ? AND synced_at <> ?').run(branchCode, syncedAt).changes;
      this.db.prepare('DELETE FROM srs_products WHERE product_id NOT IN (SELECT product_id FROM srs_branch_products)').run();
      return { added: products.length - (before.n - removed), removed };
    })();
  }

  get(productId: number): SrsProductSearchRow | null {
    const r = this.db.prepare(`SELECT ${COLUMNS} FROM srs_products p WHERE p.product_id = ?`).get(productId) as Record_ | undefined;
    return r ? toRow(r) : null;
  }

  /**
   * Offline search: FTS prefix match on name, description, manufacturer, options and category.
   * With `onlyAtBranch`, only products stocked at that branch.
   */
  search(q: { text: string; branchCode?: string | null; onlyAtBranch?: boolean; limit: number }): SrsProductSearchRow[] {
    const match = srsFtsQuery(q.text);
    const atBranch = q.onlyAtBranch && q.branchCode;
    const branchFilter = atBranch ? 'AND EXISTS (SELECT 1 FROM srs_branch_products b WHERE b.branch_code = @branch AND b.product_id = p.product_id)' : '';
    const sql = match
      ? `SELECT ${COLUMNS} FROM srs_products_fts f JOIN srs_products p ON p.product_id = f.rowid
         WHERE srs_products_fts MATCH @match ${branchFilter} ORDER BY bm25(srs_products_fts, 10.0, 2.0, 4.0, 1.0, 2.0), p.product_id LIMIT @limit`
      : `SELECT ${COLUMNS} FROM srs_products p WHERE 1 = 1 ${branchFilter} ORDER BY p.product_name LIMIT @limit`;
    const rows = this.db.prepare(sql).all({ match, branch: q.branchCode ?? null, limit: q.limit }) as Record_[];
    return rows.map(toRow);
  }

  /** The SQL `search` runs, for EXPLAIN QUERY PLAN checks. */
  explainSearch(branchCode: string): string[] {
    const sql = `EXPLAIN QUERY PLAN SELECT ${COLUMNS} FROM srs_products_fts f JOIN srs_products p ON p.product_id = f.rowid
      WHERE srs_products_fts MATCH @match AND EXISTS (SELECT 1 FROM srs_branch_products b WHERE b.branch_code = @branch AND b.product_id = p.product_id)
      ORDER BY bm25(srs_products_fts), p.product_id LIMIT 50`;
    return (this.db.prepare(sql).all({ match: '"shing"*', branch: branchCode }) as { detail: string }[]).map((r) => r.detail);
  }

  branchCounts(): { branchCode: string; count: number; syncedAt: string }[] {
    return this.db
      .prepare('SELECT branch_code AS branchCode, count(*) AS count, max(synced_at) AS syncedAt FROM srs_branch_products GROUP BY branch_code ORDER BY branch_code')
      .all() as { branchCode: string; count: number; syncedAt: string }[];
  }

  total(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM srs_products').get() as { n: number }).n;
  }
}

function toRow(r: Record_): SrsProductSearchRow {
  return {
    productId: r.product_id,
    productName: r.product_name,
    description: r.description,
    manufacturer: r.manufacturer,
    category: r.category,
    options: JSON.parse(r.options_json) as string[],
    baseUom: r.base_uom,
    uomConversions: JSON.parse(r.uom_conversions) as { uom: string; toBase: number }[],
    branches: r.branches ? r.branches.split(',').sort() : [],
  };
}
