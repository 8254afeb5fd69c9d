import { extendCents, formatMoney, type Cents } from '../../src-shared/domain/money';
import type { LineProblem, PriceQuote } from './types';

export interface PricedLine {
  unitPriceCents: Cents | null;
  extendedCents: Cents | null;
  problems: LineProblem[];
}

export interface PriceCheckInput {
  quote: PriceQuote | undefined;
  productLabel: string;
  uom: string;
  /** Whole units ordered; null when not known. */
  quantity: number | null;
  /** Units the proposal needs, before rounding up; null when not convertible. */
  neededQuantity: number | null;
  proposalCostCents: Cents;
  proposalSellCents: Cents;
  maxPriceMovePercent: number;
  priceTtlMs: number;
  now: string;
  currency: string;
}

/** Formats with the proposal's currency, falling back to USD when Portal sent an unknown code. */
function moneyIn(currency: string): (c: Cents) => string {
  try {
    formatMoney(0, currency);
    return (c) => formatMoney(c, currency);
  } catch {
    return (c) => formatMoney(c, 'USD');
  }
}

function percent(part: number, whole: number): number {
  return Math.round((part / whole) * 1000) / 10;
}

/** Price, stock and money problems of one line against its supplier quote. */
export function checkPrice(input: PriceCheckInput): PricedLine {
  const { quote, productLabel, uom, currency } = input;
  const problems: LineProblem[] = [];
  const money = moneyIn(currency);
  if (!quote) {
    problems.push({ kind: 'no-price', blocking: true, message: `No SRS price for ${productLabel} per ${uom} yet; re-price the draft.` });
    return { unitPriceCents: null, extendedCents: null, problems };
  }

  if (quote.stockStatus === 'Out of Stock') {
    const subs = quote.substitutions;
    problems.push({
      kind: 'out-of-stock',
      blocking: false,
      message: subs.length > 0
        ? `${productLabel} is out of stock at this branch; ${subs.length} substitute${subs.length === 1 ? '' : 's'} offered: ${subs.map((s) => s.productName).join(', ')}.`
        : `${productLabel} is out of stock at this branch and no substitute is offered; it would be back-ordered.`,
      substitutions: subs,
    });
  } else if (quote.stockStatus === 'Limited' && input.quantity !== null && quote.availableQuantity < input.quantity) {
    problems.push({
      kind: 'limited-stock',
      blocking: false,
      message: `Only ${quote.availableQuantity} ${uom} of ${productLabel} available at this branch; ${input.quantity} ordered.`,
      substitutions: quote.substitutions,
    });
  }

  const age = Date.parse(input.now) - Date.parse(quote.fetchedAt);
  if (Number.isFinite(age) && age > input.priceTtlMs) {
    problems.push({ kind: 'price-stale', blocking: false, message: `The price of ${productLabel} is ${Math.floor(age / 60_000)} minutes old; re-price before submitting.` });
  }

  // 0 from SRS means "call the branch", never free.
  if (quote.priceCents === 0) {
    problems.push({ kind: 'call-for-price', blocking: true, message: `SRS has no list price for ${productLabel}: call the branch for a price.` });
    return { unitPriceCents: null, extendedCents: null, problems };
  }

  const unit = quote.priceCents;
  const extended = input.quantity === null ? null : extendCents(unit, input.quantity);

  // The price move compares like with like: the live price of what the proposal needs
  // (before rounding up) against the proposal's cost of the same items.
  if (input.neededQuantity !== null && input.proposalCostCents > 0) {
    const liveForNeeded = extendCents(unit, input.neededQuantity);
    const move = percent(liveForNeeded - input.proposalCostCents, input.proposalCostCents);
    if (Math.abs(move) > input.maxPriceMovePercent) {
      problems.push({
        kind: 'price-moved',
        blocking: false,
        message: `Price of ${productLabel} moved ${move > 0 ? '+' : ''}${move}% from the proposal's cost (${money(input.proposalCostCents)} → ${money(liveForNeeded)} for the proposal quantity; limit ${input.maxPriceMovePercent}%).`,
      });
    }
  }

  // Losing money is about what is actually paid: the rounded-up order against the sell price.
  if (extended !== null && extended > input.proposalSellCents) {
    problems.push({
      kind: 'loses-money',
      blocking: false,
      message: `${productLabel} costs ${money(extended)} as ordered but sells for ${money(input.proposalSellCents)} on the proposal: this line loses ${money(extended - input.proposalSellCents)}.`,
    });
  }
  return { unitPriceCents: unit, extendedCents: extended, problems };
}
