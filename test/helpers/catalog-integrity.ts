import type { Database } from 'better-sqlite3';

/** SQLite's integrity check and FTS5's own check against its content table: the problems found, none when healthy. */
export function catalogIntegrityProblems(db: Database): string[] {
  const problems: string[] = [];
  const integrity = db.pragma('integrity_check', { simple: true });
  if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
  try {
    db.prepare("INSERT INTO portal_catalog_fts (portal_catalog_fts, rank) VALUES ('integrity-check', 1)").run();
  } catch (e) {
    problems.push(`fts integrity-check: ${(e as Error).message}`);
  }
  return problems;
}
