import type { Command } from 'commander';
import { createLogger } from '../../log/logger';
import { startSandboxServer } from '../../sandbox/server';
import { resolveDataDir } from '../../services/data-dir';
import type { CliRun } from '../run';

/** `junction sandbox`: every vendor simulator on 127.0.0.1 until stopped. */
export function register(program: Command, _run: CliRun): void {
  program
    .command('sandbox')
    .description('start all vendor simulators on 127.0.0.1; prints their base URLs and demo credentials as JSON; runs until stopped')
    .option('--port <n>', 'port to listen on (default: a free port)', (v) => parsePort(v))
    .option('--catalog-size <n>', 'number of Portal catalog items to serve (default: the seed catalog)', (v) => parseCount(v))
    .option('--srs-order-mode <mode>', 'SRS order processing: sync (QA) or async (queue id, order id later)', 'sync')
    .action(async (opts: { port?: number; catalogSize?: number; srsOrderMode: string }) => {
      const dataDir = resolveDataDir();
      const log = createLogger({ stderr: true, scope: 'sandbox' });
      const server = await startSandboxServer({
        dataDir,
        log,
        ...(opts.port !== undefined ? { port: opts.port } : {}),
        config: {
          portal: opts.catalogSize ? { catalogSize: opts.catalogSize } : {},
          srs: { orderMode: opts.srsOrderMode },
        },
      });
      process.stdout.write(JSON.stringify({ port: server.port, dataDir, vendors: server.vendors }, null, 2) + '\n');
      const stop = () => void server.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}

function parsePort(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`not a port: ${v}`);
  return n;
}

function parseCount(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`not a positive count: ${v}`);
  return n;
}
