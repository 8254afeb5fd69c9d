import { AppError } from '../../../src-shared/domain/result';
import type { ProposalListRequest, ProposalSummary } from '../../../src-shared/ipc/proposals';
import { ProposalListRequestSchema } from '../../../src-shared/ipc/proposals';
import { ContactsRepo } from '../../store/portal/contacts-repo';
import { ProposalsRepo } from '../../store/portal/proposals-repo';
import { SyncStateRepo } from '../../store/portal/sync-state-repo';
import type { PortalClient } from '../../vendors/portal/client';
import { acceptedItems, toChangeOrderSummary, toContact, toProposalDetail, toProposalSummary } from '../../vendors/portal/mapping';
import type { Core } from '../context';
import type { JobWork, ReportProgress } from '../jobs';
import { isOffline, portalClient } from './portal-client';

export const PROPOSALS_SYNC = 'portal.proposals';
export const PROPOSALS_JOB = 'proposals-sync';

/** Proposals, change orders and contacts: synced from Portal into SQLite, read from there (offline too). */
export class ProposalsService {
  private readonly repo: ProposalsRepo;
  private readonly contacts: ContactsRepo;
  private readonly state: SyncStateRepo;

  constructor(
    private readonly core: Pick<Core, 'db' | 'vendors' | 'log'>,
    private readonly client: () => PortalClient = () => portalClient(core),
  ) {
    this.repo = new ProposalsRepo(core.db);
    this.contacts = new ContactsRepo(core.db);
    this.state = new SyncStateRepo(core.db);
  }

  lastSynced(): string | null {
    return this.state.get(PROPOSALS_SYNC).lastSynced;
  }

  /**
   * Pulls every proposal summary (following pages), then details and change orders of the
   * new or changed ones only, then contacts with their locations.
   */
  async sync(
    signal?: AbortSignal,
    report: ReportProgress = () => undefined,
    client: PortalClient = this.client(),
  ): Promise<{ proposals: number; detailsFetched: number; lastSynced: string }> {
    const at = new Date().toISOString();
    report(0, null, 'Proposal list');
    const summaries = (await client.allProposals({ pageSize: 100 }, signal)).map(toProposalSummary);
    this.repo.saveSummaries(summaries, at);
    // Each proposal is stored as soon as it arrives: a cancelled or failed sync keeps what it got.
    const changed = this.repo.needingDetails();
    for (const [i, id] of changed.entries()) {
      report(i, changed.length, 'Proposal details');
      const d = await this.download(client, id, signal);
      this.repo.saveDetail(d.detail, d.changeOrders, at);
    }
    report(changed.length, changed.length, 'Contacts');
    const people = await client.allContacts(undefined, signal);
    const contacts = [];
    for (const p of people) contacts.push(toContact(p, (await client.locations(p.id, signal)).contactLocations));
    this.contacts.replaceAll(contacts, at);
    this.state.finish(PROPOSALS_SYNC, null, at);
    this.core.log.info('portal proposals synced', { proposals: summaries.length, details: changed.length, contacts: contacts.length });
    return { proposals: summaries.length, detailsFetched: changed.length, lastSynced: at };
  }

  /** The sync as job work; a missing configuration fails here, before any job starts. */
  syncJob(): JobWork<Awaited<ReturnType<ProposalsService['sync']>>> {
    const client = this.client();
    return (signal, report) => this.sync(signal, report, client);
  }

  /** One proposal's details with its change orders (list and details). */
  private async download(client: PortalClient, id: number, signal?: AbortSignal) {
    const detail = toProposalDetail(await client.proposal(id, signal), 'proposal');
    const list = (await client.changeOrders(id, signal)).map(toChangeOrderSummary);
    const changeOrders = [];
    for (const summary of list) changeOrders.push({ summary, detail: toProposalDetail(await client.changeOrder(summary.id, signal), 'changeOrder') });
    return { detail: { ...detail, changeOrders: list }, changeOrders };
  }

  list(req: ProposalListRequest) {
    const q = ProposalListRequestSchema.parse(req);
    return { ...this.repo.list(q), lastSynced: this.lastSynced() };
  }

  /** From the cache; with `refresh`, from Portal first (falling back to the cache when offline). */
  async get(id: number, refresh = false) {
    let offline = false;
    if (refresh || !this.repo.detail(id)) {
      try {
        await this.fetchOne(id);
      } catch (e) {
        if (!isOffline(e)) throw e;
        offline = true;
      }
    }
    const cached = this.repo.detail(id);
    if (!cached) {
      throw new AppError('NOT_FOUND', offline ? `Proposal ${id} is not in the local cache and Portal.io cannot be reached.` : `Proposal ${id} is not in the local cache; run a sync first.`);
    }
    return { proposal: cached.detail, acceptedItems: acceptedItems(cached.detail), lastSynced: cached.syncedAt, offline };
  }

  async changeOrder(id: number, refresh = false) {
    let offline = false;
    if (refresh && this.repo.changeOrderOwner(id) !== null) {
      try {
        this.repo.updateChangeOrderDetail(id, toProposalDetail(await this.client().changeOrder(id), 'changeOrder'), new Date().toISOString());
      } catch (e) {
        if (!isOffline(e)) throw e;
        offline = true;
      }
    }
    const cached = this.repo.changeOrder(id);
    if (!cached) throw new AppError('NOT_FOUND', `Change order ${id} is not in the local cache; sync its proposal first.`);
    return { changeOrder: cached.detail, lastSynced: cached.syncedAt, offline };
  }

  /** Fetches one proposal (opened before any list sync, or refreshed) into the cache. */
  private async fetchOne(id: number): Promise<void> {
    const at = new Date().toISOString();
    const { detail, changeOrders } = await this.download(this.client(), id);
    const summary: ProposalSummary = {
      id,
      number: detail.number,
      name: detail.name,
      status: detail.status,
      totalCents: detail.financial.totalCents,
      currency: detail.currency,
      customer: detail.customer ? { ...detail.customer, location: null } : null,
      createdDate: detail.createdDate,
      lastModifiedDate: detail.lastModifiedDate,
    };
    this.core.db.transaction(() => {
      this.repo.upsertSummary(summary, at);
      this.repo.saveDetail(detail, changeOrders, at);
    })();
  }

  searchContacts(text: string, limit: number) {
    return { ...this.contacts.search(text, limit), lastSynced: this.lastSynced() };
  }
}
