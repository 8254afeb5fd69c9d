import type { Command } from 'commander';
import { formatMoney } from '../../../src-shared/domain/money';
import { AppError } from '../../../src-shared/domain/result';
import type { DraftView, OrderSummary } from '../../../src-shared/ipc/orders';
import type { AppContext } from '../../services/context';
import { DraftService } from '../../services/orders/draft-service';
import { createOutbox, sendUntilSettled } from '../../services/orders/outbox-runner';
import { SubmissionService } from '../../services/orders/submission-service';
import type { CliOut, CliRun } from '../run';

/** How long `convert --submit` keeps retrying a submission SRS did not answer before it gives up (the order stays queued). */
const SEND_TIMEOUT_MS = 120_000;

function positiveInt(what: string) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new AppError('BAD_REQUEST', `${what} must be a positive whole number, got "${v}"`);
    return n;
  };
}

const collect = (v: string, previous: string[] = []) => [...previous, v];

interface ConvertOptions {
  branch?: string;
  jobAccount?: number;
  submit?: boolean;
  again?: boolean;
  fresh?: boolean;
  changeOrders?: boolean;
  option?: string[];
  remove?: string[];
  map?: string[];
}

/** A line by its key, or the line that covers a proposal item id. */
function findLine(draft: DraftView, ref: string): string {
  const hit = draft.lines.find((l) => l.key === ref || l.sourceItemIds.includes(ref)) ?? draft.removed.find((r) => r.key === ref || r.sourceItemIds.includes(ref));
  if (!hit) throw new AppError('BAD_REQUEST', `no line "${ref}" in the draft of proposal ${draft.proposalNumber} (give a line key or a proposal item id)`);
  return hit.key;
}

/** Applies the command line's fixes (the review screen's one-click fixes, for headless use). */
async function applyFixes(drafts: DraftService, id: number, draft: DraftView, o: ConvertOptions): Promise<DraftView> {
  let view = draft;
  for (const spec of o.map ?? []) {
    const m = /^(.+)=(\d+)(?::(.+))?$/.exec(spec);
    if (!m) throw new AppError('BAD_REQUEST', `--map takes LINE=PRODUCT_ID[:OPTION], got "${spec}"`);
    view = await drafts.confirmMapping(id, findLine(view, m[1]!), Number(m[2]), m[3] ?? 'N/A');
  }
  const lines: { key: string; set: { product?: { productId: number; option: string }; removed?: boolean } }[] = [];
  for (const spec of o.option ?? []) {
    const m = /^(\d+)=(.+)$/.exec(spec);
    if (!m) throw new AppError('BAD_REQUEST', `--option takes PRODUCT_ID=OPTION, got "${spec}"`);
    const hits = view.lines.filter((l) => l.productId === Number(m[1]));
    if (hits.length === 0) throw new AppError('BAD_REQUEST', `--option ${spec}: no line orders SRS product ${m[1]}`);
    for (const l of hits) lines.push({ key: l.key, set: { product: { productId: Number(m[1]), option: m[2]! } } });
  }
  for (const ref of o.remove ?? []) lines.push({ key: findLine(view, ref), set: { removed: true } });
  return lines.length ? drafts.update(id, { lines }) : view;
}

function draftText(d: DraftView): string {
  const money = (c: number | null) => (c === null ? '—' : formatMoney(c, d.currency));
  const out = [`Proposal ${d.proposalNumber} ${d.proposalName} → SRS branch ${d.branchCode}, job account ${d.jobAccountNumber ?? '-'}`];
  for (const l of d.lines) {
    const name = l.productName ?? l.sources[0]?.description ?? '';
    const what = l.productId === null ? `(unmapped) ${name}` : `${l.productId} ${name}${l.option && l.option !== 'N/A' ? ` — ${l.option}` : ''}`;
    const qty = l.quantity === null ? '?' : `${l.quantity} ${l.uom}`;
    out.push(`  ${qty.padEnd(9)} ${what.slice(0, 60).padEnd(60)} ${money(l.unitPriceCents).padStart(11)} ${money(l.extendedCents).padStart(12)}  [${l.source}]`);
    if (l.overOrderText) out.push(`            ${l.proposalQuantity ?? ''} ${l.proposalUom ?? ''} on the proposal; ${l.overOrderText}`);
    for (const p of l.problems) out.push(`            ${p.blocking ? '✗' : '!'} ${p.message}`);
  }
  for (const r of d.removed) out.push(`  (left off) ${r.description} — ${r.reason === 'kit-parent' ? 'kit parent; its parts are ordered' : 'removed'}`);
  out.push(`Total ${money(d.totalCents)} for ${d.totals.pricedLineCount} priced line(s)${d.totals.unpricedLineCount ? `, ${d.totals.unpricedLineCount} unpriced` : ''}.`);
  if (d.existingOrder) out.push(`Already ordered: order #${d.existingOrder.id} (${d.existingOrder.status}).`);
  out.push(d.canSubmit ? 'Ready to submit.' : `Cannot submit yet (${d.blockingReasons.length} problem(s)).`);
  return out.join('\n');
}

