import { extendCents } from '../../../src-shared/domain/money';
import { AppError } from '../../../src-shared/domain/result';
import { SRS_PRICE_TTL_MS, type SrsPricedLineView } from '../../../src-shared/ipc/srs';
import { SrsAccountRepo } from '../../store/srs/account-repo';
import { SrsPriceCacheRepo, type CachedPrice, type PriceKey } from '../../store/srs/price-cache-repo';
import type { Core } from '../context';
import { srsClient } from './srs-client';

type PricingCore = Pick<Core, 'db' | 'vendors' | 'log' | 'settings'>;

export interface PriceLinesRequest {
  branchCode?: string | undefined;
  jobAccountNumber?: number | undefined;
  lines: { productId: number; uom: string; quantity: number; option?: string | undefined }[];
  /** Ask SRS even for prices still fresh in the cache. */
  refresh?: boolean | undefined;
}

/** Step 7: customer prices with stock, from the 4-hour cache or SRS (batched per branch). */
export class SrsPricingService {
  private readonly cache: SrsPriceCacheRepo;

  constructor(
    private readonly core: PricingCore,
    private readonly now: () => Date = () => new Date(),
    private readonly ttlMs = SRS_PRICE_TTL_MS,
  ) {
    this.cache = new SrsPriceCacheRepo(core.db);
  }

  /** The branch and job account to price at: the request's, else the defaults, else the branch's only account. */
  resolveAccount(req: { branchCode?: string | undefined; jobAccountNumber?: number | undefined }): { branchCode: string; jobAccountNumber: number; customerCode: string } {
    const customerCode = this.core.vendors.resolve('srs').credentials.customerCode;
    if (!customerCode) throw new AppError('NOT_CONFIGURED', 'SRS is not configured (no customer code).');
    const s = this.core.settings.get();
    const branchCode = req.branchCode ?? s.srsDefaultBranch;
    if (!branchCode) throw new AppError('VALIDATION', 'Choose an SRS branch (or set a default branch under Settings → SRS) to get prices.');
    let job = req.jobAccountNumber ?? (branchCode === s.srsDefaultBranch ? s.srsDefaultJobAccount : null);
    if (job === null || job === undefined) {
      const accounts = new SrsAccountRepo(this.core.db).jobAccounts(customerCode).filter((a) => a.branchCode === branchCode);
      if (accounts.length !== 1) {
        throw new AppError('VALIDATION', `Choose an SRS job account at ${branchCode}: SRS needs the numeric job account number to price and order.`);
      }
      job = accounts[0]!.jobAccountNumber;
    }
    return { branchCode, jobAccountNumber: job, customerCode };
  }

  async price(req: PriceLinesRequest, signal?: AbortSignal): Promise<{ branchCode: string; jobAccountNumber: number; lines: SrsPricedLineView[] }> {
    const account = this.resolveAccount(req);
    const nowMs = this.now().getTime();
    const keyOf = (l: PriceLinesRequest['lines'][number]): PriceKey => ({ ...account, productId: l.productId, uom: l.uom, option: l.option ?? '' });
    const idOf = (k: PriceKey) => `${k.productId}|${k.uom}|${k.option}`;

    const found = new Map<string, { price: CachedPrice; fromCache: boolean }>();
    const missing = new Map<string, PriceLinesRequest['lines'][number]>();
    for (const l of req.lines) {
      const k = keyOf(l);
      const hit = req.refresh ? null : this.cache.get(k);
      if (hit && nowMs - Date.parse(hit.fetchedAt) < this.ttlMs) found.set(idOf(k), { price: hit, fromCache: true });
      else missing.set(idOf(k), l);
    }

    if (missing.size) {
      const asked = [...missing.values()];
      const fetchedAt = this.now().toISOString();
      const priced = await srsClient(this.core).price({
        branchCode: account.branchCode,
        jobAccountNumber: account.jobAccountNumber,
        lines: asked.map((l) => ({ productId: l.productId, uom: l.uom, quantity: l.quantity, ...(l.option ? { option: l.option } : {}) })),
        batchSize: this.core.settings.get().priceBatchSize,
        ...(signal ? { signal } : {}),
      });
      const rows = priced.map((p, i) => {
        const k = keyOf(asked[i]!);
        const price: CachedPrice = {
          unitPriceCents: p.unitPriceCents,
          callForPrice: p.callForPrice,
          stockStatus: p.stockStatus,
          availableQuantity: p.availableQuantity,
          substitutions: p.substitutions,
          fetchedAt,
        };
        found.set(idOf(k), { price, fromCache: false });
        return { ...k, ...price };
      });
      this.cache.putMany(rows);
    }

    const lines = req.lines.map((l) => {
      const k = keyOf(l);
      const { price, fromCache } = found.get(idOf(k))!;
      return pricedView(l, k, price, fromCache, account.branchCode);
    });
    return { branchCode: account.branchCode, jobAccountNumber: account.jobAccountNumber, lines };
  }
}

/** One line as the UI and the order flow see it; a zero price blocks the line, never shows as $0. */
export function pricedView(
  l: { productId: number; uom: string; quantity: number },
  k: Pick<PriceKey, 'option'>,
  p: CachedPrice,
  fromCache: boolean,
  branchCode: string,
): SrsPricedLineView {
  const blockingReason = p.callForPrice
    ? `Call the ${branchCode} branch for a price: SRS has no price for this item for your account.`
    : p.stockStatus === 'out_of_stock'
      ? `Out of stock at ${branchCode}${p.substitutions.length ? '; SRS suggests a substitute' : ''}.`
      : null;
  return {
    productId: l.productId,
    uom: l.uom,
    option: k.option,
    quantity: l.quantity,
    unitPriceCents: p.unitPriceCents,
    extendedCents: p.unitPriceCents === null ? null : extendCents(p.unitPriceCents, l.quantity),
    callForPrice: p.callForPrice,
    blocking: blockingReason !== null,
    blockingReason,
    stockStatus: p.stockStatus,
    availableQuantity: p.availableQuantity,
    substitutions: p.substitutions,
    fetchedAt: p.fetchedAt,
    fromCache,
  };
}
