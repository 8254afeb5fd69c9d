import type { SandboxModule } from '../registry';
import { SrsSandbox } from './srs-sandbox';

export { SrsSandbox } from './srs-sandbox';
export type { SrsSandboxConfig } from './srs-sandbox';

/** SRS Distribution (SIPS / Roof Hub) simulator, mounted at /srs. */
export const srsSandbox: SandboxModule = {
  vendor: 'srs',
  create: (options) => new SrsSandbox(options),
};
