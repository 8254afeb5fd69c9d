import type { Dispatcher } from 'undici';
import {
  BrokenCircuitError,
  ConsecutiveBreaker,
  circuitBreaker,
  handleWhen,
  retry,
  type CircuitBreakerPolicy,
  type IBackoff,
  type IBackoffFactory,
  type IRetryBackoffContext,
} from 'cockatiel';
import { AppError } from '../../../src-shared/domain/result';
import type { Logger } from '../../log/logger';

/** undici is loaded on the first vendor call, not at start-up: it is a large module and many sessions never call a vendor. */
let undici: Promise<typeof import('undici')> | undefined;
const loadUndici = () => (undici ??= import('undici'));

export interface VendorHttpOptions {
  /** Display name used in every error message, e.g. "SRS". */
  vendor: string;
  baseUrl: string;
  log: Logger;
  timeoutMs?: number;
  /** Attempts for idempotent calls, including the first. */
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Longest Retry-After we honor before giving up on a retry. */
  retryAfterCapMs?: number;
  /** Consecutive failures (network, timeout, 5xx) that open the breaker. */
  breakerThreshold?: number;
  breakerHalfOpenAfterMs?: number;
  /** undici dispatcher (MockAgent in tests); the global one by default. */
  dispatcher?: Dispatcher;
}

export interface VendorRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path after the base URL, e.g. "/proposals/12". */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  headers?: Record<string, string>;
  body?: string;
  /** Only idempotent calls are retried automatically. */
  idempotent: boolean;
  /** Short endpoint name for errors and logs ("GET /proposals"); the URL itself may hold secrets. */
  endpoint: string;
  signal?: AbortSignal;
}

export interface VendorResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
}

/** Thrown for a status the transport did not handle; vendor clients map these to readable errors. */
export class VendorHttpStatusError extends AppError {
  constructor(
    readonly vendor: string,
    readonly endpoint: string,
    readonly response: VendorResponse,
    code: ConstructorParameters<typeof AppError>[0],
    message: string,
  ) {
    super(code, message);
  }
}

const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);

class TransientStatus extends Error {
  constructor(readonly response: VendorResponse) {
    super(`status ${response.status}`);
  }
}

export function buildUrl(baseUrl: string, path: string, query?: VendorRequest['query']): URL {
  const url = new URL(baseUrl.replace(/\/+$/, '') + path);
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
  return url;
}

/** Parses Retry-After (seconds or HTTP date) into milliseconds. */
export function retryAfterMs(header: string | undefined, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Exponential backoff with full jitter, replaced by the server's Retry-After (capped) when it gives one. */
function backoff(o: Required<Pick<VendorHttpOptions, 'baseDelayMs' | 'maxDelayMs' | 'retryAfterCapMs'>>): IBackoffFactory<IRetryBackoffContext<unknown>> {
  const make = (attempt: number, ctx: IRetryBackoffContext<unknown>): IBackoff<IRetryBackoffContext<unknown>> => {
    const err = 'error' in ctx.result ? ctx.result.error : undefined;
    const hinted = err instanceof TransientStatus ? retryAfterMs(err.response.headers['retry-after']) : undefined;
    const jittered = Math.random() * Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** attempt);
    return {
      duration: hinted !== undefined ? Math.min(hinted, o.retryAfterCapMs) : jittered,
      next: (next) => make(attempt + 1, next),
    };
  };
  return { next: (ctx) => make(0, ctx) };
}

/**
 * HTTP for one vendor: timeout on every call, retries with jittered backoff for idempotent
 * calls only, Retry-After honored (capped), and one circuit breaker per vendor.
 */
export class VendorHttp {
  readonly breaker: CircuitBreakerPolicy;
  private readonly o: Required<Omit<VendorHttpOptions, 'dispatcher'>> & { dispatcher?: Dispatcher };

