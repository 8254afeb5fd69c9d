import type { SavedMapping } from '../../orders/types';
import type { Db } from '../database';

/** Portal item → SRS product mappings the user confirmed, per company (keyed by mappingKey(brand, model)). */
export class SavedMappingsRepo {
  private readonly now: () => Date;

  constructor(
    private readonly db: Db,
    options: { now?: () => Date } = {},
  ) {
    this.now = options.now ?? (() => new Date());
  }

  list(company: string): SavedMapping[] {
    return (
      this.db.prepare('SELECT key, product_id, option FROM saved_mappings WHERE company = ? ORDER BY key').all(company) as { key: string; product_id: number; option: string }[]
    ).map((r) => ({ key: r.key, productId: r.product_id, option: r.option }));
  }

  save(company: string, mapping: SavedMapping): void {
    this.db
      .prepare(
        `INSERT INTO saved_mappings (company, key, product_id, option, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (company, key) DO UPDATE SET product_id = excluded.product_id, option = excluded.option, updated_at = excluded.updated_at`,
      )
      .run(company, mapping.key, mapping.productId, mapping.option, this.now().toISOString());
  }

  remove(company: string, key: string): boolean {
    return this.db.prepare('DELETE FROM saved_mappings WHERE company = ? AND key = ?').run(company, key).changes > 0;
  }
}
