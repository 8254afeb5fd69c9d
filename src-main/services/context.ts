import { join } from 'node:path';
import { createLogger, type Logger } from '../log/logger';
import { registerSecret } from '../log/redact';
import { databasePath, openDatabase, type Db } from '../store/database';
import { SettingsRepo } from '../store/settings-repo';
import { startSandboxServer, type SandboxServer } from '../sandbox/server';
import { sandboxModules } from '../sandbox/modules';
import type { Vault } from '../vault/vault';
import { EventBus } from './events';
import { JobManager } from './jobs';
import { CREDENTIAL_ENV, VendorDirectory } from './vendor-directory';
import { startOrdersRuntime } from './orders/runtime';

/** The infrastructure every service gets: one database, vault, logger, jobs and events. */
export interface Core {
  dataDir: string;
  env: NodeJS.ProcessEnv;
  db: Db;
  settings: SettingsRepo;
  vault: Vault;
  log: Logger;
  events: EventBus;
  jobs: JobManager;
  vendors: VendorDirectory;
}

export interface AppContext extends Core {
  sandbox: SandboxServer | null;
  close(): Promise<void>;
}

export interface ContextOptions {
  dataDir: string;
  env?: NodeJS.ProcessEnv;
  vault: Vault;
  log?: Logger;
  nativeBinding?: string;
  /** "auto": start the embedded simulators when a vendor is not configured. */
  sandbox?: 'auto' | 'off';
  sandboxPort?: number;
  /** Run the order outbox worker and status poller (desktop app and web host; not one-shot CLI commands). */
  background?: boolean;
}

export function defaultLogFile(dataDir: string): string {
  return join(dataDir, 'logs', 'junction.log');
}

/** Opens everything main needs; used by the Electron shell, the web host and the CLI alike. */
export async function createAppContext(options: ContextOptions): Promise<AppContext> {
  const env = options.env ?? process.env;
  const log = options.log ?? createLogger({ file: defaultLogFile(options.dataDir) });
  for (const fields of Object.values(CREDENTIAL_ENV)) for (const name of Object.values(fields)) registerSecret(env[name]);
  for (const name of options.vault.names()) registerSecret(options.vault.get(name));

  const db = openDatabase(databasePath(options.dataDir), options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  const settings = new SettingsRepo(db);
  const events = new EventBus();
  const jobs = new JobManager(events, log.child('jobs'));
  const vendors = new VendorDirectory(env, options.vault, settings);

  let sandbox: SandboxServer | null = null;
  const wantsSandbox = options.sandbox !== 'off' && sandboxModules.some((m) => vendors.isUnconfigured(m.vendor));
  if (wantsSandbox) {
    sandbox = await startSandboxServer({ dataDir: options.dataDir, log, ...(options.sandboxPort ? { port: options.sandboxPort } : {}) });
    const running = sandbox;
    vendors.attachSandbox({
      baseUrl: (v) => running.baseUrl(v),
      credentials: (v) => running.vendors.find((x) => x.vendor === v)?.credentials,
    });
    log.info('embedded sandbox started', { port: sandbox.port });
  }

  const orders = options.background ? startOrdersRuntime({ dataDir: options.dataDir, env, db, settings, vault: options.vault, log, events, jobs, vendors }) : null;

  return {
    dataDir: options.dataDir,
    env,
    db,
    settings,
    vault: options.vault,
    log,
    events,
    jobs,
    vendors,
    sandbox,
    async close() {
      await orders?.stop();
      for (const j of jobs.list()) jobs.cancel(j.jobId);
      await sandbox?.close();
      db.close();
    },
  };
}