  constructor(options: VendorHttpOptions) {
    this.o = {
      timeoutMs: 15_000,
      maxAttempts: 4,
      baseDelayMs: 200,
      maxDelayMs: 5_000,
      retryAfterCapMs: 30_000,
      breakerThreshold: 5,
      breakerHalfOpenAfterMs: 30_000,
      ...options,
    };
    this.breaker = circuitBreaker(
      handleWhen((e) => e instanceof TransientStatus ? e.response.status >= 500 : !(e instanceof AppError)),
      { halfOpenAfter: this.o.breakerHalfOpenAfterMs, breaker: new ConsecutiveBreaker(this.o.breakerThreshold) },
    );
  }

  get baseUrl(): string {
    return this.o.baseUrl;
  }

  url(path: string, query?: VendorRequest['query']): URL {
    return buildUrl(this.o.baseUrl, path, query);
  }

  /** Sends the request; resolves with any non-transient response (2xx-4xx except 429). */
  async send(req: VendorRequest): Promise<VendorResponse> {
    const once = () => this.breaker.execute(() => this.attempt(req));
    try {
      if (!req.idempotent) return await once();
      const policy = retry(
        handleWhen((e) => e instanceof TransientStatus || isNetworkError(e)),
        { maxAttempts: this.o.maxAttempts - 1, backoff: backoff(this.o) },
      );
      return await policy.execute(once);
    } catch (e) {
      throw this.toAppError(req, e);
    }
  }

  private async attempt(req: VendorRequest): Promise<VendorResponse> {
    const { request } = await loadUndici();
    const url = this.url(req.path, req.query);
    const timeout = AbortSignal.timeout(this.o.timeoutMs);
    const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
    const started = Date.now();
    const res = await request(url, {
      method: req.method,
      headers: req.headers,
      body: req.body,
      signal,
      ...(this.o.dispatcher ? { dispatcher: this.o.dispatcher } : {}),
    });
    const text = await res.body.text();
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
    const response = { status: res.statusCode, headers, text };
    this.o.log.debug(`${this.o.vendor} ${req.endpoint} -> ${res.statusCode}`, { ms: Date.now() - started });
    if (RETRYABLE_STATUS.has(res.statusCode)) throw new TransientStatus(response);
    return response;
  }

  private toAppError(req: VendorRequest, e: unknown): AppError {
    const v = this.o.vendor;
    if (e instanceof AppError) return e;
    if (e instanceof BrokenCircuitError) {
      return new AppError('VENDOR_UNAVAILABLE', `${v} is not answering; Junction paused calls to it and will try again in ${seconds(this.o.breakerHalfOpenAfterMs)}.`);
    }
    if (e instanceof TransientStatus) {
      const r = e.response;
      if (r.status === 429) {
        return new VendorHttpStatusError(v, req.endpoint, r, 'RATE_LIMITED', `${v} is rate limiting requests (${req.endpoint}); try again shortly.`);
      }
      return new VendorHttpStatusError(v, req.endpoint, r, 'VENDOR_ERROR', `${v} had a server error (${r.status}) on ${req.endpoint}.`);
    }
    if (req.signal?.aborted) return new AppError('CANCELLED', `${v} ${req.endpoint} was cancelled.`);
    if (isTimeout(e)) return new AppError('VENDOR_UNAVAILABLE', `${v} did not answer ${req.endpoint} within ${seconds(this.o.timeoutMs)}.`);
    if (isNetworkError(e)) return new AppError('VENDOR_UNAVAILABLE', `Cannot reach ${v} (${req.endpoint}): ${(e as Error).message}.`);
    return new AppError('INTERNAL', `${v} ${req.endpoint} failed: ${(e as Error)?.message ?? String(e)}`);
  }
}

function seconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}

function isTimeout(e: unknown): boolean {
  const name = (e as Error)?.name;
  return name === 'TimeoutError' || (e as { code?: string })?.code === 'UND_ERR_HEADERS_TIMEOUT';
}

export function isNetworkError(e: unknown): boolean {
  if (e instanceof AppError || e instanceof TransientStatus || e instanceof BrokenCircuitError) return false;
  const code = (e as { code?: string })?.code ?? '';
  return isTimeout(e) || code.startsWith('UND_ERR') || ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN'].includes(code);
}
