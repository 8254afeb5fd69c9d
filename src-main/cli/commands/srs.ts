import type { Command } from 'commander';
import { formatMoney } from '../../../src-shared/domain/money';
import { AppError } from '../../../src-shared/domain/result';
import type { SrsPricedLineView } from '../../../src-shared/ipc/srs';
import { SrsAccountService } from '../../services/srs/account-service';
import { SrsPricingService } from '../../services/srs/pricing-service';
import { SRS_PRODUCTS_JOB, SrsProductsService } from '../../services/srs/products-service';
import { srsClient } from '../../services/srs/srs-client';
import { SrsProductsRepo } from '../../store/srs/products-repo';
import type { CliRun } from '../run';

function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new AppError('BAD_REQUEST', `not a positive whole number: ${v}`);
  return n;
}

function branchCode(v: string): string {
  if (!/^[A-Za-z0-9]{2,10}$/.test(v)) throw new AppError('BAD_REQUEST', `not an SRS branch code: ${v}`);
  return v.toUpperCase();
}

function collectBranch(v: string, previous: string[] = []): string[] {
  return [...previous, branchCode(v)];
}

/** "75664", "75664:SQ" or "75664:SQ:12" → product, unit (base unit when omitted) and quantity. */
function parseLine(spec: string): { productId: number; uom?: string; quantity: number } {
  const m = /^(\d+)(?::([A-Za-z]{2,3}))?(?::(\d+(?:\.\d+)?))?$/.exec(spec);
  if (!m) throw new AppError('BAD_REQUEST', `not PRODUCT_ID[:UOM[:QUANTITY]]: ${spec}`);
  const quantity = m[3] ? Number(m[3]) : 1;
  if (!(quantity > 0)) throw new AppError('BAD_REQUEST', `quantity must be positive: ${spec}`);
  return { productId: Number(m[1]), ...(m[2] ? { uom: m[2].toUpperCase() } : {}), quantity };
}

export function priceText(l: SrsPricedLineView): string {
  if (l.callForPrice) return 'Call branch for price';
  return `${formatMoney(l.unitPriceCents!)}/${l.uom}`;
}

function ageText(fetchedAt: string): string {
  const minutes = Math.max(0, Math.round((Date.now() - Date.parse(fetchedAt)) / 60_000));
  return minutes < 1 ? 'just now' : minutes < 60 ? `${minutes} min ago` : `${Math.floor(minutes / 60)} h ${minutes % 60} min ago`;
}

