-- Non-secret preferences, one JSON value per key.
CREATE TABLE settings (
  key        TEXT PRIMARY KEY,
  value      TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- Metadata that other features share: when each dataset was last synced from a vendor.
CREATE TABLE sync_state (
  name        TEXT PRIMARY KEY,
  cursor      TEXT,
  status      TEXT NOT NULL DEFAULT 'idle',
  last_synced TEXT,
  detail      TEXT
);
