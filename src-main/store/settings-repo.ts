import { DEFAULT_SETTINGS, SettingsFields, SettingsPatchSchema, type Settings, type SettingsPatch } from '../../src-shared/ipc/settings';
import type { Db } from './database';

/** Preferences stored as one JSON value per key; a missing or invalid value falls back to its default alone. */
export class SettingsRepo {
  constructor(private readonly db: Db) {}

  get(): Settings {
    const rows = this.db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
    const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    for (const r of rows) {
      const field = SettingsFields[r.key as keyof Settings];
      if (!field) continue;
      const parsed = field.safeParse(safeJson(r.value));
      if (parsed.success) out[r.key] = parsed.data;
    }
    return out as Settings;
  }

  /** Applies a patch; only the keys it names change. Throws (changing nothing) on an invalid value. */
  update(patch: SettingsPatch): Settings {
    const checked = SettingsPatchSchema.parse(patch);
    const upsert = this.db.prepare(
      'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
    );
    const now = new Date().toISOString();
    this.db.transaction(() => {
      for (const [k, v] of Object.entries(checked)) if (v !== undefined) upsert.run(k, JSON.stringify(v), now);
    })();
    return this.get();
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
