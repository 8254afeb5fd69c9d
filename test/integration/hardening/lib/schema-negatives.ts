import fc from 'fast-check';
import { z } from 'zod';

/** The subset of JSON Schema that zod's toJSONSchema produces for the IPC contract. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
}

export function requestJsonSchema(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

const typesOf = (s: JsonSchema): string[] => {
  if (s.anyOf) return s.anyOf.flatMap(typesOf);
  if (s.enum) return [...new Set(s.enum.map((v) => (v === null ? 'null' : typeof v)))];
  if (s.const !== undefined) return [s.const === null ? 'null' : typeof s.const];
  if (Array.isArray(s.type)) return s.type;
  return s.type ? [s.type] : [];
};

/** A valid value for the schema, the simplest one that satisfies its constraints. */
export function validValue(s: JsonSchema): unknown {
  if (s.anyOf) return validValue(s.anyOf[0]!);
  if (s.enum) return s.enum[0];
  if (s.const !== undefined) return s.const;
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'string': {
      if (s.format === 'uri') return 'https://example.com/';
      const min = Math.max(1, s.minLength ?? 1);
      if (s.pattern) {
        const re = new RegExp(s.pattern);
        const [v] = fc.sample(
          fc.stringMatching(re).filter((x) => x.length >= min && x.length <= (s.maxLength ?? 64)),
          { numRuns: 1, seed: 1 },
        );
        return v;
      }
      return 'a'.repeat(min);
    }
    case 'integer':
    case 'number': {
      const low = s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : (s.minimum ?? 1);
      return Math.min(Math.max(1, Math.ceil(low)), s.maximum ?? Number.MAX_SAFE_INTEGER);
    }
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'array':
      return Array.from({ length: Math.max(1, s.minItems ?? 1) }, () => validValue(s.items ?? {}));
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of s.required ?? []) out[key] = validValue(s.properties?.[key] ?? {});
      return out;
    }
    default:
      return 'x';
  }
}

export interface Negative {
  /** What is wrong, e.g. "lines[0].uom: wrong type number". */
  what: string;
  value: unknown;
}

/** A 1 MiB string: bigger than any field of the contract may hold. */
export const HUGE = 'x'.repeat(1024 * 1024);

/** Values of the wrong JSON type, and constraint breakers of the right type, for one field. */
function badValues(s: JsonSchema): { what: string; value: unknown }[] {
  const types = typesOf(s);
  const out: { what: string; value: unknown }[] = [];
  const candidates: [string, unknown][] = [
    ['null', null],
    ['boolean', true],
    ['number', 7.5],
    ['integer', 7],
    ['string', 'text'],
    ['array', ['x']],
    ['object', { x: 1 }],
  ];
  for (const [type, value] of candidates) {
    const accepted = types.includes(type) || (type === 'integer' && types.includes('number'));
    if (!accepted) out.push({ what: `wrong type ${type}`, value });
  }
  if (types.some((t) => t === 'number' || t === 'integer')) {
    out.push({ what: 'NaN', value: Number.NaN }, { what: 'Infinity', value: Number.POSITIVE_INFINITY });
  }
  const stringSchema = s.anyOf?.find((x) => x.type === 'string') ?? (types.includes('string') ? s : undefined);
  if (stringSchema && !stringSchema.enum) {
    if (stringSchema.maxLength !== undefined) out.push({ what: `longer than ${stringSchema.maxLength}`, value: 'a'.repeat(stringSchema.maxLength + 1) });
    if ((stringSchema.minLength ?? 0) > 0) out.push({ what: 'empty text', value: '' });
    if (stringSchema.pattern || stringSchema.format === 'uri') out.push({ what: 'bad format', value: 'not valid ~~ \u0000' });
    out.push({ what: 'huge text (1 MiB)', value: HUGE });
  }
  if (s.enum) out.push({ what: 'not one of the options', value: `${String(s.enum[0])}-nope` });
  const numberSchema = s.anyOf?.find((x) => x.type === 'number' || x.type === 'integer') ?? (types.some((t) => t === 'number' || t === 'integer') ? s : undefined);
  if (numberSchema) {
    if (numberSchema.type === 'integer') out.push({ what: 'fraction', value: 1.5 });
    if (numberSchema.minimum !== undefined && numberSchema.minimum > -Number.MAX_SAFE_INTEGER) out.push({ what: 'below minimum', value: numberSchema.minimum - 1 });
    if (numberSchema.exclusiveMinimum !== undefined) out.push({ what: 'at exclusive minimum', value: numberSchema.exclusiveMinimum });
    if (numberSchema.maximum !== undefined && numberSchema.maximum < Number.MAX_SAFE_INTEGER) out.push({ what: 'above maximum', value: numberSchema.maximum + 1 });
  }
  const arraySchema = s.anyOf?.find((x) => x.type === 'array') ?? (types.includes('array') ? s : undefined);
  if (arraySchema) {
    if ((arraySchema.minItems ?? 0) > 0) out.push({ what: 'empty list', value: [] });
    if (arraySchema.maxItems !== undefined) {
      out.push({ what: `more than ${arraySchema.maxItems} items`, value: Array.from({ length: arraySchema.maxItems + 1 }, () => validValue(arraySchema.items ?? {})) });
    }
  }
  return out;
}

