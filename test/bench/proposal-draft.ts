import type { Benchmark } from './lib/figure';
import { sizes } from './lib/sizes';
import { round } from './lib/stats';
import { benchProposalToDraft } from './proposal-to-draft';

/**
 * proposal_to_draft: the orders engineer's measurement (proposal-to-draft.ts): a 300-line
 * accepted proposal turned into a priced SRS draft with 50 ms injected on every vendor call;
 * baseline: the same lines priced with one request per line, one after the other.
 */
export const proposalToDraft: Benchmark = {
  name: 'proposal_to_draft',
  async run(o) {
    const s = sizes(o);
    const r = await benchProposalToDraft({ lines: s.draftLines, latencyMs: 50, runs: s.draftRuns });
    o.progress(`  ${r.lines} lines: draft ${r.draftMs} ms (${r.priceRequests} price requests), one request per line ${r.baselineMs} ms (${r.baselinePriceRequests})`);
    return {
      value: r.draftMs,
      unit: 'ms',
      baseline: r.baselineMs,
      ratio: round(r.draftMs / r.baselineMs, 3),
      goal: `priced draft of a ${s.draftLines}-line proposal < 1 s with 50 ms per vendor call`,
      pass: r.draftMs < 1000,
      detail: { lines: r.lines, pricedLines: r.pricedLines, priceRequests: r.priceRequests, baselinePriceRequests: r.baselinePriceRequests, coldDraftMs: r.coldDraftMs },
    };
  },
};
