import { Command, CommanderError } from 'commander';
import { commandGroups } from './commands/index';
import { run } from './run';
import { version } from '../../package.json';

const program = new Command('junction')
  .description('Junction: accepted Portal.io proposals to supplier orders (SRS Distribution, ShipServ).')
  .version(version)
  .option('--json', 'print machine-readable JSON on stdout (progress and logs go to stderr)')
  .showHelpAfterError()
  .exitOverride();

for (const register of commandGroups) register(program, run);

program.parseAsync(process.argv).catch((e: unknown) => {
  if (e instanceof CommanderError) {
    process.exitCode = e.exitCode;
    return;
  }
  process.stderr.write(`junction: ${(e as Error).message}\n`);
  process.exitCode = 1;
});
