import type { Command } from 'commander';
import { ORDER_STATUSES, type OrderStatus } from '../../../src-shared/domain/order-status';
import { formatMoney } from '../../../src-shared/domain/money';
import { AppError } from '../../../src-shared/domain/result';
import type { OrderDetail, OrderSummary } from '../../../src-shared/ipc/orders';
import { OrderActions } from '../../services/orders/order-actions';
import { OrdersQuery } from '../../services/orders/orders-query';
import { createOutbox } from '../../services/orders/outbox-runner';
import { OrderTracker } from '../../services/orders/tracking-service';
import type { CliRun } from '../run';

function orderId(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new AppError('BAD_REQUEST', `not an order id: ${v}`);
  return n;
}

function status(v: string): OrderStatus {
  if (!(ORDER_STATUSES as readonly string[]).includes(v)) throw new AppError('BAD_REQUEST', `--status must be one of ${ORDER_STATUSES.join(', ')}, got "${v}"`);
  return v as OrderStatus;
}

function row(o: OrderSummary): string {
  const eta = o.eta ? ` ETA ${o.eta.slice(0, 10)}${o.delayed ? ' (delayed)' : ''}` : '';
  const diffs = o.invoiceDifferences ? ` ${o.invoiceDifferences} invoice difference(s)` : '';
  return `#${String(o.id).padEnd(4)} ${o.status.padEnd(12)} ${o.supplier.toUpperCase()} ${(o.supplierOrderId ?? '-').padEnd(10)} proposal ${o.proposalNumber} ${o.proposalName}  ${formatMoney(o.totalCents, o.currency)}${eta}${diffs}`;
}

function detailText(d: OrderDetail): string {
  const o = d.order;
  const money = (c: number) => formatMoney(c, o.currency);
  const out = [row(o), `  transactionID ${o.transactionId}, branch ${o.branchCode}, job account ${o.jobAccountNumber ?? '-'}, PO ${d.header.poNumber}`];
  out.push('  Lines (as ordered ← as proposed):');
  for (const l of d.lines) {
    const proposed = l.proposed.map((p) => `${p.quantity} ${p.uom ?? ''} ${p.areaName}`.trim()).join(', ');
    out.push(`    ${`${l.quantity} ${l.uom}`.padEnd(9)} ${l.productId} ${l.productName} ${l.option !== 'N/A' ? l.option : ''} @ ${money(l.unitPriceCents)} = ${money(l.extendedCents)}  ← ${proposed}`);
  }
  out.push('  Timeline:');
  for (const e of d.timeline) out.push(`    ${e.at}  ${e.toStatus ?? e.kind}${e.linkOrderId ? ` (${e.linkKind} #${e.linkOrderId})` : ''}: ${e.reason}`);
  for (const dl of d.deliveries) {
    out.push(`  Delivery ${dl.deliveryId}: ${dl.status}, ETA ${dl.eta ?? '-'}${dl.proofOfDelivery ? `, signed by ${dl.proofOfDelivery.signedBy ?? '-'} (${dl.proofOfDelivery.photos.length} photo(s))` : ''}`);
  }
  for (const i of d.invoices) {
    out.push(`  Invoice ${i.invoiceNumber}: ${money(i.totalCents)}${i.differences.length ? '' : ', matches the order'}`);
    for (const x of i.differences) out.push(`    ! ${x.message}`);
  }
  return out.join('\n');
}

/** `junction orders ...`: local orders and their tracking at the supplier. */
export function register(program: Command, run: CliRun): void {
  const orders = program.command('orders').description('orders placed from proposals: list, show, poll the supplier, cancel');

  orders
    .command('list')
    .description('list local orders with status, ETA and total')
    .option('--status <status>', `only orders in this status (${ORDER_STATUSES.join(', ')})`)
    .option('--proposal <id>', 'only orders of this proposal')
    .option('--text <text>', 'proposal number or name, PO number or SRS order id contains this')
    .action((opts: { status?: string; proposal?: string; text?: string }, command: Command) =>
      run(command, async (ctx, out) => {
        const filter = {
          status: opts.status === undefined ? undefined : status(opts.status),
          proposalId: opts.proposal === undefined ? undefined : orderId(opts.proposal),
          text: opts.text,
          limit: 1000,
        };
        const list = new OrdersQuery(ctx.db).list(filter);
        out.human(list.items.length ? list.items.map(row).join('\n') : 'No orders.');
        return list;
      }),
    );

  orders
    .command('show')
    .description('one order: lines as ordered vs as proposed, timeline, deliveries, invoices')
    .argument('<id>', 'order id')
    .action((id: string, _o: unknown, command: Command) =>
      run(command, async (ctx, out) => {
        const d = new OrdersQuery(ctx.db).detail(orderId(id));
        out.human(detailText(d));
        return d;
      }),
    );

  orders
    .command('sync')
    .description('send unfinished submissions (reconciled by transactionID first), then poll SRS once for open orders')
    .argument('[id]', 'only this order')
    .action((rawId: string | undefined, _o: unknown, command: Command) =>
      run(command, async (ctx, out) => {
        const id = rawId === undefined ? undefined : orderId(rawId);
        const query = new OrdersQuery(ctx.db);
        if (id !== undefined) query.summary(id);
        const sent = await createOutbox(ctx).worker.resume();
        const tracker = new OrderTracker(ctx);
        const polled = id === undefined ? await tracker.syncAll() : [await tracker.syncSafely(id)];
        const ids = [...new Set([...sent.map((s) => s.orderId), ...polled.map((p) => p.orderId)])];
        const result = {
          sent: sent.map((s) => ({ orderId: s.orderId, result: s.result, status: s.status, detail: s.detail })),
          checked: polled.length,
          changed: polled.filter((p) => p.changed).length,
          errors: polled.filter((p) => p.error).map((p) => ({ orderId: p.orderId, error: p.error })),
          orders: ids.map((x) => query.summary(x)),
        };
        out.human(
          [
            ...result.sent.map((s) => `Order #${s.orderId}: ${s.detail}`),
            `Checked ${result.checked} open order(s) at SRS; ${result.changed} changed.`,
            ...result.errors.map((e) => `Order #${e.orderId}: ${e.error}`),
            ...result.orders.map(row),
          ].join('\n'),
        );
        if (result.errors.length) process.exitCode = 1;
        return result;
      }),
    );

  orders
    .command('cancel')
    .description('cancel an order while SRS still allows it (before it ships)')
    .argument('<id>', 'order id')
    .option('--reason <text>', 'why (sent to SRS)')
    .action((id: string, opts: { reason?: string }, command: Command) =>
      run(command, async (ctx, out) => {
        const d = await new OrderActions(ctx).cancel(orderId(id), opts.reason ?? '');
        out.human(detailText(d));
        return d;
      }),
    );
}
