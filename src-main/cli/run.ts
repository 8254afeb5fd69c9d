import type { Command } from 'commander';
import { AppError } from '../../src-shared/domain/result';
import { createLogger } from '../log/logger';
import { createAppContext, defaultLogFile, type AppContext } from '../services/context';
import { resolveDataDir } from '../services/data-dir';
import { storageError } from '../store/storage-errors';
import { openHeadlessVault } from '../vault/open-vault';

export interface CliOut {
  /** True with --json: the action's return value is printed as JSON on stdout. */
  json: boolean;
  /** Text printed instead of the JSON when --json is not given. */
  human(text: string): void;
  /** Progress and notes for people: stderr, so stdout stays machine-readable. */
  progress(text: string): void;
}

export interface RunOptions {
  /** "off" for commands that must not start the embedded simulators. */
  sandbox?: 'auto' | 'off';
}

export type CliAction<T> = (ctx: AppContext, out: CliOut) => Promise<T>;
export type CliRun = <T>(command: Command, action: CliAction<T>, options?: RunOptions) => Promise<void>;

/**
 * Runs one command: opens the app context (database, vault, sandbox when needed), prints
 * the result, and turns any failure into a one-line reason and a non-zero exit code.
 */
export const run: CliRun = async (command, action, options = {}) => {
  const json = Boolean(command.optsWithGlobals().json);
  const env = process.env;
  const dataDir = resolveDataDir(env);
  const log = createLogger({ file: defaultLogFile(dataDir), scope: 'cli' });
  let humanText: string | undefined;
  const out: CliOut = {
    json,
    human: (text) => {
      humanText = text;
    },
    progress: (text) => process.stderr.write(text),
  };
  let ctx: AppContext | undefined;
  try {
    ctx = await createAppContext({ dataDir, env, log, vault: openHeadlessVault(dataDir, env), sandbox: options.sandbox ?? 'auto' });
    if (ctx.sandbox && !json) process.stderr.write('Using the embedded sandbox (no vendor configured).\n');
    const result = await action(ctx, out);
    if (json) process.stdout.write(JSON.stringify(result, null, 2) + '\n');
    else if (humanText !== undefined) process.stdout.write(humanText.endsWith('\n') ? humanText : humanText + '\n');
    else if (result !== undefined) process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  } catch (thrown) {
    // A full disk or a read-only folder is the user's to fix: say so, not "unexpected error".
    const e = storageError(thrown, dataDir) ?? thrown;
    const message = e instanceof AppError ? e.message : `unexpected error: ${(e as Error)?.message ?? String(e)}`;
    if (!(e instanceof AppError)) log.error('command failed', { command: command.name(), error: e });
    process.stderr.write(`junction: ${message.split('\n')[0]}\n`);
    process.exitCode = e instanceof AppError && e.code === 'BAD_REQUEST' ? 2 : 1;
  } finally {
    await ctx?.close();
  }
};
