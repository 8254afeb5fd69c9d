import type { Command } from 'commander';
import { formatMoney } from '../../../src-shared/domain/money';
import { AppError } from '../../../src-shared/domain/result';
import { PROPOSAL_STATUSES, PROPOSAL_SORTS, type ProposalDetail } from '../../../src-shared/ipc/proposals';
import { isOffline } from '../../services/portal/portal-client';
import { ProposalsService } from '../../services/portal/proposals-service';
import type { CliOut, CliRun } from '../run';

function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new AppError('BAD_REQUEST', `not a positive whole number: ${v}`);
  return n;
}

async function syncOrCache(service: ProposalsService, out: CliOut): Promise<void> {
  try {
    await service.sync();
  } catch (e) {
    if (!isOffline(e)) throw e;
    const last = service.lastSynced();
    if (!last) throw e;
    out.progress(`Portal.io is not reachable (${(e as Error).message}); showing proposals cached at ${last}.\n`);
  }
}

function detailText(p: ProposalDetail): string {
  const money = (c: number) => formatMoney(c, p.currency.code);
  const lines = [`#${p.number} ${p.name} — ${p.status} — ${money(p.financial.totalCents)}`];
  if (p.customer) {
    const l = p.customer.location;
    lines.push(`Customer: ${p.customer.name}${l ? `, ${l.street}, ${l.city} ${l.state} ${l.postalCode}` : ''}`);
  }
  for (const area of p.areas) {
    lines.push(`  ${area.name}`);
    for (const o of area.options) {
      lines.push(`    [${o.status}] ${o.clientDescription || `option ${o.id}`} ${money(o.totalCents)}`);
      for (const i of o.items) {
        const indent = i.parentId ? '        ' : '      ';
        lines.push(`${indent}${i.itemType.padEnd(10)} ${i.quantity} × ${[i.brand, i.model || i.name].filter(Boolean).join(' ')} @ ${money(i.sellPriceCents)}`);
      }
    }
  }
  for (const co of p.changeOrders) lines.push(`  Change order ${co.number}: ${co.name} — ${co.status} — ${money(co.totalCents)} (id ${co.id})`);
  return lines.join('\n');
}

/** `junction proposals list|show`: Portal proposals, synced when reachable, from the cache otherwise. */
export function register(program: Command, run: CliRun): void {
  const proposals = program.command('proposals').description('Portal.io proposals');
  proposals
    .command('list')
    .description('list proposals (syncs first; falls back to the local cache when offline)')
    .option('--status <status>', `only this status (${PROPOSAL_STATUSES.join(', ')})`)
    .option('--search <text>', 'text in the name, number or customer')
    .option('--sort <field>', `sort by ${PROPOSAL_SORTS.join(', ')}`, 'modified')
    .option('--offline', 'use the local cache only')
    .action((opts: { status?: string; search?: string; sort: string; offline?: boolean }, command: Command) =>
      run(command, async (ctx, out) => {
        const status = opts.status ? PROPOSAL_STATUSES.find((s) => s.toLowerCase() === opts.status!.toLowerCase()) : undefined;
        if (opts.status && !status) throw new AppError('BAD_REQUEST', `unknown status "${opts.status}"; use one of ${PROPOSAL_STATUSES.join(', ')}`);
        const sort = PROPOSAL_SORTS.find((s) => s === opts.sort);
        if (!sort) throw new AppError('BAD_REQUEST', `cannot sort by "${opts.sort}"; use one of ${PROPOSAL_SORTS.join(', ')}`);
        const service = new ProposalsService(ctx);
        if (!opts.offline) await syncOrCache(service, out);
        const query = { status, text: opts.search, sort, direction: sort === 'number' || sort === 'customer' ? ('asc' as const) : ('desc' as const), limit: 1000 };
        const result = service.list(query);
        while (result.items.length < result.total) {
          const more = service.list({ ...query, offset: result.items.length }).items;
          if (!more.length) break;
          result.items.push(...more);
        }
        out.human(
          [
            ...result.items.map((p) =>
              [String(p.number).padEnd(6), p.status.padEnd(14), (p.customer?.name ?? '').padEnd(24), formatMoney(p.totalCents, p.currency.code).padStart(14), `  ${p.name} (id ${p.id})`].join(' '),
            ),
            `${result.total} proposal(s); last synced ${result.lastSynced ?? 'never'}`,
          ].join('\n'),
        );
        return result;
      }),
    );
  proposals
    .command('show')
    .argument('<id>', 'proposal id', positiveInt)
    .description('one proposal: areas, options, items; JSON includes acceptedItems (parts and custom items of accepted options)')
    .option('--offline', 'use the local cache only')
    .action((id: number, opts: { offline?: boolean }, command: Command) =>
      run(command, async (ctx, out) => {
        const result = await new ProposalsService(ctx).get(id, !opts.offline);
        if (result.offline) out.progress(`Portal.io is not reachable; showing the copy cached at ${result.lastSynced}.\n`);
        out.human(detailText(result.proposal));
        return result;
      }),
    );
}
