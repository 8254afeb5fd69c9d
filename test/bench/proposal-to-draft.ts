import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import catalogSeed from '../../resources/sandbox/portal/catalog.json';
import productsSeed from '../../resources/sandbox/roofing-products.json';
import type { ProposalDetail } from '../../src-shared/ipc/proposals';
import { silentLogger } from '../../src-main/log/logger';
import { convertProposal } from '../../src-main/orders/convert';
import { startSandboxServer } from '../../src-main/sandbox/server';
import { PORTAL_DEMO_CREDENTIALS, type PortalSandbox } from '../../src-main/sandbox/portal/index';
import type { SrsSandbox } from '../../src-main/sandbox/srs/index';
import { createAppContext, type AppContext } from '../../src-main/services/context';
import { toProposalDetails } from '../../src-main/services/orders/adapters';
import { DraftInputs } from '../../src-main/services/orders/draft-inputs';
import { DraftService } from '../../src-main/services/orders/draft-service';
import { SrsPricingService } from '../../src-main/services/srs/pricing-service';
import { emptyDraftState } from '../../src-main/store/orders/drafts-repo';
import { ProposalsRepo } from '../../src-main/store/portal/proposals-repo';
import { openHeadlessVault } from '../../src-main/vault/open-vault';

const BRANCH = 'BRRIV';
const JOB_ACCOUNT = 1;
const PROPOSAL_ID = 990_001;

interface SeedCatalogItem {
  id: number;
  brand: string;
  model: string;
  desc: string;
  sup: string;
  sku: string;
  uom: string;
  cost: number;
  sell: number;
}
interface SeedProduct {
  productId: number;
  productOptions: string[];
  branches: string[];
}

/**
 * Proposal items that become `lines` distinct SRS lines at the branch: every SRS catalog item
 * the branch stocks, once per colour (named in the model so the engine picks it), until enough.
 */
function candidateItems(count: number) {
  const products = new Map((productsSeed as SeedProduct[]).map((p) => [String(p.productId), p]));
  const srs = (catalogSeed as { items: SeedCatalogItem[] }).items.filter((i) => i.sup === 'SRS Distribution' && products.get(i.sku)?.branches.includes(BRANCH));
  const out: ProposalDetail['areas'][number]['options'][number]['items'] = [];
  for (let round = 0; out.length < count && round < 20; round++) {
    for (const c of srs) {
      const options = products.get(c.sku)!.productOptions;
      if (round > 0 && round >= options.length) continue;
      const option = options.length > 1 ? ` ${options[round]}` : '';
      const id = 5_000_000 + out.length;
      out.push({
        id, parentId: null, itemType: 'Part', referencedItemId: c.id, brand: c.brand, model: `${c.model}${option}`, name: c.model,
        description: c.desc, supplier: c.sup, quantity: 1 + (id % 7), costCents: c.cost, sellPriceCents: c.sell, msrpCents: c.sell, totalCents: c.sell * (1 + (id % 7)),
      });
      if (out.length >= count) break;
    }
  }
  return out;
}

function proposalWith(items: ReturnType<typeof candidateItems>): ProposalDetail {
  const areas: ProposalDetail['areas'] = [];
  for (let i = 0; i < items.length; i += 50) {
    const n = areas.length + 1;
    areas.push({ id: 900 + n, name: `Building ${n}`, options: [{ id: 9000 + n, status: 'Accepted', clientDescription: 'Roof', installerDescription: '', totalCents: 0, items: items.slice(i, i + 50) }] });
  }
  return {
    kind: 'proposal', id: PROPOSAL_ID, number: 9901, name: 'Benchmark campus re-roof', status: 'Accepted', currency: { code: 'USD', symbol: '$' },
    financial: { partsTotalCents: 0, laborTotalCents: 0, subtotalCents: 0, salesTaxCents: 0, totalCents: 0 },
    customer: {
      id: 1, name: 'Bench Customer', companyName: 'Bench Co', email: 'bench@example.com', phone: '5555550100',
      location: { id: 1, street: '1 Bench St', suite: '', city: 'Riverside', state: 'CA', postalCode: '92501', country: 'US', phone: '', isPrimary: true, isBilling: false },
    },
    dealerName: 'Demo', salesperson: '', projectDescription: '', createdDate: null, lastModifiedDate: null, areas, changeOrders: [],
  };
}

