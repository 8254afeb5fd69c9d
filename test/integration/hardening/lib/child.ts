import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './soak';

/** The built CLI; a long soak points JUNCTION_HARDENING_CLI at a frozen copy of out/ so a rebuild cannot change it mid-run. */
export const CLI = process.env.JUNCTION_HARDENING_CLI ?? join(ROOT, 'out', 'main', 'cli.js');

export interface ChildRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** True when this run was ended by our SIGKILL. */
  killed: boolean;
}

export function assertBuilt(): void {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npx electron-vite build\` first (npm test does it in pretest).`);
}

/**
 * Runs the built CLI as a child process with exactly this environment. With `killAfterMs`,
 * sends SIGKILL at that moment unless the process has already exited.
 */
export function runCli(
  env: Record<string, string>,
  args: string[],
  o: { killAfterMs?: number; timeoutMs?: number; killAfterStderr?: { match: RegExp; afterMs: number }; uid?: number } = {},
): Promise<ChildRun> {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Run as another user (root ignores file modes; the read-only folder test needs them to count).
      ...(o.uid !== undefined ? { uid: o.uid, gid: o.uid } : {}),
    });
    let stdout = '';
    let stderr = '';
    let killed = false;
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const killNow = () => {
      if (child.exitCode === null && child.signalCode === null) {
        killed = true;
        child.kill('SIGKILL');
      }
    };
    let armed: NodeJS.Timeout | null = null;
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      // Kill a set time after the child first printed this (e.g. its first progress line).
      if (o.killAfterStderr && !armed && o.killAfterStderr.match.test(stderr)) armed = setTimeout(killNow, o.killAfterStderr.afterMs);
    });
    const kill = o.killAfterMs === undefined ? null : setTimeout(killNow, o.killAfterMs);
    const timeout = setTimeout(() => child.kill('SIGKILL'), o.timeoutMs ?? 120_000);
    child.on('close', (code, signal) => {
      if (kill) clearTimeout(kill);
      if (armed) clearTimeout(armed);
      clearTimeout(timeout);
      resolve({ code, signal, stdout, stderr, ms: Date.now() - started, killed });
    });
  });
}
