/** Units of measure as SRS and Portal name them (two- or three-letter codes). */
export const UOMS = ['EA', 'PC', 'SQ', 'BD', 'RL', 'LF', 'GA', 'BG', 'TB', 'PL', 'BX', 'SHT'] as const;
export type Uom = (typeof UOMS)[number];

export const UOM_LABELS: Record<Uom, string> = {
  EA: 'each',
  PC: 'piece',
  SQ: 'square',
  BD: 'bundle',
  RL: 'roll',
  LF: 'linear foot',
  GA: 'gallon',
  BG: 'bag',
  TB: 'tube',
  PL: 'pail',
  BX: 'box',
  SHT: 'sheet',
};

export function isUom(value: string): value is Uom {
  return (UOMS as readonly string[]).includes(value);
}
