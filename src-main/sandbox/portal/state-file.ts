import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SeedItem } from './catalog-data';
import type { SandboxContact } from './people';

/** What the Portal sandbox changed since its seed, kept under its state dir across restarts. */
export interface PortalSandboxState {
  contacts: SandboxContact[];
  nextId: number;
  catalogChanges: SeedItem[];
  catalogRemoved: number[];
  proposalTouches: Record<string, string>;
}

const empty = (): PortalSandboxState => ({ contacts: [], nextId: 900_000, catalogChanges: [], catalogRemoved: [], proposalTouches: {} });

export function loadState(stateDir: string): PortalSandboxState {
  const file = join(stateDir, 'state.json');
  if (!existsSync(file)) return empty();
  try {
    return { ...empty(), ...(JSON.parse(readFileSync(file, 'utf8')) as Partial<PortalSandboxState>) };
  } catch {
    return empty();
  }
}

export function saveState(stateDir: string, state: PortalSandboxState): void {
  const file = join(stateDir, 'state.json');
  writeFileSync(`${file}.tmp`, JSON.stringify(state));
  renameSync(`${file}.tmp`, file);
}
