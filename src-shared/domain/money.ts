/** Money is integer cents from the vendor boundary on; floats are never added. */
export type Cents = number;

/** Converts a vendor's JSON number (dollars) to integer cents, rounding half away from zero. */
export function toCents(amount: number): Cents {
  if (!Number.isFinite(amount)) throw new RangeError(`not a finite amount: ${amount}`);
  // toFixed(6) removes binary noise such as 19.999999999 before rounding.
  const scaled = Number((amount * 100).toFixed(6));
  return Math.sign(scaled) * Math.round(Math.abs(scaled));
}

export function sumCents(values: readonly Cents[]): Cents {
  let total = 0;
  for (const v of values) {
    if (!Number.isSafeInteger(v)) throw new RangeError(`not integer cents: ${v}`);
    total += v;
  }
  return total;
}

/** Multiplies a unit price in cents by a quantity, rounding to the nearest cent. */
export function extendCents(unitCents: Cents, quantity: number): Cents {
  return Math.round(unitCents * quantity);
}

// Building an Intl.NumberFormat costs far more than formatting with one (a long list would build one per row per frame).
const moneyFormats = new Map<string, Intl.NumberFormat>();

export function formatMoney(cents: Cents, currency = 'USD'): string {
  let format = moneyFormats.get(currency);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { style: 'currency', currency });
    moneyFormats.set(currency, format);
  }
  return format.format(cents / 100);
}
