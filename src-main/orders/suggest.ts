import { normaliseText, tokens } from './text-keys';
import type { BranchProduct, Suggestion } from './types';

export interface SuggestQuery {
  brand: string;
  model: string;
  description: string;
}

const WEIGHT = { brand: 3, model: 2, description: 1 } as const;
/** A word in more than this share of the branch's products ("roof", "shingles") tells nothing apart. */
const COMMON_SHARE = 0.15;
/** A suggestion must explain at least this share of what the item says about itself. */
const MIN_SCORE = 0.2;

const isWord = (t: string) => /[a-z]{3,}/.test(t);

/** How many products mention each token; kept per product list, which does not change during a conversion. */
const frequencies = new WeakMap<readonly BranchProduct[], { counts: Map<string, number>; tokens: Map<number, Set<string>> }>();

function index(products: readonly BranchProduct[]) {
  let idx = frequencies.get(products);
  if (!idx) {
    idx = { counts: new Map(), tokens: new Map() };
    for (const p of products) {
      const t = tokens(`${p.productName} ${p.productDescription} ${p.productOptions.join(' ')}`);
      idx.tokens.set(p.productId, t);
      for (const w of t) idx.counts.set(w, (idx.counts.get(w) ?? 0) + 1);
    }
    frequencies.set(products, idx);
  }
  return idx;
}

/**
 * Ranks branch products for an unmapped item by token overlap: the brand against the
 * manufacturer, model and description tokens against the product's name, description and
 * options. Words most products share and bare numbers do not count as a match on their own,
 * so "Dumpster rental (20 yd)" gets no roofing suggestions at all. Deterministic: ties break
 * on productId. Only products sold at the branch. The user confirms a suggestion; nothing is
 * mapped automatically from here.
 */
export function suggestProducts(query: SuggestQuery, products: readonly BranchProduct[], limit = 5): Suggestion[] {
  const idx = index(products);
  const common = (t: string) => (idx.counts.get(t) ?? 0) > Math.max(2, products.length * COMMON_SHARE);
  const brand = normaliseText(query.brand);
  const modelTokens = new Set([...tokens(query.model)].filter((t) => !common(t)));
  const descTokens = new Set([...tokens(query.description)].filter((t) => !common(t) && !modelTokens.has(t)));
  const possible = (brand ? WEIGHT.brand : 0) + modelTokens.size * WEIGHT.model + descTokens.size * WEIGHT.description;
  if (possible === 0) return [];

  const scored: Suggestion[] = [];
  for (const p of products) {
    if (!p.availableAtBranch) continue;
    const productTokens = idx.tokens.get(p.productId)!;
    let score = 0;
    let wordHits = 0;
    if (brand && normaliseText(p.manufacturer) === brand) score += WEIGHT.brand;
    for (const [set, weight] of [[modelTokens, WEIGHT.model], [descTokens, WEIGHT.description]] as const) {
      for (const t of set) {
        if (!productTokens.has(t)) continue;
        score += weight;
        if (isWord(t)) wordHits++;
      }
    }
    // A brand or a size alone says nothing about which product is meant.
    if (wordHits === 0) continue;
    const relative = score / possible;
    if (relative < MIN_SCORE) continue;
    scored.push({ productId: p.productId, productName: p.productName, manufacturer: p.manufacturer, options: p.productOptions, score: Math.round(relative * 1000) / 1000 });
  }
  scored.sort((a, b) => b.score - a.score || a.productId - b.productId);
  return scored.slice(0, limit);
}
