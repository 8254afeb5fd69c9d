import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];

/** A fresh temp directory, removed by `removeTempDirs()` (the runner calls it on exit). */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `junction-bench-${prefix}-`));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}
