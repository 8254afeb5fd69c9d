-- Supplier orders placed from proposals, their lines, the submission outbox and the timeline.
CREATE TABLE orders (
  id                  INTEGER PRIMARY KEY AUTOINCREMENT,
  proposal_id         TEXT NOT NULL,
  proposal_number     TEXT NOT NULL,
  proposal_name       TEXT NOT NULL,
  supplier            TEXT NOT NULL,
  branch_code         TEXT NOT NULL,
  job_account_number  INTEGER,
  status              TEXT NOT NULL CHECK (status IN ('draft', 'ready', 'submitting', 'submitted', 'acknowledged', 'shipped', 'delivered', 'failed', 'cancelled')),
  status_reason       TEXT,
  -- Created with the row and reused on every retry: the supplier's idempotency key.
  transaction_id      TEXT NOT NULL UNIQUE,
  supplier_order_id   TEXT,
  queue_id            TEXT,
  header_json         TEXT NOT NULL,
  -- The exact supplier request, built once, so every retry sends the same order.
  request_json        TEXT NOT NULL,
  total_cents         INTEGER NOT NULL,
  proposal_cost_cents INTEGER NOT NULL,
  proposal_sell_cents INTEGER NOT NULL,
  currency            TEXT NOT NULL,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL
);
CREATE INDEX orders_by_proposal ON orders (proposal_id, status);
CREATE INDEX orders_by_status ON orders (status, updated_at);

CREATE TABLE order_lines (
  order_id            INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  line_no             INTEGER NOT NULL,
  line_key            TEXT NOT NULL,
  product_id          INTEGER NOT NULL,
  product_name        TEXT NOT NULL,
  option              TEXT NOT NULL,
  quantity            INTEGER NOT NULL CHECK (quantity > 0),
  uom                 TEXT NOT NULL,
  unit_price_cents    INTEGER NOT NULL,
  extended_cents      INTEGER NOT NULL,
  substituted_for     INTEGER,
  -- As proposed: the source items (area, origin, quantity, unit, cost, sell) this line covers.
  proposed_json       TEXT NOT NULL,
  proposal_cost_cents INTEGER NOT NULL,
  proposal_sell_cents INTEGER NOT NULL,
  PRIMARY KEY (order_id, line_no)
);

CREATE TABLE order_outbox (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  order_id     INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  kind         TEXT NOT NULL,
  status       TEXT NOT NULL CHECK (status IN ('pending', 'in_flight', 'done', 'dead')),
  attempts     INTEGER NOT NULL DEFAULT 0,
  available_at TEXT NOT NULL,
  claimed_at   TEXT,
  last_error   TEXT,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
);
CREATE INDEX order_outbox_due ON order_outbox (status, available_at, id);

CREATE TABLE order_events (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  order_id      INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  at            TEXT NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('status', 'link', 'note')),
  from_status   TEXT,
  to_status     TEXT,
  reason        TEXT NOT NULL,
  link_kind     TEXT,
  link_order_id INTEGER REFERENCES orders (id)
);
CREATE INDEX order_events_by_order ON order_events (order_id, id);

-- Portal item → SRS product mappings the user confirmed, remembered per company.
CREATE TABLE saved_mappings (
  company     TEXT NOT NULL,
  key         TEXT NOT NULL,
  product_id  INTEGER NOT NULL,
  option      TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  PRIMARY KEY (company, key)
);
