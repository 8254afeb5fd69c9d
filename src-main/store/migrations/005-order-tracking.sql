-- Drafts being reviewed (the user's edits survive a restart) and what SRS reports after submission.
CREATE TABLE order_drafts (
  proposal_id TEXT PRIMARY KEY,
  -- Branch, job account, change-order choices, line edits, header edits and the prices as last shown.
  state_json  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);

CREATE TABLE order_tracking (
  order_id        INTEGER PRIMARY KEY REFERENCES orders (id) ON DELETE CASCADE,
  supplier_status TEXT,
  eta             TEXT,
  delayed         INTEGER NOT NULL DEFAULT 0 CHECK (delayed IN (0, 1)),
  last_checked_at TEXT,
  last_error      TEXT
);

CREATE TABLE order_deliveries (
  order_id     INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  delivery_id  TEXT NOT NULL,
  status       TEXT NOT NULL,
  eta          TEXT,
  delivered_at TEXT,
  proof_json   TEXT,
  updated_at   TEXT NOT NULL,
  PRIMARY KEY (order_id, delivery_id)
);

CREATE TABLE order_invoices (
  order_id         INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  invoice_number   TEXT NOT NULL,
  invoice_date     TEXT,
  subtotal_cents   INTEGER,
  tax_cents        INTEGER,
  total_cents      INTEGER NOT NULL,
  lines_json       TEXT NOT NULL,
  -- Quantity and price differences against the order, as flagged when the invoice arrived.
  differences_json TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  PRIMARY KEY (order_id, invoice_number)
);