function orderText(o: OrderSummary): string {
  return `Order #${o.id} ${o.status}${o.supplierOrderId ? `: SRS order ${o.supplierOrderId}` : ''} (transactionID ${o.transactionId}). ${o.statusReason ?? ''}`.trim();
}

async function convert(ctx: AppContext, out: CliOut, proposalId: number, o: ConvertOptions) {
  const drafts = new DraftService(ctx);
  let draft = await drafts.open(proposalId, {
    branchCode: o.branch,
    jobAccountNumber: o.jobAccount,
    fresh: o.fresh,
    ...(o.changeOrders === false ? { includeChangeOrders: false } : {}),
  });
  draft = await applyFixes(drafts, proposalId, draft, o);
  if (!o.submit) {
    out.human(draftText(draft));
    return { draft };
  }
  // One-shot command: this process works the outbox itself (resuming anything a crashed run left) until the order settles.
  const outbox = createOutbox(ctx);
  const submission = new SubmissionService(ctx, (orderId) => sendUntilSettled(outbox, orderId, { timeoutMs: SEND_TIMEOUT_MS, resume: true }));
  const result = await submission.submit(proposalId, { again: Boolean(o.again) });
  if (result.outcome === 'already-ordered') throw new AppError('CONFLICT', `${result.message.replace('Submit again with "order again"', 'Use --again')}`);
  if (result.outcome === 'changed') {
    throw new AppError('CONFLICT', `Nothing was ordered: prices or stock changed since the draft was priced (${result.changes.map((c) => c.message).join(' ')}) Run convert again to review.`);
  }
  const { order } = result;
  if (order.status === 'failed') {
    out.progress(`junction: ${order.statusReason ?? 'the order failed'}\n`);
    process.exitCode = 1;
  }
  out.human(`${draftText(draft)}\n${orderText(order)}`);
  return { draft, order };
}

/** `junction convert PROPOSAL_ID`: the priced SRS order draft of a proposal; `--submit` places it. */
export function register(program: Command, run: CliRun): void {
  program
    .command('convert')
    .description('build the priced SRS order draft of a Portal proposal; --submit places the order')
    .argument('<proposalId>', 'Portal proposal id')
    .option('--branch <code>', 'SRS branch to order from (remembered as the default)')
    .option('--job-account <number>', 'SRS job account number (remembered as the default)')
    .option('--submit', 're-check prices and stock, then submit the order to SRS')
    .option('--again', 'order a proposal that already has an open order')
    .option('--fresh', 'drop earlier edits of this draft')
    .option('--no-change-orders', "leave the proposal's accepted change orders off the order")
    .option('--option <productId=option>', 'choose the option (colour) of a product, e.g. 70528="Weathered Wood" (repeatable)', collect)
    .option('--remove <line>', 'leave a line off the order, by line key or proposal item id (repeatable)', collect)
    .option('--map <line=productId[:option]>', 'map a line to an SRS product and remember it for next time (repeatable)', collect)
    .action((rawId: string, opts: Omit<ConvertOptions, 'jobAccount'> & { jobAccount?: string }, command: Command) =>
      run(command, async (ctx, out) => {
        // Arguments are checked inside run so that bad input exits with code 2 like every command.
        const proposalId = positiveInt('PROPOSAL_ID')(rawId);
        if (opts.branch && !/^[A-Za-z0-9]{2,10}$/.test(opts.branch)) throw new AppError('BAD_REQUEST', `not an SRS branch code: ${opts.branch}`);
        const { jobAccount, ...rest } = opts;
        return convert(ctx, out, proposalId, {
          ...rest,
          ...(opts.branch ? { branch: opts.branch.toUpperCase() } : {}),
          ...(jobAccount !== undefined ? { jobAccount: positiveInt('--job-account')(jobAccount) } : {}),
        });
      }),
    );
}
