import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

/** Columns Junction fills from its own clock when it writes accepted data (not vendor content). */
export const CLOCK_COLUMNS = new Set(['synced_at', 'fetched_at', 'updated_at', 'validated_at', 'last_synced', 'applied_at']);

/**
 * Every row of every ordinary table, as one digest per table. With `ignoreClock`, the
 * columns in CLOCK_COLUMNS are left out, so an accepted payload fetched again in the same
 * run (same content, new fetch time) does not count as a change.
 */
export function snapshot(db: Database.Database, options: { ignoreClock?: boolean } = {}): Record<string, string> {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' AND name NOT LIKE '%_fts_%' ORDER BY name")
    .all() as { name: string }[];
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const cols = (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(name) as { name: string }[])
      .map((c) => c.name)
      .filter((c) => !(options.ignoreClock && CLOCK_COLUMNS.has(c)));
    const rows = db.prepare(`SELECT ${cols.map((c) => `"${c}"`).join(', ')} FROM "${name}"`).raw().all() as unknown[][];
    const lines = rows.map((r) => JSON.stringify(r)).sort();
    out[name] = `${rows.length}:${createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16)}`;
  }
  return out;
}
