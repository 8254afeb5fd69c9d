import { SettingsSchema, type Settings } from '../../src-shared/ipc/settings';
import type { Db } from './database';

/** Preferences stored as one JSON value per key; unknown or invalid keys fall back to defaults. */
export class SettingsRepo {
  constructor(private readonly db: Db) {}

  get(): Settings {
    const rows = this.db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
    const raw: Record<string, unknown> = {};
    for (const r of rows) raw[r.key] = JSON.parse(r.value);
    const parsed = SettingsSchema.safeParse(raw);
    return parsed.success ? parsed.data : SettingsSchema.parse({});
  }

  update(patch: Partial<Settings>): Settings {
    const next = SettingsSchema.parse({ ...this.get(), ...patch });
    const upsert = this.db.prepare(
      'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
    );
    const now = new Date().toISOString();
    this.db.transaction(() => {
      for (const [k, v] of Object.entries(patch)) if (v !== undefined) upsert.run(k, JSON.stringify(next[k as keyof Settings]), now);
    })();
    return next;
  }
}