/** A proposal of exactly `lines` order lines (items are added until the engine's grouping gives that many). */
function proposalOfLines(lines: number, branchProducts: Parameters<typeof convertProposal>[0]['branchProducts'], catalog: Parameters<typeof convertProposal>[0]['catalog']): ProposalDetail {
  for (let n = lines; n < lines * 3; n++) {
    const p = proposalWith(candidateItems(n));
    const draft = convertProposal({
      proposal: toProposalDetails(p), changeOrders: [], catalog, savedMappings: [], branchProducts, quotes: [],
      options: { branchCode: BRANCH, maxPriceMovePercent: 10, includeChangeOrders: true, excludedSourceIds: [], overrides: {} }, now: new Date().toISOString(),
    });
    if (draft.lines.length === lines) return p;
    if (draft.lines.length > lines) break;
  }
  throw new Error(`could not build a proposal of exactly ${lines} lines from the sandbox catalog`);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * proposal_to_draft: a `lines`-line proposal turned into a priced SRS draft with `latencyMs`
 * injected on every Portal and SRS call (the sandboxes' latency faults). Proposal, catalog and
 * branch products are cached (as after the first open); every price is fetched live.
 * - draftMs: DraftService.build with all prices refreshed (batched, batches in parallel), median of `runs`.
 * - baselineMs: the same lines priced one line per request, one request after the other.
 * - coldDraftMs: the first open on a fresh data dir (catalog details, branch products, token and prices all fetched).
 */
export async function benchProposalToDraft(o: { lines?: number; latencyMs?: number; runs?: number } = {}): Promise<{
  draftMs: number;
  baselineMs: number;
  coldDraftMs: number;
  lines: number;
  pricedLines: number;
  priceRequests: number;
  baselinePriceRequests: number;
  ratio: number;
}> {
  const lines = o.lines ?? 300;
  const latencyMs = o.latencyMs ?? 50;
  const runs = o.runs ?? 3;
  const dir = mkdtempSync(join(tmpdir(), 'junction-bench-draft-'));
  const server = await startSandboxServer({ dataDir: join(dir, 'vendors'), log: silentLogger, only: ['portal', 'srs'] });
  const contexts: AppContext[] = [];
  try {
    const srsSandbox = server.get<SrsSandbox>('srs');
    const portal = server.get<PortalSandbox>('portal');
    const srs = server.vendors.find((v) => v.vendor === 'srs')!.credentials;
    const env = {
      JUNCTION_PORTAL_URL: server.baseUrl('portal'), JUNCTION_PORTAL_APP_ID: PORTAL_DEMO_CREDENTIALS.appId,
      JUNCTION_PORTAL_SECRET: PORTAL_DEMO_CREDENTIALS.secretKey, JUNCTION_PORTAL_USER_KEY: PORTAL_DEMO_CREDENTIALS.userKey,
      JUNCTION_SRS_URL: server.baseUrl('srs'), JUNCTION_SRS_CLIENT_ID: srs.clientId!, JUNCTION_SRS_CLIENT_SECRET: srs.clientSecret!,
      JUNCTION_SRS_CUSTOMER_CODE: srs.customerCode!, JUNCTION_SRS_INTEGRATION_KEY: srs.integrationKey!,
    };
    const open = async (name: string) => {
      const dataDir = join(dir, name);
      const ctx = await createAppContext({ dataDir, env, vault: openHeadlessVault(dataDir, env), log: silentLogger, sandbox: 'off' });
      contexts.push(ctx);
      ctx.settings.update({ srsDefaultBranch: BRANCH, srsDefaultJobAccount: JOB_ACCOUNT });
      return ctx;
    };
    const latency = (on: boolean) => {
      srsSandbox.clearFaults();
      portal.faults.set({ latencyMs: on ? latencyMs : 0 });
      if (on) srsSandbox.injectFault({ endpoint: '*', kind: 'latency', ms: latencyMs, times: 1_000_000 });
    };

    // Setup without latency: the proposal (Portal's sandbox cannot serve 300 lines, so it is put in the local cache as a sync would).
    latency(false);
    const warm = await open('warm');
    const drafts = new DraftService(warm);
    const inputs = new DraftInputs(warm);
    const branchProducts = await inputs.branchProducts(BRANCH); // syncs the branch's products
    const catalog = await inputs.catalogEntries(candidateItems(lines * 3).map((i) => i.referencedItemId!));
    const proposal = proposalOfLines(lines, branchProducts, catalog);
    const saveProposal = (ctx: AppContext) => {
      const repo = new ProposalsRepo(ctx.db);
      const at = new Date().toISOString();
      repo.upsertSummary({ id: proposal.id, number: proposal.number, name: proposal.name, status: proposal.status, totalCents: 0, currency: proposal.currency, customer: null, createdDate: null, lastModifiedDate: null }, at);
      repo.saveDetail(proposal, [], at);
    };
    saveProposal(warm);
    await drafts.build(PROPOSAL_ID, emptyDraftState(), {}); // gets the token and fills the price cache

    latency(true);
    const times: number[] = [];
    let pricedLines = 0;
    let priceRequests = 0;
    for (let r = 0; r < runs; r++) {
      srsSandbox.resetCounters();
      const t0 = performance.now();
      const built = await drafts.build(PROPOSAL_ID, emptyDraftState(), { refreshPrices: true });
      times.push(performance.now() - t0);
      if (built.draft.lines.length !== lines) throw new Error(`the draft has ${built.draft.lines.length} lines, not ${lines}`);
      pricedLines = built.draft.lines.filter((l) => l.priceFetchedAt !== null).length;
      priceRequests = srsSandbox.count('POST /products/v2/price');
    }

    // Baseline: the same lines priced one per request, sequentially, then converted.
    const unpriced = (await drafts.build(PROPOSAL_ID, emptyDraftState(), {})).draft.lines.filter((l) => l.productId !== null && l.uom !== null);
    const pricing = new SrsPricingService(warm);
    srsSandbox.resetCounters();
    const b0 = performance.now();
    for (const l of unpriced) {
      await pricing.price({ branchCode: BRANCH, jobAccountNumber: JOB_ACCOUNT, lines: [{ productId: l.productId!, uom: l.uom!, quantity: l.quantity ?? 1, option: l.option ?? 'N/A' }], refresh: true });
    }
    await drafts.build(PROPOSAL_ID, emptyDraftState(), {});
    const baselineMs = performance.now() - b0;
    const baselinePriceRequests = srsSandbox.count('POST /products/v2/price');

    // Cold: a fresh data dir; only the proposal is there (as after a proposals sync).
    const cold = await open('cold');
    saveProposal(cold);
    const c0 = performance.now();
    await new DraftService(cold).build(PROPOSAL_ID, emptyDraftState(), {});
    const coldDraftMs = performance.now() - c0;

    const draftMs = median(times);
    const round = (x: number) => Math.round(x * 10) / 10;
    return { draftMs: round(draftMs), baselineMs: round(baselineMs), coldDraftMs: round(coldDraftMs), lines, pricedLines, priceRequests, baselinePriceRequests, ratio: round(baselineMs / draftMs) };
  } finally {
    for (const c of contexts) await c.close().catch(() => {});
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
