import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/** A line a child process prints to hand one JSON value back to the benchmark runner. */
const MARK = '@@bench ';

/** In a child: hands a result back to the parent. */
export function reply(value: unknown): void {
  process.stdout.write(`${MARK}${JSON.stringify(value)}\n`);
}

export interface ChildRun<T> {
  /** Resolves with the first value the child replies with. */
  first: Promise<{ value: T; atMs: number }>;
  /** Resolves when the child exits (rejects on a non-zero exit). */
  exited: Promise<void>;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Runs `node <this bundle> --child <mode> <json>`: the same bundle as the runner, so every
 * child loads exactly the code the app loads. `atMs` is wall time from spawn to the reply.
 */
export function startChild<T>(mode: string, args: unknown, o: { execArgv?: string[]; env?: NodeJS.ProcessEnv } = {}): ChildRun<T> {
  const script = process.argv[1];
  if (!script) throw new Error('cannot find the benchmark bundle (process.argv[1])');
  const started = performance.now();
  const child = spawn(process.execPath, [...(o.execArgv ?? []), script, '--child', mode, JSON.stringify(args)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...(o.env ?? process.env) },
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const first = new Promise<{ value: T; atMs: number }>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (line.startsWith(MARK)) resolve({ value: JSON.parse(line.slice(MARK.length)) as T, atMs: performance.now() - started });
    });
    child.once('exit', (code, signal) => reject(new Error(`child ${mode} exited (${code ?? signal}) before replying:\n${stderr}`)));
    child.once('error', reject);
  });
  const exited = new Promise<void>((resolve, reject) => {
    child.once('exit', (code, signal) => {
      if (code === 0 || signal === 'SIGTERM') resolve();
      else reject(new Error(`child ${mode} failed (${code ?? signal}):\n${stderr}`));
    });
  });
  first.catch(() => undefined);
  exited.catch(() => undefined);
  return {
    first,
    exited,
    child,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited.catch(() => undefined);
    },
  };
}

/** Runs a child to completion and returns its reply. */
export async function runChild<T>(mode: string, args: unknown, o: { execArgv?: string[]; env?: NodeJS.ProcessEnv } = {}): Promise<{ value: T; atMs: number }> {
  const run = startChild<T>(mode, args, o);
  const result = await run.first;
  await run.exited;
  return result;
}
