import { AppError } from '../../../src-shared/domain/result';
import { CatalogSearchRequestSchema, type CatalogSearchRequest, type CatalogStatus } from '../../../src-shared/ipc/catalog';
import { CatalogRepo } from '../../store/portal/catalog-repo';
import { SyncStateRepo } from '../../store/portal/sync-state-repo';
import type { PortalClient } from '../../vendors/portal/client';
import { toCatalogItemDetails } from '../../vendors/portal/mapping';
import type { Core } from '../context';
import { CATALOG_SYNC, syncCatalog, type CatalogSyncResult } from './catalog-sync';
import { isOffline, portalClient } from './portal-client';

export const CATALOG_JOB = 'catalog-sync';

/** The offline Portal catalog: sync job, search, facets and item details on demand. */
export class CatalogService {
  private readonly repo: CatalogRepo;
  private readonly state: SyncStateRepo;
  private running: { jobId: string; done: Promise<CatalogSyncResult> } | null = null;

  constructor(
    private readonly core: Pick<Core, 'db' | 'vendors' | 'log' | 'jobs'>,
    private readonly client: () => PortalClient = () => portalClient(core),
  ) {
    this.repo = new CatalogRepo(core.db);
    this.state = new SyncStateRepo(core.db);
  }

  /** Starts a sync job (or returns the one already running); an interrupted sync resumes. */
  startSync(o: { full?: boolean; pageSize?: number } = {}): { jobId: string; done: Promise<CatalogSyncResult> } {
    const live = this.current();
    if (live) return live;
    const client = this.client();
    const job = this.core.jobs.start(CATALOG_JOB, (signal, report) =>
      syncCatalog({ db: this.core.db, client, log: this.core.log.child('catalog'), signal, report, ...o }),
    );
    this.running = job;
    return job;
  }

  /** The sync job while it runs. The job list, not `done`, decides: it is updated before job:finished goes out. */
  private current(): { jobId: string; done: Promise<CatalogSyncResult> } | null {
    const job = this.running;
    return job && this.core.jobs.list().some((j) => j.jobId === job.jobId) ? job : null;
  }

  status(): CatalogStatus {
    const s = this.state.get(CATALOG_SYNC);
    const live = this.current();
    const itemCount = this.repo.count();
    // A staged run into an empty catalog is its first download; a later one leaves the previous catalog in view.
    const staged = s.run?.staged && itemCount === 0 ? s.run : null;
    return {
      itemCount,
      lastSynced: s.lastSynced,
      interrupted: s.run !== null && !live,
      runningJobId: live?.jobId ?? null,
      // Items in the pages the staged run committed (counting the staging table would read all of it, every second of a sync).
      firstDownload: staged ? { items: Math.min(staged.total ?? Infinity, (staged.nextPage - 1) * staged.pageSize), total: staged.total } : null,
    };
  }

  search(req: CatalogSearchRequest) {
    const q = CatalogSearchRequestSchema.parse(req);
    const started = performance.now();
    const result = this.repo.search(q);
    return { ...result, tookMs: Math.round((performance.now() - started) * 10) / 10 };
  }

  facets() {
    return { categories: this.repo.categories(), brands: this.repo.distinct('brand'), suppliers: this.repo.distinct('supplier_name') };
  }

  /** The cached item; supplier details come from Portal when reachable, else from the cache. */
  async item(id: number) {
    const item = this.repo.get(id);
    if (!item) throw new AppError('NOT_FOUND', `Catalog item ${id} is not in the local catalog; run a catalog sync.`);
    let offline = false;
    try {
      const details = toCatalogItemDetails(await this.client().catalogItem(id), new Date().toISOString());
      this.repo.saveDetails(id, details);
    } catch (e) {
      if (!isOffline(e)) throw e;
      offline = true;
    }
    return { item, details: this.repo.details(id), offline };
  }
}
