/** Text normalisation shared by saved mappings and suggestions. */

/** Lower case, accents stripped, every run of non-alphanumerics collapsed to one space. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The key a saved mapping is remembered under: normalised brand + model. */
export function mappingKey(brand: string, model: string): string {
  return `${normaliseText(brand)}|${normaliseText(model)}`;
}

const STOP_WORDS = new Set(['a', 'an', 'and', 'the', 'of', 'for', 'with', 'per', 'in', 'x', 'to', 'by', 'on']);

/** Distinct meaningful tokens of a text (stop words and single letters dropped). */
export function tokens(text: string): Set<string> {
  const out = new Set<string>();
  for (const t of normaliseText(text).split(' ')) {
    if (t.length < 2 || STOP_WORDS.has(t)) continue;
    out.add(t);
  }
  return out;
}
