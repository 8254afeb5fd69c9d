import { AppError } from '../../../src-shared/domain/result';
import { SRS_PRODUCTS_JOB_KIND, type SrsProductHit } from '../../../src-shared/ipc/srs';
import { SrsPriceCacheRepo } from '../../store/srs/price-cache-repo';
import { SrsProductsRepo } from '../../store/srs/products-repo';
import type { Core } from '../context';
import type { ReportProgress } from '../jobs';
import { SrsAccountService } from './account-service';
import { pricedView } from './pricing-service';
import { srsClient } from './srs-client';

export const SRS_PRODUCTS_JOB = SRS_PRODUCTS_JOB_KIND;

type ProductsCore = Pick<Core, 'db' | 'vendors' | 'log' | 'settings' | 'jobs'>;

export interface BranchSyncResult {
  branches: { branchCode: string; count: number; added: number; removed: number }[];
}

/** Step 6: branch products synced into SQLite and searched offline. */
export class SrsProductsService {
  private readonly repo: SrsProductsRepo;

  constructor(private readonly core: ProductsCore) {
    this.repo = new SrsProductsRepo(core.db);
  }

  /** Starts the sync as a job with progress (one step per branch); all SRS branches when none are given. */
  startSync(branchCodes?: string[]): { jobId: string; done: Promise<BranchSyncResult> } {
    srsClient(this.core); // fail now, not inside the job, when SRS is not configured
    return this.core.jobs.start(SRS_PRODUCTS_JOB, (signal, report) => this.sync(branchCodes, signal, report));
  }

  private async sync(branchCodes: string[] | undefined, signal: AbortSignal, report: ReportProgress): Promise<BranchSyncResult> {
    report(0, null, 'branches');
    const codes = branchCodes?.length ? branchCodes : (await new SrsAccountService(this.core).branches()).map((b) => b.branchCode);
    const client = srsClient(this.core);
    const out: BranchSyncResult = { branches: [] };
    for (const [i, code] of codes.entries()) {
      if (signal.aborted) throw new AppError('CANCELLED', 'SRS product sync was cancelled.');
      report(i, codes.length, `branch ${code}`);
      const products = await client.branchProducts(code, signal);
      const syncedAt = new Date().toISOString();
      const r = this.repo.replaceBranch(code, products.map((p) => ({ ...p, description: p.productDescription })), syncedAt);
      out.branches.push({ branchCode: code, count: products.length, ...r });
      this.core.log.info('SRS branch products synced', { branchCode: code, count: products.length, ...r });
    }
    report(codes.length, codes.length, 'done');
    return out;
  }

  /** Offline search; marks whether each product is stocked at the branch (the default branch when none is given). */
  search(q: { text: string; branchCode?: string | null | undefined; onlyAtBranch?: boolean | undefined; limit?: number | undefined }): { branchCode: string | null; items: SrsProductHit[] } {
    const branchCode = q.branchCode ?? this.core.settings.get().srsDefaultBranch;
    const rows = this.repo.search({ text: q.text, branchCode, onlyAtBranch: Boolean(q.onlyAtBranch && branchCode), limit: q.limit ?? 50 });
    const customerCode = this.core.vendors.resolve('srs').credentials.customerCode;
    const prices = new SrsPriceCacheRepo(this.core.db);
    const items = rows.map((r) => {
      const cached = branchCode && customerCode ? prices.latestFor(customerCode, branchCode, r.productId, r.baseUom) : null;
      return {
        ...r,
        availableAtBranch: branchCode ? r.branches.includes(branchCode) : null,
        cachedPrice: cached && branchCode ? pricedView({ productId: r.productId, uom: r.baseUom, quantity: 1 }, { option: '' }, cached, true, branchCode) : null,
      };
    });
    return { branchCode, items };
  }
}