const clone = <T>(v: T): T => structuredClone(v);

/** Puts `value` at `path` in a copy of `base` (path of keys and indexes). */
function withValue(base: unknown, path: (string | number)[], value: unknown, remove = false): unknown {
  const copy = clone(base) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (remove) delete node[last];
  else node[last] = value;
  return copy;
}

const label = (path: (string | number)[]) => path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${p}`)).join('');

/**
 * Requests that break the schema in exactly one place, starting from a valid request: a
 * wrong type or a broken constraint for each field (recursing into objects and list items),
 * each required field missing, a non-object request, and prototype-pollution keys and a
 * huge string smuggled in under unknown keys.
 */
export function negativesFor(schema: JsonSchema): { base: unknown; negatives: Negative[] } {
  const base = validValue(schema);
  const negatives: Negative[] = [];
  for (const [what, value] of [['undefined', undefined], ['null', null], ['a number', 42], ['a string', 'request'], ['a list', [base]], ['true', true]] as const) {
    negatives.push({ what: `request is ${what}`, value });
  }

  const visit = (s: JsonSchema, path: (string | number)[]) => {
    const objectSchema = s.type === 'object' ? s : s.anyOf?.find((x) => x.type === 'object');
    if (objectSchema?.properties) {
      for (const [key, sub] of Object.entries(objectSchema.properties)) {
        const at = [...path, key];
        for (const bad of badValues(sub)) negatives.push({ what: `${label(at)}: ${bad.what}`, value: withValue(base, at, bad.value) });
        if (objectSchema.required?.includes(key)) negatives.push({ what: `${label(at)}: missing`, value: withValue(base, at, undefined, true) });
        // Recurse only where the valid base has an object or list to go into.
        if (path.length === 0 && objectSchema.required?.includes(key)) visit(sub, at);
      }
    }
    if (objectSchema?.additionalProperties && typeof objectSchema.additionalProperties === 'object') {
      for (const bad of badValues(objectSchema.additionalProperties)) {
        negatives.push({ what: `${label([...path, 'someKey'])}: ${bad.what}`, value: withValue(base, [...path, 'someKey'], bad.value) });
      }
      negatives.push({ what: `${label(path)}: a key of 1 MiB`, value: withValue(base, [...path, HUGE.slice(0, 300_000)], 'v') });
    }
    const arraySchema = s.type === 'array' ? s : s.anyOf?.find((x) => x.type === 'array');
    if (arraySchema?.items) {
      for (const bad of badValues(arraySchema.items)) negatives.push({ what: `${label([...path, 0])}: ${bad.what}`, value: withValue(base, [...path, 0], bad.value) });
      visit(arraySchema.items, [...path, 0]);
    }
  };
  visit(schema, []);

  if (base && typeof base === 'object' && !Array.isArray(base)) {
    const poisoned = [
      ['__proto__ key', '{"__proto__":{"polluted":true}}'],
      ['constructor.prototype key', '{"constructor":{"prototype":{"polluted":true}}}'],
      ['prototype key', '{"prototype":{"polluted":true}}'],
    ] as const;
    for (const [what, json] of poisoned) negatives.push({ what: `request: ${what}`, value: { ...(base as object), ...(JSON.parse(json) as object) } });
    negatives.push({ what: 'request: an unknown key holding 1 MiB of text', value: { ...(base as object), comment: HUGE } });
    negatives.push({ what: 'request: nested 40 levels deep under an unknown key', value: { ...(base as object), deep: nest(40) } });
  }
  return { base, negatives };
}

function nest(levels: number): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < levels; i++) v = { v };
  return v;
}
