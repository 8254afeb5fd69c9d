import type { ProposalSummary } from '../../../src-shared/ipc/proposals';
import { PROPOSAL_STATUSES } from '../../../src-shared/ipc/proposals';
import type { Db } from '../../../src-main/store/database';
import { PROPOSALS_SYNC } from '../../../src-main/services/portal/proposals-service';
import { ProposalsRepo } from '../../../src-main/store/portal/proposals-repo';
import { SyncStateRepo } from '../../../src-main/store/portal/sync-state-repo';
import { prng } from './stats';

const FIRST = ['Ava', 'Ben', 'Carla', 'Dev', 'Elena', 'Frank', 'Grace', 'Hugo', 'Iris', 'Jon'];
const LAST = ['Nguyen', 'Smith', 'Garcia', 'Okafor', 'Larsen', 'Patel', 'Moreau', 'Kim', 'Rossi', 'Cohen'];
const JOBS = ['Home theater', 'Whole-home audio', 'Roof replacement', 'Security cameras', 'Network upgrade', 'Lighting control', 'Gutters and drip edge'];

/**
 * `count` proposal summaries written into the cache through the repository, and the
 * proposals dataset marked synced: what the app holds after syncing a large Portal account.
 */
export function seedProposals(db: Db, count: number): void {
  const rand = prng(11);
  const day = 86_400_000;
  const base = Date.parse('2026-10-01T12:00:00Z');
  const list: ProposalSummary[] = [];
  for (let i = 0; i < count; i++) {
    const first = FIRST[i % FIRST.length]!;
    const last = LAST[Math.floor(i / FIRST.length) % LAST.length]!;
    const modified = new Date(base - Math.floor(rand() * 720) * day).toISOString().replace('.000', '');
    list.push({
      id: 500_000 + i,
      number: 10_000 + i,
      name: `${JOBS[i % JOBS.length]} for ${first} ${last}`,
      status: PROPOSAL_STATUSES[i % PROPOSAL_STATUSES.length]!,
      totalCents: 50_000 + Math.floor(rand() * 5_000_000),
      currency: { code: 'USD', symbol: '$' },
      customer: { id: 900_000 + (i % 2_000), name: `${first} ${last}`, companyName: '', email: `${first}.${last}@example.com`.toLowerCase(), phone: '555-0100', location: null },
      createdDate: modified,
      lastModifiedDate: modified,
    });
  }
  const at = new Date().toISOString();
  new ProposalsRepo(db).saveSummaries(list, at);
  new SyncStateRepo(db).finish(PROPOSALS_SYNC, null, at);
}
