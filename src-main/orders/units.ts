import type { BranchProduct } from './types';

/**
 * Relative tolerance for "is this already a whole number". Conversion factors arrive as
 * binary floats that only approximate decimal or rational ratios (0.1 LF→PC, 1/33 LF→BD
 * for ridge cap). Exact (rational) arithmetic on those floats would faithfully keep their
 * representation error: 33 LF × 0.030303030303030304 is 1.0000000000000002 and would
 * wrongly round up to 2 BD, 95 × 0.1 may come out as 9.500000000000002. So we round
 * with a tolerance instead: a value within 1e-9 (relative) of an integer *is* that
 * integer. Real quantities never differ from a whole unit by so little, so this never
 * rounds a genuine shortfall down.
 */
const WHOLE_TOLERANCE = 1e-9;

/** The smallest whole number of units that covers `needed` (never rounds down a real shortfall). */
export function roundUpToWhole(needed: number): number {
  if (!Number.isFinite(needed)) throw new RangeError(`not a finite quantity: ${needed}`);
  const nearest = Math.round(needed);
  if (Math.abs(needed - nearest) <= WHOLE_TOLERANCE * Math.max(1, Math.abs(needed))) return nearest;
  return Math.ceil(needed);
}

/** Rounds a derived display quantity (e.g. the over-order) to 6 decimals to hide float noise. */
export function tidy(quantity: number): number {
  return Math.round(quantity * 1e6) / 1e6;
}

/** How many base units one `uom` of the product is; null when the product has no such unit. */
export function toBaseFactor(product: BranchProduct, uom: string): number | null {
  const u = uom.toUpperCase();
  if (u === product.baseUom.toUpperCase()) return 1;
  const c = product.uomConversions.find((x) => x.uom.toUpperCase() === u);
  return c && Number.isFinite(c.toBase) && c.toBase > 0 ? c.toBase : null;
}

/** The units this product can be ordered or counted in. */
export function knownUoms(product: BranchProduct): string[] {
  return [product.baseUom, ...product.uomConversions.map((c) => c.uom)];
}

/** Converts `quantity` of `from` into `to` units of the product; null when either unit is unknown. */
export function convertQuantity(product: BranchProduct, quantity: number, from: string, to: string): number | null {
  const f = toBaseFactor(product, from);
  const t = toBaseFactor(product, to);
  if (f === null || t === null) return null;
  if (f === t) return quantity;
  return (quantity * f) / t;
}
