import { z } from 'zod';

/**
 * A fault the simulator applies to the next `times` matching requests.
 * - latency: waits `ms` before handling normally
 * - latencyAfterStore: handles the request (an order is stored), then waits `ms` before answering
 * - status429: answers 429 with Retry-After `retryAfterSeconds`
 * - status500: answers 500
 * - drop: destroys the connection before handling
 * - dropAfterStore: handles the request (an order is stored) then destroys the connection
 * - malformed: handles normally but sets (or, with no value, deletes) `path` in the JSON answer
 */
export const FaultSchema = z.object({
  /** Endpoint name as counted ("POST /orders/v2/Submit"), a path prefix ("/orders"), or "*". */
  endpoint: z.string().min(1),
  kind: z.enum(['latency', 'latencyAfterStore', 'status429', 'status500', 'drop', 'dropAfterStore', 'malformed']),
  times: z.number().int().min(1).default(1),
  ms: z.number().int().min(0).max(120_000).optional(),
  retryAfterSeconds: z.number().min(0).optional(),
  path: z.string().optional(),
  value: z.unknown().optional(),
});
export type Fault = z.infer<typeof FaultSchema>;
export type FaultInput = z.input<typeof FaultSchema>;

export class FaultQueue {
  private faults: Fault[] = [];

  add(input: FaultInput): Fault {
    const fault = FaultSchema.parse(input);
    this.faults.push(fault);
    return fault;
  }

  clear(): void {
    this.faults = [];
  }

  list(): Fault[] {
    return [...this.faults];
  }

  /** Takes every fault that matches this request (one use each). */
  take(endpoint: string, path: string): Fault[] {
    const hit = this.faults.filter((f) => f.endpoint === '*' || f.endpoint === endpoint || (f.endpoint.startsWith('/') && path.startsWith(f.endpoint)));
    for (const f of hit) f.times -= 1;
    this.faults = this.faults.filter((f) => f.times > 0);
    return hit;
  }
}

/** Sets a dotted path ("productList.0.price") in a JSON value; undefined deletes it. */
export function setPath(target: unknown, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) {
    const next = node?.[key];
    if (typeof next !== 'object' || next === null) return;
    node = next as Record<string, unknown>;
  }
  const last = keys.at(-1)!;
  if (value === undefined) delete node[last];
  else node[last] = value;
}
