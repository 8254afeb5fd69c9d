import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pkg from '../../package.json';
import { createLogger } from '../log/logger';
import { createAppContext, defaultLogFile } from '../services/context';
import { resolveDataDir } from '../services/data-dir';
import { openHeadlessVault } from '../vault/open-vault';
import { startWebHost } from './host';

function openInBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  const child = spawn(cmd, args as string[], { stdio: 'ignore', detached: true });
  child.on('error', () => process.stderr.write(`Could not open a browser; open ${url} yourself.\n`));
  child.unref();
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, open: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } },
  });
  if (values.help) {
    process.stdout.write(
      'Usage: npm run web -- [--port N] [--open]\n\nServes Junction on 127.0.0.1 for a browser. Prints the URL (with its one-time token).\n' +
        'Environment: JUNCTION_WEB_PORT, JUNCTION_DATA_DIR, JUNCTION_VAULT_PASSPHRASE.\n',
    );
    return;
  }
  const rawPort = values.port ?? process.env.JUNCTION_WEB_PORT ?? '0';
  const port = Number(rawPort);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`--port must be a number from 0 to 65535, got "${rawPort}".`);

  const dataDir = resolveDataDir();
  const log = createLogger({ file: defaultLogFile(dataDir), stderr: true });
  const ctx = await createAppContext({ dataDir, vault: openHeadlessVault(dataDir), log, sandbox: 'auto', background: true });
  const host = await startWebHost({ ctx, port, rendererDir: join(import.meta.dirname, '../renderer'), version: pkg.version });

  process.stdout.write(`Junction is running at ${host.url}\n`);
  if (values.open) openInBrowser(host.url);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void host
      .close()
      .then(() => ctx.close())
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`junction web: ${(e as Error).message}\n`);
  process.exit(1);
});
