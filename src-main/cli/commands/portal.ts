import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { AppError } from '../../../src-shared/domain/result';
import { portalLogin } from '../../services/portal/login-service';
import type { CliRun } from '../run';

/** Asks on the terminal; the password is not echoed. */
async function ask(question: string, hidden: boolean): Promise<string> {
  if (!process.stdin.isTTY) throw new AppError('BAD_REQUEST', 'Set JUNCTION_PORTAL_USERNAME and JUNCTION_PORTAL_PASSWORD (no terminal to ask on).');
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  if (hidden) {
    const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput.bind(rl);
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => write(s.startsWith(question) ? s : '');
  }
  try {
    return await new Promise<string>((resolve) => rl.question(question, resolve));
  } finally {
    if (hidden) process.stderr.write('\n');
    rl.close();
  }
}

/** `junction portal login`: username + password → User Key in the vault (the password is never stored). */
export function register(program: Command, run: CliRun): void {
  const portal = program.command('portal').description('Portal.io account');
  portal
    .command('login')
    .description('exchange your Portal username and password for a user key (reads JUNCTION_PORTAL_USERNAME / JUNCTION_PORTAL_PASSWORD or asks)')
    .action((_opts: unknown, command: Command) =>
      run(command, async (ctx, out) => {
        const username = ctx.env.JUNCTION_PORTAL_USERNAME || (await ask('Portal username: ', false));
        const password = ctx.env.JUNCTION_PORTAL_PASSWORD || (await ask('Portal password: ', true));
        if (!username || !password) throw new AppError('BAD_REQUEST', 'A Portal username and password are needed.');
        const result = await portalLogin(ctx, { username, password });
        out.human(result.message);
        return result;
      }),
    );
}
