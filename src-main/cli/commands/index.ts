import type { Command } from 'commander';
import type { CliRun } from '../run';
import { register as sandbox } from './sandbox';

/** Every command group of `junction`. Each feature adds its `register` here. */
export const commandGroups: ((program: Command, run: CliRun) => void)[] = [sandbox];