/** `junction srs ...`: SRS Distribution account, branches, products and prices. */
export function register(program: Command, run: CliRun): void {
  const srs = program.command('srs').description('SRS Distribution: customer validation, branches, job accounts, branch products and prices');

  srs
    .command('status')
    .description('show whether SRS is configured, the customer validation and whether ordering is blocked')
    .action((_o: unknown, command: Command) =>
      run(command, async (ctx, out) => {
        const s = new SrsAccountService(ctx).status();
        out.human(
          [
            `SRS: ${s.mode}${s.configured ? '' : ' (not configured)'}, customer ${s.customerCode ?? '-'}`,
            s.orderingBlocked ? `Ordering blocked: ${s.blockedReason}` : `Ordering allowed (validated ${s.validation?.validatedAt})`,
            `Defaults: branch ${s.defaults.branchCode ?? '-'}, job account ${s.defaults.jobAccountNumber ?? '-'}`,
            `Products: ${s.products.total} (${s.products.branches.map((b) => `${b.branchCode} ${b.count}`).join(', ') || 'not synced'})`,
          ].join('\n'),
        );
        return s;
      }),
    );

  srs
    .command('validate')
    .description('validate the customer with SRS (integration key from the vault/environment, or an invoice)')
    .option('--invoice <number>', 'validate with this invoice number instead of the integration key')
    .option('--invoice-date <YYYY-MM-DD>', 'the invoice date (with --invoice)')
    .option('--billed-amount <dollars>', 'the invoice billed amount (with --invoice)', (v) => {
      const n = Number(v);
      if (!(n > 0)) throw new AppError('BAD_REQUEST', `not an amount: ${v}`);
      return n;
    })
    .action((opts: { invoice?: string; invoiceDate?: string; billedAmount?: number }, command: Command) =>
      run(command, async (ctx, out) => {
        if (opts.invoiceDate && !/^\d{4}-\d{2}-\d{2}$/.test(opts.invoiceDate)) throw new AppError('BAD_REQUEST', `--invoice-date must be YYYY-MM-DD: ${opts.invoiceDate}`);
        const v = await new SrsAccountService(ctx).validate({ invoiceNumber: opts.invoice, invoiceDate: opts.invoiceDate, billedAmount: opts.billedAmount });
        out.human(v.valid
          ? `SRS customer ${v.customerCode} (${v.customerName ?? 'name not given'}) is valid for ordering; home branch ${v.homeBranchCode ?? '-'}.`
          : `SRS customer ${v.customerCode} is NOT valid for ordering: ${v.message}`);
        if (!v.valid) process.exitCode = 1;
        return v;
      }),
    );

  srs
    .command('branches')
    .description('list SRS branches with address, phone and shipping methods')
    .option('--refresh', 'ask SRS again instead of using the saved list')
    .action((opts: { refresh?: boolean }, command: Command) =>
      run(command, async (ctx, out) => {
        const branches = await new SrsAccountService(ctx).branches(Boolean(opts.refresh));
        out.human(branches.map((b) => {
          const a = b.address;
          const where = a ? [a.addressLine1, a.city, a.state, a.zipCode].filter(Boolean).join(', ') : '';
          return `${b.branchCode.padEnd(6)} ${b.branchName.padEnd(18)} ${where.padEnd(44)} ${b.phone ?? ''}  ${b.shippingMethods.join(' / ')}`;
        }).join('\n'));
        return branches;
      }),
    );

  srs
    .command('job-accounts')
    .description('list the customer’s job accounts (ship-to locations) per branch')
    .option('--refresh', 'ask SRS again instead of using the saved list')
    .action((opts: { refresh?: boolean }, command: Command) =>
      run(command, async (ctx, out) => {
        const accounts = await new SrsAccountService(ctx).jobAccounts(Boolean(opts.refresh));
        out.human(accounts.map((a) => `${a.branchCode.padEnd(6)} ${String(a.jobAccountNumber).padStart(6)}  ${a.jobAccountName ?? ''}${a.shipTo?.city ? ` (${a.shipTo.city}, ${a.shipTo.state ?? ''})` : ''}`).join('\n'));
        return accounts;
      }),
    );

  srs
    .command('defaults')
    .description('set the default branch and job account used for pricing and orders')
    .requiredOption('--branch <code>', 'branch code, e.g. BRRIV', branchCode)
    .requiredOption('--job-account <n>', 'numeric job account number at that branch', positiveInt)
    .action((opts: { branch: string; jobAccount: number }, command: Command) =>
      run(command, async (ctx, out) => {
        const d = await new SrsAccountService(ctx).setDefaults({ branchCode: opts.branch, jobAccountNumber: opts.jobAccount });
        out.human(`Default SRS branch ${d.branchCode}, job account ${d.jobAccountNumber}.`);
        return d;
      }),
    );

  const products = srs.command('products').description('SRS branch products in the local database');
  products
    .command('sync')
    .description('sync the active products of every SRS branch (or the given ones) into the local database')
    .option('--branch <code>', 'only this branch (repeatable)', collectBranch)
    .action((opts: { branch?: string[] }, command: Command) =>
      run(command, async (ctx, out) => {
        const job = new SrsProductsService(ctx).startSync(opts.branch);
        const stop = ctx.events.onAny((name, payload) => {
          const p = payload as { jobId: string; kind: string; done: number; total: number | null; phase: string };
          if (name === 'job:progress' && p.jobId === job.jobId && p.kind === SRS_PRODUCTS_JOB) out.progress(`srs products sync: ${p.done}/${p.total ?? '?'} ${p.phase}\n`);
        });
        const cancel = () => ctx.jobs.cancel(job.jobId);
        process.once('SIGINT', cancel);
        try {
          const result = await job.done;
          out.human(result.branches.map((b) => `${b.branchCode}: ${b.count} products (${b.added} new, ${b.removed} removed)`).join('\n'));
          return result;
        } finally {
          stop();
          process.off('SIGINT', cancel);
        }
      }),
    );
  products
    .command('search')
    .argument('<text...>', 'words to find in name, description, manufacturer, colour or category (prefixes match)')
    .description('search synced SRS products offline, marking whether each is available at the branch')
    .option('--branch <code>', 'the branch to check availability at (default: the default branch)', branchCode)
    .option('--only-at-branch', 'only products that branch stocks')
    .option('--limit <n>', 'most results to show', positiveInt, 20)
    .action((text: string[], opts: { branch?: string; onlyAtBranch?: boolean; limit: number }, command: Command) =>
      run(command, async (ctx, out) => {
        const r = new SrsProductsService(ctx).search({ text: text.join(' '), branchCode: opts.branch, onlyAtBranch: opts.onlyAtBranch, limit: Math.min(opts.limit, 200) });
        out.human([
          ...r.items.map((i) => {
            const mark = i.availableAtBranch === null ? '' : i.availableAtBranch ? `available at ${r.branchCode}` : `not at ${r.branchCode} (${i.branches.join(', ')})`;
            const price = i.cachedPrice ? `${priceText(i.cachedPrice)} (${ageText(i.cachedPrice.fetchedAt)})` : '';
            return `${String(i.productId).padEnd(7)} ${i.productName.slice(0, 50).padEnd(50)} ${i.baseUom.padEnd(3)} ${mark.padEnd(34)} ${price}`;
          }),
          `${r.items.length} match(es)`,
        ].join('\n'));
        return r;
      }),
    );

  srs
    .command('price')
    .argument('<lines...>', 'PRODUCT_ID[:UOM[:QUANTITY]] (unit defaults to the product’s base unit, quantity to 1)')
    .description('customer prices and stock at a branch (cached for 4 hours)')
    .option('--branch <code>', 'branch code (default: the default branch)', branchCode)
    .option('--job-account <n>', 'job account number (default: the default, or the branch’s only one)', positiveInt)
    .option('--refresh', 'ask SRS even when a cached price is still fresh')
    .action((specs: string[], opts: { branch?: string; jobAccount?: number; refresh?: boolean }, command: Command) =>
      run(command, async (ctx, out) => {
        const repo = new SrsProductsRepo(ctx.db);
        const lines = specs.map(parseLine).map((l) => {
          if (l.uom) return { ...l, uom: l.uom };
          const p = repo.get(l.productId);
          if (!p) throw new AppError('BAD_REQUEST', `product ${l.productId} is not in the local database: give its unit (${l.productId}:BD) or run \`junction srs products sync\` first`);
          return { ...l, uom: p.baseUom };
        });
        const r = await new SrsPricingService(ctx).price({ branchCode: opts.branch, jobAccountNumber: opts.jobAccount, lines, refresh: opts.refresh });
        out.human([
          `Prices at ${r.branchCode}, job account ${r.jobAccountNumber}:`,
          ...r.lines.map((l) => {
            const stock = l.stockStatus.replace(/_/g, ' ') + (l.availableQuantity !== null ? ` (${l.availableQuantity} ${l.uom} available)` : '');
            const subs = l.substitutions.length ? `  substitutes: ${l.substitutions.map((s) => `${s.productId} ${s.productName ?? ''}`.trim()).join('; ')}` : '';
            const total = l.extendedCents === null ? '' : ` = ${formatMoney(l.extendedCents)}`;
            return `${String(l.productId).padEnd(7)} ${l.quantity} ${l.uom}  ${priceText(l)}${total}  ${stock}  [${l.fromCache ? `cached ${ageText(l.fetchedAt)}` : 'fresh'}]${l.blocking ? `  BLOCKED: ${l.blockingReason}` : ''}${subs}`;
          }),
        ].join('\n'));
        return r;
      }),
    );

  srs
    .command('order')
    .argument('[transactionID]', 'the transactionID the order was submitted with')
    .description('SRS status of one order, with deliveries (ETA, proof of delivery) and invoices')
    .option('--order-id <id>', 'look the order up by the SRS order ID instead')
    .action((transactionID: string | undefined, opts: { orderId?: string }, command: Command) =>
      run(command, async (ctx, out) => {
        if (!transactionID && !opts.orderId) throw new AppError('BAD_REQUEST', 'give a transactionID or --order-id');
        const ref = opts.orderId ? { orderID: opts.orderId } : { transactionID: transactionID! };
        const client = srsClient(ctx);
        const status = await client.orderStatus(ref);
        // Deliveries and invoices exist only once SRS has the order ID.
        const byId = status.orderID ? { orderID: status.orderID } : null;
        const deliveries = byId ? await client.deliveries(byId) : [];
        const invoices = byId ? await client.invoices(byId) : [];
        out.human([
          `Order ${status.orderID ?? `(queued as ${status.queueID ?? '?'})`} / transaction ${status.transactionID}: ${status.srsStatus}`,
          ...deliveries.map((d) => `Delivery ${d.deliveryID}: ${d.status}${d.eta ? `, ETA ${d.eta}` : ''}${d.proofOfDelivery ? `, signed by ${d.proofOfDelivery.signedBy ?? '?'} (${d.proofOfDelivery.photos.length} photo(s))` : ''}`),
          ...invoices.map((i) => `Invoice ${i.invoiceNumber}: ${formatMoney(i.totalCents)}${i.invoiceDate ? ` (${i.invoiceDate.slice(0, 10)})` : ''}`),
        ].join('\n'));
        return { status, deliveries, invoices };
      }),
    );
}
