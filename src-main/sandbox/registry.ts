import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Vendor } from '../../src-shared/ipc/app';
import type { Logger } from '../log/logger';

/** One vendor simulator, mounted under `/<vendor>` on the shared sandbox server. */
export interface MountedSandbox {
  vendor: Vendor;
  /** Demo credentials the app uses when the vendor is not configured (never real ones). */
  credentials: Record<string, string>;
  /**
   * Handles one request. `path` is the part after the mount prefix ("/proposals?x=1");
   * `baseUrl` is the absolute URL of the mount ("http://127.0.0.1:5123/portal").
   */
  handle(req: IncomingMessage, res: ServerResponse, path: string, baseUrl: string): void | Promise<void>;
  close?(): void | Promise<void>;
}

export interface SandboxOptions {
  /** Folder for the simulator's own state (so it survives a restart). */
  stateDir: string;
  log: Logger;
  /** Extra knobs per vendor (e.g. catalogSize for Portal, tokenTtlSeconds for SRS). */
  config?: Record<string, unknown>;
}

export interface SandboxModule {
  vendor: Vendor;
  create(options: SandboxOptions): MountedSandbox | Promise<MountedSandbox>;
}
