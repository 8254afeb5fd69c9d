import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const CLI = join(process.cwd(), 'out', 'main', 'cli.js');

/** What `convert 2403 --submit` needs on the sandbox's proposal 1003: a colour for each product that has several, and the lines SRS cannot supply left off. */
export const FIXES_1003 = [
  ['--option', '70528=Weathered Wood'],
  ['--option', '71322=White'],
  ['--option', '70638=Weathered Wood'],
  ['--option', '72734=Black'],
  ['--option', '73444=Clear'],
  ['--option', '70370=Driftwood'],
  ['--remove', '1000175'], // dumpster rental
  ['--remove', '1000199'], // "roof ventilation package" without parts
  ['--remove', '1000198'], // nails not sold at the branch
].flat();

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function assertBuilt(): void {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npx electron-vite build\` first (npm test does it in pretest).`);
}

/** Runs the built CLI as a child process with exactly this environment. */
export function runCli(env: Record<string, string>, args: string[], timeoutMs = 60_000): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile('node', [CLI, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, timeout: timeoutMs }, (error, stdout, stderr) => {
      const e = error as (Error & { code?: number | string; signal?: NodeJS.Signals }) | null;
      resolve({ code: e ? (typeof e.code === 'number' ? e.code : null) : 0, signal: e?.signal ?? null, stdout, stderr });
    });
  });
}
