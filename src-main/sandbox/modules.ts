import type { SandboxModule } from './registry';
import { srsSandbox } from './srs/index';
import { portalSandboxModule } from './portal/index';

/** Every simulator the sandbox server mounts. Each vendor issue adds its module here. */
export const sandboxModules: SandboxModule[] = [
  srsSandbox,
  portalSandboxModule,
];
