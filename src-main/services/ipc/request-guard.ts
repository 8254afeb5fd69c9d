/**
 * Checks a raw request before its schema does, for what a schema lets through: keys that
 * could pollute prototypes and oversized strings or payloads (an unknown key is dropped by
 * the schema, but its value would still be held and walked). Returns the first problem, or null.
 */
export const MAX_REQUEST_STRING = 64 * 1024;
export const MAX_REQUEST_VALUES = 50_000;
export const MAX_REQUEST_DEPTH = 16;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function requestProblem(raw: unknown): string | null {
  let values = 0;
  const walk = (v: unknown, path: string, depth: number): string | null => {
    if (++values > MAX_REQUEST_VALUES) return `request: more than ${MAX_REQUEST_VALUES.toLocaleString('en-US')} values`;
    if (typeof v === 'string') {
      return v.length > MAX_REQUEST_STRING ? `${path}: text longer than ${MAX_REQUEST_STRING / 1024} KiB (${v.length.toLocaleString('en-US')} characters)` : null;
    }
    if (v === null || typeof v !== 'object') return null;
    if (depth >= MAX_REQUEST_DEPTH) return `${path}: nested deeper than ${MAX_REQUEST_DEPTH} levels`;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const p = walk(v[i], `${path}[${i}]`, depth + 1);
        if (p) return p;
      }
      return null;
    }
    for (const key of Object.keys(v)) {
      const at = path === 'request' ? key : `${path}.${key}`;
      if (FORBIDDEN_KEYS.has(key)) return `${at.slice(0, 120)}: the key "${key}" is not allowed`;
      if (key.length > 256) return `${path}: a key longer than 256 characters`;
      const p = walk((v as Record<string, unknown>)[key], at.slice(0, 200), depth + 1);
      if (p) return p;
    }
    return null;
  };
  return walk(raw, 'request', 0);
}
