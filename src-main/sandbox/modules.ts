import type { SandboxModule } from './registry';

/** Every simulator the sandbox server mounts. Each vendor issue adds its module here. */
export const sandboxModules: SandboxModule[] = [];
