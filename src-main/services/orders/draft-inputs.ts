import { AppError } from '../../../src-shared/domain/result';
import type { CatalogItemDetails } from '../../../src-shared/ipc/catalog';
import type { ProposalDetail } from '../../../src-shared/ipc/proposals';
import type { SrsPricedLineView } from '../../../src-shared/ipc/srs';
import type { BranchProduct, CatalogEntry, ChangeOrderDetails, ProposalDetails } from '../../orders/types';
import { isSrsSupplier } from '../../orders/map-product';
import { CatalogRepo } from '../../store/portal/catalog-repo';
import { ProposalsRepo } from '../../store/portal/proposals-repo';
import { SrsProductsRepo } from '../../store/srs/products-repo';
import { toCatalogItemDetails } from '../../vendors/portal/mapping';
import type { Core } from '../context';
import { isOffline, portalClient } from '../portal/portal-client';
import { ProposalsService } from '../portal/proposals-service';
import { SrsPricingService } from '../srs/pricing-service';
import { SrsProductsService } from '../srs/products-service';
import { toBranchProduct, toCatalogEntry, toChangeOrderDetails, toProposalDetails } from './adapters';
import { mapLimit } from './map-limit';

export type InputsCore = Pick<Core, 'db' | 'vendors' | 'log' | 'settings' | 'jobs'>;

/** Catalog item details fetched at once from Portal when a draft needs them. */
const CATALOG_CONCURRENCY = 16;
/** Price batches sent to SRS at once. */
const PRICE_CONCURRENCY = 8;

export interface LoadedProposal {
  detail: ProposalDetail;
  proposal: ProposalDetails;
  /** Accepted change orders only (submitted / draft ones are not part of the job yet). */
  changeOrders: ChangeOrderDetails[];
}

export interface PriceWanted {
  productId: number;
  uom: string;
  option: string;
  quantity: number;
}

/**
 * Gathers what the conversion engine needs, from the local caches first and from Portal /
 * SRS for whatever is missing, so a draft works on a fresh install.
 */
export class DraftInputs {
  private readonly proposals: ProposalsService;
  private readonly catalog: CatalogRepo;
  private readonly products: SrsProductsRepo;
  private readonly pricing: SrsPricingService;

  constructor(private readonly core: InputsCore) {
    this.proposals = new ProposalsService(core);
    this.catalog = new CatalogRepo(core.db);
    this.products = new SrsProductsRepo(core.db);
    this.pricing = new SrsPricingService(core);
  }

  async proposal(proposalId: number, refresh: boolean): Promise<LoadedProposal> {
    let { proposal: detail } = await this.proposals.get(proposalId, refresh).catch((e: unknown) => {
      throw this.withNumberHint(e, proposalId);
    });
    const accepted = detail.changeOrders.filter((c) => c.status === 'Accepted');
    const changeOrders: ChangeOrderDetails[] = [];
    for (const summary of accepted) {
      let co: ProposalDetail;
      try {
        co = (await this.proposals.changeOrder(summary.id)).changeOrder;
      } catch (e) {
        if (!(e instanceof AppError && e.code === 'NOT_FOUND')) throw e;
        // The summary is cached but not the change order itself: fetch the proposal with its change orders.
        detail = (await this.proposals.get(proposalId, true)).proposal;
        co = (await this.proposals.changeOrder(summary.id)).changeOrder;
      }
      changeOrders.push(toChangeOrderDetails(co));
    }
    return { detail, proposal: toProposalDetails(detail), changeOrders };
  }

  /** Estimators know proposals by number: when an id is unknown but a proposal has that number, say which id it is. */
  private withNumberHint(e: unknown, proposalId: number): unknown {
    if (!(e instanceof AppError && e.code === 'NOT_FOUND')) return e;
    const id = new ProposalsRepo(this.core.db).idForNumber(proposalId);
    return id === null ? e : new AppError('NOT_FOUND', `There is no proposal with id ${proposalId}; proposal number ${proposalId} has id ${id}.`);
  }

  /**
   * Catalog entries by id. An entry missing from the local catalog, or whose default supplier
   * is not SRS and whose supplier list was never fetched, is fetched from Portal (item details).
   */
  async catalogEntries(ids: readonly number[]): Promise<Record<string, CatalogEntry>> {
    const unique = [...new Set(ids)];
    const needDetails = unique.filter((id) => {
      if (this.catalog.details(id)) return false;
      const item = this.catalog.get(id);
      return !item || !isSrsSupplier(item.supplierName);
    });
    if (needDetails.length > 0) {
      let client: ReturnType<typeof portalClient>;
      try {
        client = portalClient(this.core);
      } catch (e) {
        throw new AppError('NOT_CONFIGURED', `Catalog items ${needDetails.join(', ')} are not in the local catalog and Portal.io is not configured: ${(e as Error).message}`);
      }
      const fetched: { id: number; details: CatalogItemDetails }[] = [];
      await mapLimit(needDetails, CATALOG_CONCURRENCY, async (id) => {
        try {
          fetched.push({ id, details: toCatalogItemDetails(await client.catalogItem(id), new Date().toISOString()) });
        } catch (e) {
          if (e instanceof AppError && e.code === 'NOT_FOUND') return; // deleted from the catalog: the line is flagged unmapped
          if (isOffline(e)) throw new AppError('VENDOR_UNAVAILABLE', `Catalog item ${id} is not in the local catalog and Portal.io cannot be reached; sync the catalog or try again online.`);
          throw e;
        }
      });
      // One transaction: a durable (fsync'd) commit per item would cost more than the fetches.
      this.core.db.transaction(() => {
        for (const f of fetched) this.catalog.saveDetails(f.id, f.details);
      })();
    }
    const out: Record<string, CatalogEntry> = {};
    for (const id of unique) {
      const item = this.catalog.get(id);
      const details = this.catalog.details(id);
      if (item || details) out[String(id)] = toCatalogEntry(id, item, details);
    }
    return out;
  }

  /** Every known SRS product, marked with whether the branch stocks it; the branch is synced first if it never was. */
  async branchProducts(branchCode: string): Promise<BranchProduct[]> {
    if (!this.products.branchCounts().some((b) => b.branchCode === branchCode)) {
      await new SrsProductsService(this.core).startSync([branchCode]).done;
    }
    return this.products.search({ text: '', branchCode, onlyAtBranch: false, limit: 1_000_000 }).map((r) => toBranchProduct(r, branchCode));
  }

  /**
   * Customer prices for the wanted lines: fresh cached ones as they are, the rest (or all
   * with `refresh`) from SRS in batches sent in parallel.
   */
  async prices(account: { branchCode: string; jobAccountNumber: number }, wanted: readonly PriceWanted[], refresh: boolean): Promise<SrsPricedLineView[]> {
    const seen = new Map<string, PriceWanted>();
    for (const w of wanted) seen.set(`${w.productId}|${w.uom}|${w.option}`, w);
    const lines = [...seen.values()];
    if (lines.length === 0) return [];
    const size = this.core.settings.get().priceBatchSize;
    const batches: PriceWanted[][] = [];
    for (let i = 0; i < lines.length; i += size) batches.push(lines.slice(i, i + size));
    const answers = await mapLimit(batches, PRICE_CONCURRENCY, (batch) =>
      this.pricing.price({ branchCode: account.branchCode, jobAccountNumber: account.jobAccountNumber, lines: batch, refresh }),
    );
    return answers.flatMap((a) => a.lines);
  }
}
