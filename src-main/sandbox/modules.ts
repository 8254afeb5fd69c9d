import type { SandboxModule } from './registry';
import { srsSandbox } from './srs/index';

/** Every simulator the sandbox server mounts. Each vendor issue adds its module here. */
export const sandboxModules: SandboxModule[] = [
  srsSandbox,
];
