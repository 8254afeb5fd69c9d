import type { PortalEndpoint } from '../../vendors/portal/endpoints';

export interface FaultRule {
  /** HTTP status to answer instead of serving the request. */
  status: number;
  /** How many matching requests fail before the rule is used up. */
  count: number;
  /** Only this endpoint (all when omitted). */
  endpoint?: PortalEndpoint;
  retryAfterSeconds?: number;
  message?: string;
  /** Answer with this JSON body instead of an error body (malformed-payload tests). */
  body?: unknown;
}

/** Test knobs: a delay on every request and queued failures. */
export class Faults {
  latencyMs = 0;
  private rules: FaultRule[] = [];

  set(o: { latencyMs?: number; rules?: FaultRule[] }): void {
    if (o.latencyMs !== undefined) this.latencyMs = Math.max(0, o.latencyMs);
    if (o.rules) this.rules.push(...o.rules.map((r) => ({ ...r })));
  }

  fail(rule: FaultRule): void {
    this.rules.push({ ...rule });
  }

  clear(): void {
    this.latencyMs = 0;
    this.rules = [];
  }

  /** The rule that applies to this request, counting it down. */
  take(endpoint: PortalEndpoint): FaultRule | undefined {
    const rule = this.rules.find((r) => r.count > 0 && (!r.endpoint || r.endpoint === endpoint));
    if (!rule) return undefined;
    rule.count--;
    if (rule.count <= 0) this.rules = this.rules.filter((r) => r !== rule);
    return rule;
  }

  snapshot() {
    return { latencyMs: this.latencyMs, rules: this.rules.map((r) => ({ ...r })) };
  }
}
