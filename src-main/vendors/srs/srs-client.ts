import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { z } from 'zod';
import { toCents } from '../../../src-shared/domain/money';
import { AppError } from '../../../src-shared/domain/result';
import type { Logger } from '../../log/logger';
import { registerSecret } from '../../log/redact';
import { parseJsonBody, parseVendor } from '../http/parse';
import { VendorHttp, VendorHttpStatusError, retryAfterMs, type VendorHttpOptions, type VendorResponse } from '../http/vendor-http';
import { srsStatusError } from './errors';
import {
  BranchesAnswerSchema,
  CancelAnswerSchema,
  CustomerBranchesAnswerSchema,
  DeliveriesAnswerSchema,
  InvoicesAnswerSchema,
  OrderDetailsAnswerSchema,
  OrderStatusAnswerSchema,
  PriceAnswerSchema,
  ProductsAnswerSchema,
  ProofOfDeliveryAnswerSchema,
  SubmitAnswerSchema,
  TokenAnswerSchema,
  ValidateAnswerSchema,
} from './schemas';
import { TokenManager } from './token-manager';
import { toBranch, toJobAccounts, toOrderStatus, toPricedLine, toProduct, toValidation } from './mapping';
import type {
  CustomerProof,
  CustomerValidation,
  OrderRef,
  PriceRequestLine,
  PricedLine,
  SrsBranch,
  SrsCredentials,
  SrsJobAccount,
  SrsOrder,
  SrsOrderStatus,
  SrsProduct,
  SubmitResult,
} from './types';

export interface SrsClientOptions {
  baseUrl: string;
  credentials: SrsCredentials;
  /** Our sourceSystem as assigned by SRS (settings `srsSourceSystem`). */
  sourceSystem: string;
  log: Logger;
  /** Transport knobs (timeouts, retries, breaker); tests shorten them. */
  http?: Partial<Omit<VendorHttpOptions, 'vendor' | 'baseUrl' | 'log'>>;
  /** Submission attempts in one call (each after a lookup by transactionID). */
  submitAttempts?: number;
  now?: () => number;
}

interface CallSpec<S extends z.ZodType> {
  method: 'GET' | 'POST';
  path: string;
  endpoint: string;
  schema: S;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  idempotent: boolean;
  signal?: AbortSignal;
}

export interface SubmitOptions {
  /** A previous attempt may have reached SRS: look the order up before sending at all. */
  checkFirst?: boolean;
  signal?: AbortSignal;
}

/** Errors after which a submission may or may not have reached SRS. */
const UNCERTAIN = new Set(['VENDOR_UNAVAILABLE', 'VENDOR_ERROR', 'RATE_LIMITED']);

/** SRS Distribution (SIPS / Roof Hub) API: token management, steps 3–8 and order tracking. */
export class SrsClient {
  readonly http: VendorHttp;
  private readonly tokens: TokenManager;
  private readonly o: SrsClientOptions;

  constructor(options: SrsClientOptions) {
    this.o = options;
    registerSecret(options.credentials.clientSecret);
    registerSecret(options.credentials.integrationKey);
    this.http = new VendorHttp({ vendor: 'SRS', baseUrl: options.baseUrl, log: options.log, ...options.http });
    this.tokens = new TokenManager(() => this.requestToken(), options.now);
  }

  get customerCode(): string {
    return this.o.credentials.customerCode;
  }

  // ---- step 2: authentication ----

  private async requestToken(): Promise<{ accessToken: string; expiresInSeconds: number }> {
    const endpoint = 'POST /authentication/token';
    const { clientId, clientSecret } = this.o.credentials;
    const body = new URLSearchParams({ client_id: clientId, client_secret: clientSecret, grant_type: 'client_credentials', scope: 'ALL' });
    // A token request changes nothing on SRS's side, so it is safe to retry.
    const res = await this.http.send({
      method: 'POST',
      path: '/authentication/token',
      endpoint,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: body.toString(),
      idempotent: true,
    });
    if (res.status === 400 || res.status === 401) {
      throw new AppError('UNAUTHORIZED', `SRS refused the client id or secret (${endpoint}). Check the SRS credentials in Settings.`);
    }
    if (res.status < 200 || res.status >= 300) throw srsStatusError(endpoint, res);
    const answer = parseVendor(TokenAnswerSchema, parseJsonBody(res.text, 'SRS', endpoint), 'SRS', endpoint);
    registerSecret(answer.access_token);
    return { accessToken: answer.access_token, expiresInSeconds: answer.expires_in };
  }

