import { sumCents } from '../../src-shared/domain/money';
import type { DraftLine, DraftTotals } from './types';

function marginPercent(marginCents: number, sellCents: number): number | null {
  return sellCents === 0 ? null : Math.round((marginCents / sellCents) * 1000) / 10;
}

/**
 * Order total and the proposal's margin against the live supplier cost. The live margin
 * covers only priced lines (unpricedLineCount says how many are missing), so it never
 * mixes a real price with a guess.
 */
export function computeTotals(lines: readonly DraftLine[]): DraftTotals {
  const priced = lines.filter((l): l is DraftLine & { extendedCents: number } => l.extendedCents !== null);
  const totalCents = sumCents(priced.map((l) => l.extendedCents));
  const proposalCostCents = sumCents(lines.map((l) => l.proposalCostCents));
  const proposalSellCents = sumCents(lines.map((l) => l.proposalSellCents));
  const proposalMarginCents = proposalSellCents - proposalCostCents;
  const pricedSell = sumCents(priced.map((l) => l.proposalSellCents));
  const liveMarginCents = priced.length === 0 ? null : pricedSell - totalCents;
  return {
    totalCents,
    pricedLineCount: priced.length,
    unpricedLineCount: lines.length - priced.length,
    proposalCostCents,
    proposalSellCents,
    proposalMarginCents,
    liveMarginCents,
    proposalMarginPercent: marginPercent(proposalMarginCents, proposalSellCents),
    liveMarginPercent: liveMarginCents === null ? null : marginPercent(liveMarginCents, pricedSell),
  };
}
