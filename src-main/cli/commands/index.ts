import type { Command } from 'commander';
import type { CliRun } from '../run';
import { register as sandbox } from './sandbox';
import { register as portal } from './portal';
import { register as proposals } from './proposals';
import { register as catalog } from './catalog';
import { register as srs } from './srs';
import { register as convert } from './convert';
import { register as orders } from './orders';

/** Every command group of `junction`. Each feature adds its `register` here. */
export const commandGroups: ((program: Command, run: CliRun) => void)[] = [sandbox, portal, proposals, catalog, srs, convert, orders];
