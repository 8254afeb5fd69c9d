import { normaliseText, tokens } from './text-keys';
import type { BranchProduct, Suggestion } from './types';

export interface SuggestQuery {
  brand: string;
  model: string;
  description: string;
}

const WEIGHT = { brand: 3, model: 2, description: 1 } as const;

/**
 * Ranks branch products for an unmapped item by token overlap: the brand against the
 * manufacturer, model and description tokens against the product's name, description and
 * options. Deterministic: ties break on productId. Only products sold at the branch.
 * The user confirms a suggestion; nothing is mapped automatically from here.
 */
export function suggestProducts(query: SuggestQuery, products: readonly BranchProduct[], limit = 5): Suggestion[] {
  const brand = normaliseText(query.brand);
  const modelTokens = tokens(query.model);
  const descTokens = tokens(query.description);
  const possible =
    (brand ? WEIGHT.brand : 0) + modelTokens.size * WEIGHT.model + [...descTokens].filter((t) => !modelTokens.has(t)).length * WEIGHT.description;
  if (possible === 0) return [];

  const scored: Suggestion[] = [];
  for (const p of products) {
    if (!p.availableAtBranch) continue;
    const productTokens = tokens(`${p.productName} ${p.productDescription} ${p.productOptions.join(' ')}`);
    let score = 0;
    let textHits = 0;
    if (brand && normaliseText(p.manufacturer) === brand) score += WEIGHT.brand;
    for (const t of modelTokens) {
      if (!productTokens.has(t)) continue;
      score += WEIGHT.model;
      textHits++;
    }
    for (const t of descTokens) {
      if (modelTokens.has(t) || !productTokens.has(t)) continue;
      score += WEIGHT.description;
      textHits++;
    }
    // A brand alone says nothing about which of its products is meant.
    if (textHits === 0) continue;
    scored.push({
      productId: p.productId,
      productName: p.productName,
      manufacturer: p.manufacturer,
      options: p.productOptions,
      score: Math.round((score / possible) * 1000) / 1000,
    });
  }
  scored.sort((a, b) => b.score - a.score || a.productId - b.productId);
  return scored.slice(0, limit);
}
