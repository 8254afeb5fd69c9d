import type { Command } from 'commander';
import { formatMoney } from '../../../src-shared/domain/money';
import { AppError } from '../../../src-shared/domain/result';
import { CATALOG_JOB, CatalogService } from '../../services/portal/catalog-service';
import type { CliRun } from '../run';

function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new AppError('BAD_REQUEST', `not a positive whole number: ${v}`);
  return n;
}

/** `junction catalog sync|search`: the offline Portal catalog. */
export function register(program: Command, run: CliRun): void {
  const catalog = program.command('catalog').description('the offline Portal.io catalog');
  catalog
    .command('sync')
    .description('sync the Portal catalog into the local database (incremental after the first run; resumes an interrupted sync)')
    .option('--full', 'fetch every item again (drops items Portal no longer lists)')
    .action((opts: { full?: boolean }, command: Command) =>
      run(command, async (ctx, out) => {
        const service = new CatalogService(ctx);
        const job = service.startSync({ full: Boolean(opts.full) });
        const stop = ctx.events.onAny((name, payload) => {
          const p = payload as { jobId: string; kind: string; done: number; total: number | null; phase: string };
          if (name !== 'job:progress' || p.jobId !== job.jobId || p.kind !== CATALOG_JOB) return;
          const pct = p.total ? ` ${Math.floor((p.done / p.total) * 100)}%` : '';
          const line = `catalog sync: ${p.done.toLocaleString('en-US')}/${p.total?.toLocaleString('en-US') ?? '?'}${pct} ${p.phase}`;
          // On a terminal the line updates in place; in a log or pipe every update is its own line.
          out.progress(process.stderr.isTTY ? `\r\x1b[2K${line}${p.total !== null && p.done >= p.total ? '\n' : ''}` : `${line}\n`);
        });
        const cancel = () => ctx.jobs.cancel(job.jobId);
        process.once('SIGINT', cancel);
        try {
          const result = await job.done;
          out.human(
            `Catalog ${result.mode === 'full' ? 'fully synced' : 'updated'}${result.resumed ? ' (resumed)' : ''}: ${result.items.toLocaleString('en-US')} item(s) fetched, ${result.removed} removed, ${result.catalogSize.toLocaleString('en-US')} in the local catalog (${result.seconds} s).`,
          );
          return result;
        } finally {
          stop();
          process.off('SIGINT', cancel);
        }
      }),
    );
  catalog
    .command('search')
    .argument('<text...>', 'words to find in brand, model, description or supplier SKU (prefixes match)')
    .description('search the local catalog (works offline)')
    .option('--limit <n>', 'most results to show', positiveInt, 20)
    .option('--brand <brand>', 'only this brand')
    .option('--supplier <supplier>', 'only this supplier')
    .action((text: string[], opts: { limit: number; brand?: string; supplier?: string }, command: Command) =>
      run(
        command,
        async (ctx, out) => {
          const result = new CatalogService(ctx).search({ text: text.join(' '), limit: Math.min(opts.limit, 500), brand: opts.brand, supplier: opts.supplier });
          out.human(
            [
              ...result.items.map((i) =>
                [
                  String(i.id).padEnd(8),
                  `${i.brand} ${i.model}`.slice(0, 48).padEnd(48),
                  `${i.supplierName} ${i.supplierSku}`.slice(0, 30).padEnd(30),
                  (i.costCents === null ? 'n/a' : formatMoney(i.costCents, i.currency.code)).padStart(11),
                  i.unitOfMeasure ? `/${i.unitOfMeasure}` : '',
                ].join(' '),
              ),
              `${result.total} match(es) in ${result.tookMs} ms`,
            ].join('\n'),
          );
          return result;
        },
        { sandbox: 'off' },
      ),
    );
}
