import type { SrsPricedLineView } from '../../../src-shared/ipc/srs';
import type { Db } from '../database';

export interface PriceKey {
  customerCode: string;
  branchCode: string;
  jobAccountNumber: number;
  productId: number;
  uom: string;
  option: string;
}

export interface CachedPrice {
  unitPriceCents: number | null;
  callForPrice: boolean;
  stockStatus: SrsPricedLineView['stockStatus'];
  availableQuantity: number | null;
  substitutions: SrsPricedLineView['substitutions'];
  fetchedAt: string;
}

interface PriceRecord {
  unit_price_cents: number | null;
  call_for_price: number;
  stock_status: string;
  available_quantity: number | null;
  substitutions_json: string;
  fetched_at: string;
}

/** Customer-specific SRS prices with stock and substitutes; freshness is decided by the caller from fetchedAt. */
export class SrsPriceCacheRepo {
  constructor(private readonly db: Db) {}

  get(k: PriceKey): CachedPrice | null {
    const r = this.db
      .prepare(
        `SELECT unit_price_cents, call_for_price, stock_status, available_quantity, substitutions_json, fetched_at FROM srs_prices
         WHERE customer_code = ? AND branch_code = ? AND job_account_number = ? AND product_id = ? AND uom = ? AND option = ?`,
      )
      .get(k.customerCode, k.branchCode, k.jobAccountNumber, k.productId, k.uom, k.option) as PriceRecord | undefined;
    return r ? fromRecord(r) : null;
  }

  /** The newest cached price of a product at a branch in any job account (for search results). */
  latestFor(customerCode: string, branchCode: string, productId: number, uom: string): CachedPrice | null {
    const r = this.db
      .prepare(
        `SELECT unit_price_cents, call_for_price, stock_status, available_quantity, substitutions_json, fetched_at FROM srs_prices
         WHERE customer_code = ? AND branch_code = ? AND product_id = ? AND uom = ? ORDER BY fetched_at DESC LIMIT 1`,
      )
      .get(customerCode, branchCode, productId, uom) as PriceRecord | undefined;
    return r ? fromRecord(r) : null;
  }

  putMany(rows: (PriceKey & CachedPrice)[]): void {
    const put = this.db.prepare(
      `INSERT INTO srs_prices (customer_code, branch_code, job_account_number, product_id, uom, option, unit_price_cents, call_for_price,
         stock_status, available_quantity, substitutions_json, fetched_at)
       VALUES (@customerCode, @branchCode, @jobAccountNumber, @productId, @uom, @option, @unitPriceCents, @callForPrice,
         @stockStatus, @availableQuantity, @substitutions, @fetchedAt)
       ON CONFLICT (customer_code, branch_code, job_account_number, product_id, uom, option) DO UPDATE SET
         unit_price_cents = excluded.unit_price_cents, call_for_price = excluded.call_for_price, stock_status = excluded.stock_status,
         available_quantity = excluded.available_quantity, substitutions_json = excluded.substitutions_json, fetched_at = excluded.fetched_at`,
    );
    this.db.transaction(() => {
      for (const r of rows) {
        put.run({ ...r, callForPrice: r.callForPrice ? 1 : 0, substitutions: JSON.stringify(r.substitutions) });
      }
    })();
  }
}

function fromRecord(r: PriceRecord): CachedPrice {
  return {
    unitPriceCents: r.unit_price_cents,
    callForPrice: r.call_for_price === 1,
    stockStatus: r.stock_status as CachedPrice['stockStatus'],
    availableQuantity: r.available_quantity,
    substitutions: JSON.parse(r.substitutions_json) as CachedPrice['substitutions'],
    fetchedAt: r.fetched_at,
  };
}