  /** Sends with the bearer token; on a 401 refreshes once (shared with concurrent callers) and retries once. */
  private async authed(spec: Omit<CallSpec<z.ZodType>, 'schema'>): Promise<VendorResponse> {
    const send = (token: string) =>
      this.http.send({
        method: spec.method,
        path: spec.path,
        endpoint: spec.endpoint,
        idempotent: spec.idempotent,
        ...(spec.query ? { query: spec.query } : {}),
        ...(spec.signal ? { signal: spec.signal } : {}),
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/json',
          ...(spec.body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(spec.body !== undefined ? { body: JSON.stringify(spec.body) } : {}),
      });
    const token = await this.tokens.get();
    const res = await send(token);
    if (res.status !== 401) return res;
    this.o.log.info('SRS token rejected; refreshing once', { endpoint: spec.endpoint });
    const fresh = await this.tokens.refresh(token);
    return send(fresh);
  }

  private async call<S extends z.ZodType>(spec: CallSpec<S>): Promise<z.output<S>> {
    const res = await this.authed(spec);
    if (res.status < 200 || res.status >= 300) throw srsStatusError(spec.endpoint, res);
    return parseVendor(spec.schema, parseJsonBody(res.text, 'SRS', spec.endpoint), 'SRS', spec.endpoint);
  }

  // ---- step 3: customer validation ----

  async validateCustomer(proof: CustomerProof, signal?: AbortSignal): Promise<CustomerValidation> {
    const query: Record<string, string | undefined> = { accountNumber: this.customerCode };
    if ('integrationKey' in proof) query.IntegrationKey = proof.integrationKey;
    else {
      query.InvoiceNumber = proof.invoiceNumber;
      query.InvoiceDate = proof.invoiceDate;
      query.BilledAmount = proof.billedAmount === undefined ? undefined : proof.billedAmount.toFixed(2);
      if (!proof.invoiceDate && proof.billedAmount === undefined) {
        throw new AppError('VALIDATION', 'SRS customer validation with an invoice needs the invoice date or the billed amount.');
      }
    }
    const answer = await this.call({ method: 'GET', path: '/customers/validate/', endpoint: 'GET /customers/validate', schema: ValidateAnswerSchema, query, idempotent: true, ...(signal ? { signal } : {}) });
    return toValidation(this.customerCode, answer);
  }

  // ---- steps 4 and 5: branches and job accounts ----

  async branches(filter: { branchCode?: string; latitude?: number; longitude?: number } = {}): Promise<SrsBranch[]> {
    const answer = await this.call({
      method: 'GET', path: '/branches/v2/branchLocations', endpoint: 'GET /branches/v2/branchLocations', schema: BranchesAnswerSchema, idempotent: true,
      query: { BranchCode: filter.branchCode, latitude: filter.latitude, longitude: filter.longitude },
    });
    return answer.branches.map(toBranch);
  }

  async jobAccounts(branchCode?: string): Promise<SrsJobAccount[]> {
    const answer = await this.call({
      method: 'GET', path: `/branches/v2/customerBranchLocations/${encodeURIComponent(this.customerCode)}`,
      endpoint: 'GET /branches/v2/customerBranchLocations', schema: CustomerBranchesAnswerSchema, idempotent: true,
      query: { BranchCode: branchCode },
    });
    return answer.customerBranchLocations.flatMap(toJobAccounts);
  }

  // ---- step 6: branch products ----

  async branchProducts(branchCode: string, signal?: AbortSignal): Promise<SrsProduct[]> {
    const answer = await this.call({
      method: 'GET', path: `/branches/v2/activeBranchProducts/${encodeURIComponent(branchCode)}`,
      endpoint: 'GET /branches/v2/activeBranchProducts', schema: ProductsAnswerSchema, idempotent: true, ...(signal ? { signal } : {}),
    });
    return answer.products.map(toProduct);
  }

  // ---- step 7: pricing ----

  /** Prices lines at one branch: one request per up to `batchSize` lines, answers in request order. */
  async price(args: { branchCode: string; jobAccountNumber: number; lines: PriceRequestLine[]; batchSize: number; signal?: AbortSignal }): Promise<PricedLine[]> {
    const endpoint = 'POST /products/v2/price';
    const size = Math.max(1, Math.floor(args.batchSize));
    const out: PricedLine[] = [];
    for (let i = 0; i < args.lines.length; i += size) {
      const batch = args.lines.slice(i, i + size);
      const answer = await this.call({
        method: 'POST', path: '/products/v2/price', endpoint, schema: PriceAnswerSchema,
        // Pricing reads only, so retrying it is safe.
        idempotent: true,
        ...(args.signal ? { signal: args.signal } : {}),
        body: {
          sourceSystem: this.o.sourceSystem,
          customerCode: this.customerCode,
          branchCode: args.branchCode,
          transactionId: `PRC-${randomUUID()}`,
          jobAccountNumber: args.jobAccountNumber,
          productList: batch.map((l) => ({
            productId: l.productId,
            productName: l.productName ?? '',
            productOptions: [l.option ?? 'N/A'],
            quantity: l.quantity,
            uom: l.uom,
          })),
        },
      });
      batch.forEach((req, j) => {
        const line = answer.productList[j]?.productId === req.productId
          ? answer.productList[j]
          : answer.productList.find((p) => p.productId === req.productId && p.uom === req.uom);
        if (!line) throw new AppError('VENDOR_BAD_RESPONSE', `SRS ${endpoint}: the answer has no price for product ${req.productId} (${req.uom}).`);
        out.push(toPricedLine(line, endpoint));
      });
    }
    return out;
  }

  // ---- step 8: submission ----

  /**
   * Submits an order once. A 409 (SRS already has the transactionID) is "already submitted"
   * and returns the original order. After a timeout, dropped connection, 429 or 5xx the
   * outcome is unknown, so the order is looked up by transactionID before any resend; with
   * `checkFirst` (a previous attempt may have reached SRS) it is looked up before sending at all.
   */
  async submitOrder(order: SrsOrder, options: SubmitOptions = {}): Promise<SubmitResult> {
    return this.submitBody(this.toSubmitBody(order), options);
  }

  /** The same as submitOrder for a body already in SRS's wire shape (e.g. built by the conversion engine). */
  async submitBody(body: { transactionID: string } & Record<string, unknown>, options: SubmitOptions = {}): Promise<SubmitResult> {
    const endpoint = 'POST /orders/v2/Submit';
    const order = { transactionID: body.transactionID };
    if (!order.transactionID) throw new AppError('VALIDATION', 'An SRS order needs its transactionID before it is submitted.');
    if (options.checkFirst) {
      const found = await this.findOrder(order.transactionID);
      if (found) return { ...found, message: 'Already submitted', alreadySubmitted: true };
    }
    const attempts = this.o.submitAttempts ?? 3;
    for (let attempt = 1; ; attempt++) {
      try {
        const res = await this.authed({ method: 'POST', path: '/orders/v2/Submit', endpoint, idempotent: false, body, ...(options.signal ? { signal: options.signal } : {}) });
        if (res.status === 409) {
          const original = parseVendor(OrderStatusAnswerSchema, parseJsonBody(res.text, 'SRS', endpoint), 'SRS', `${endpoint} (409)`);
          return { transactionID: original.transactionID, orderID: original.orderID ?? null, queueID: original.queueID ?? null, message: original.message as string | null ?? 'Already submitted', alreadySubmitted: true };
        }
        if (res.status < 200 || res.status >= 300) throw srsStatusError(endpoint, res);
        const a = parseVendor(SubmitAnswerSchema, parseJsonBody(res.text, 'SRS', endpoint), 'SRS', endpoint);
        if (a.transactionID !== order.transactionID) {
          throw new AppError('VENDOR_BAD_RESPONSE', `SRS ${endpoint}: answered for transactionID ${a.transactionID}, not ${order.transactionID}.`);
        }
        if (!a.orderID && !a.queueID) throw new AppError('VENDOR_BAD_RESPONSE', `SRS ${endpoint}: the answer has neither orderID nor queueID.`);
        return { transactionID: a.transactionID, orderID: a.orderID ?? null, queueID: a.queueID ?? null, message: a.message ?? null, alreadySubmitted: false };
      } catch (e) {
        if (!(e instanceof AppError) || !UNCERTAIN.has(e.code)) throw e;
        this.o.log.warn('SRS submission outcome unknown; looking it up by transactionID', { transactionID: order.transactionID, attempt, code: e.code });
        await sleep(this.submitDelay(e, attempt), undefined, options.signal ? { signal: options.signal } : undefined);
        let found: Awaited<ReturnType<SrsClient['findOrder']>>;
        try {
          found = await this.findOrder(order.transactionID);
        } catch (lookup) {
          throw new AppError('VENDOR_UNAVAILABLE', `SRS did not confirm order ${order.transactionID} and could not be asked whether it arrived (${(lookup as Error).message}). It was not sent again; retry later and Junction will look it up first.`);
        }
        if (found) return { ...found, message: 'Submitted (confirmed by lookup)', alreadySubmitted: false };
        if (attempt >= attempts) throw new AppError(e.code, `${e.message} The order was not received by SRS (checked by transactionID ${order.transactionID}); try again later.`);
      }
    }
  }

  private submitDelay(e: AppError, attempt: number): number {
    const cap = this.o.http?.retryAfterCapMs ?? 30_000;
    const hinted = e instanceof VendorHttpStatusError ? retryAfterMs(e.response.headers['retry-after']) : undefined;
    if (hinted !== undefined) return Math.min(hinted, cap);
    const base = this.o.http?.baseDelayMs ?? 200;
    return Math.random() * Math.min(this.o.http?.maxDelayMs ?? 5_000, base * 2 ** attempt);
  }

  /** SRS's wire shape of an order (POST /orders/v2/Submit). */
  toSubmitBody(order: SrsOrder): { transactionID: string } & Record<string, unknown> {
    const now = new Date(this.o.now?.() ?? Date.now()).toISOString().replace('Z', '');
    return {
      sourceSystem: this.o.sourceSystem,
      customerCode: this.customerCode,
      accountNumber: this.customerCode,
      jobAccountNumber: order.jobAccountNumber,
      branchCode: order.branchCode,
      transactionID: order.transactionID,
      transactionDate: order.transactionDate ?? now,
      notes: order.notes ?? '',
      shipTo: { addressLine2: '', addressLine3: '', ...order.shipTo },
      poDetails: {
        reference: '', jobNumber: '', expectedDeliveryDate: '', expectedDeliveryTime: 'Anytime',
        ...order.po,
      },
      orderLineItemDetails: order.lines.map((l) => ({
        productId: l.productId,
        productName: l.productName,
        option: l.option,
        quantity: l.quantity,
        price: l.unitPriceCents / 100,
        customerItem: l.customerItem,
        uom: l.uom,
      })),
      customerContactInfo: {
        customerContactName: order.contact.name,
        customerContactPhone: order.contact.phone,
        customerContactEmail: order.contact.email ?? '',
        customerContactAddress: order.contact.address,
        additionalContactEmails: order.contact.additionalEmails ?? [],
      },
    };
  }

  // ---- after submission: tracking ----

  /** The order SRS has under this transactionID, or null when it has none. */
  async findOrder(transactionID: string): Promise<{ transactionID: string; orderID: string | null; queueID: string | null } | null> {
    try {
      const s = await this.orderStatus({ transactionID });
      return { transactionID: s.transactionID, orderID: s.orderID, queueID: s.queueID };
    } catch (e) {
      if (e instanceof AppError && e.code === 'NOT_FOUND') return null;
      throw e;
    }
  }

  async orderStatus(ref: OrderRef): Promise<SrsOrderStatus> {
    const answer = await this.call({ method: 'GET', path: '/orders/v2/status', endpoint: 'GET /orders/v2/status', schema: OrderStatusAnswerSchema, idempotent: true, query: { ...ref } });
    return toOrderStatus(answer);
  }

  async orderDetails(ref: OrderRef) {
    const a = await this.call({ method: 'GET', path: '/orders/v2/details', endpoint: 'GET /orders/v2/details', schema: OrderDetailsAnswerSchema, idempotent: true, query: { ...ref } });
    return {
      ...toOrderStatus(a),
      totalCents: a.orderTotal == null ? null : toCents(a.orderTotal),
      shippingMethod: a.shippingMethod ?? null,
      lines: a.orderLineItemDetails.map((l) => ({ productId: l.productId, productName: l.productName ?? null, option: l.option ?? null, quantity: l.quantity, uom: l.uom, unitPriceCents: toCents(l.price) })),
      history: (a.statusHistory ?? []).map((h) => ({ status: h.status, date: h.date })),
    };
  }

  async deliveries(ref: OrderRef) {
    const a = await this.call({ method: 'GET', path: '/deliveries/v2/list', endpoint: 'GET /deliveries/v2/list', schema: DeliveriesAnswerSchema, idempotent: true, query: { ...ref } });
    return a.deliveries.map((d) => ({
      deliveryID: d.deliveryID,
      orderID: d.orderID ?? null,
      status: d.status,
      eta: d.estimatedDeliveryDate ?? null,
      deliveredAt: d.deliveredDate ?? null,
      proofOfDelivery: d.proofOfDelivery ? { signedBy: d.proofOfDelivery.signedBy ?? null, photos: d.proofOfDelivery.photos ?? [] } : null,
    }));
  }

  async proofOfDelivery(ref: OrderRef) {
    const a = await this.call({ method: 'GET', path: '/deliveries/v2/proofOfDelivery', endpoint: 'GET /deliveries/v2/proofOfDelivery', schema: ProofOfDeliveryAnswerSchema, idempotent: true, query: { ...ref } });
    return { deliveryID: a.deliveryID, signedBy: a.signedBy ?? null, photos: a.photos ?? [], deliveredAt: a.deliveredDate ?? null };
  }

  async invoices(ref: OrderRef) {
    const a = await this.call({ method: 'GET', path: '/invoices/v2/list', endpoint: 'GET /invoices/v2/list', schema: InvoicesAnswerSchema, idempotent: true, query: { ...ref } });
    return a.invoices.map((i) => ({
      invoiceNumber: i.invoiceNumber,
      orderID: i.orderID ?? null,
      invoiceDate: i.invoiceDate ?? null,
      subtotalCents: i.subtotal == null ? null : toCents(i.subtotal),
      taxCents: i.tax == null ? null : toCents(i.tax),
      totalCents: toCents(i.invoiceTotal),
      lines: (i.lines ?? []).map((l) => ({ productId: l.productId, productName: l.productName ?? null, quantity: l.quantity, uom: l.uom, unitPriceCents: toCents(l.price) })),
    }));
  }

  /** Cancels while SRS still allows it (before shipping); a 409 explains why not. */
  async cancelOrder(ref: OrderRef, reason = ''): Promise<{ message: string | null; status: string | null }> {
    const a = await this.call({
      method: 'POST', path: '/orders/v2/cancel', endpoint: 'POST /orders/v2/cancel', schema: CancelAnswerSchema, idempotent: true,
      body: { sourceSystem: this.o.sourceSystem, customerCode: this.customerCode, ...ref, reason },
    });
    return { message: a.message ?? null, status: a.status ?? null };
  }
}
