import type { Db } from '../../../src-main/store/database';
import { prng } from './stats';

/**
 * `count` realistic typed-prefix queries of 1–3 words drawn from the catalog's own brands,
 * descriptions and models, the way an estimator types them: earlier words whole or cut to
 * 3+ letters, the last word cut anywhere from 2 letters on ("landm", "owens cor", "drip ed 10").
 * Deterministic: the same catalog gives the same queries.
 */
export function typedQueries(db: Db, count: number, seed = 7): string[] {
  const rows = db.prepare('SELECT brand, description, model FROM portal_catalog_items').raw().all() as [string, string, string][];
  if (!rows.length) throw new Error('the catalog is empty: nothing to draw queries from');
  const rand = prng(seed);
  const pick = (n: number) => Math.floor(rand() * n);
  const out: string[] = [];
  while (out.length < count) {
    const [brand, description, model] = rows[pick(rows.length)]!;
    const source = rand() < 0.15 ? `${brand} ${model}` : `${brand} ${description}`;
    const words = source.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    if (!words.length) continue;
    const r = rand();
    const n = Math.min(words.length, r < 0.4 ? 1 : r < 0.8 ? 2 : 3);
    const start = pick(words.length - n + 1);
    const typed = words.slice(start, start + n).map((w, i, all) => {
      if (w.length <= 2) return w;
      if (i < all.length - 1) return rand() < 0.7 ? w : w.slice(0, 3 + pick(w.length - 2));
      return w.slice(0, 2 + pick(w.length - 1));
    });
    out.push(typed.join(' '));
  }
  return out;
}
