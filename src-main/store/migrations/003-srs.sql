-- SRS Distribution: the customer's validation, branches, job accounts, branch products
-- (searchable offline with FTS5) and the customer-specific price cache.

-- The outcome of the last customer validation (step 3); ordering is blocked unless valid = 1.
CREATE TABLE srs_customer (
  customer_code    TEXT PRIMARY KEY,
  valid            INTEGER NOT NULL CHECK (valid IN (0, 1)),
  message          TEXT,
  customer_name    TEXT,
  home_branch_code TEXT,
  validated_at     TEXT NOT NULL
);

CREATE TABLE srs_branches (
  branch_code      TEXT PRIMARY KEY,
  branch_name      TEXT NOT NULL,
  address_json     TEXT,
  phone            TEXT,
  shipping_methods TEXT NOT NULL DEFAULT '[]',
  fetched_at       TEXT NOT NULL
);

-- The customer's job accounts / ship-to locations per branch (step 5).
CREATE TABLE srs_job_accounts (
  customer_code      TEXT NOT NULL,
  branch_code        TEXT NOT NULL,
  job_account_number INTEGER NOT NULL,
  job_account_name   TEXT,
  branch_name        TEXT NOT NULL,
  ship_to_sequence   INTEGER,
  ship_to_json       TEXT,
  fetched_at         TEXT NOT NULL,
  PRIMARY KEY (customer_code, branch_code, job_account_number)
) WITHOUT ROWID;

-- One row per SRS product; product_id is the rowid so FTS can index it directly.
CREATE TABLE srs_products (
  product_id      INTEGER PRIMARY KEY,
  product_name    TEXT NOT NULL,
  description     TEXT,
  manufacturer    TEXT,
  category        TEXT,
  options_json    TEXT NOT NULL DEFAULT '["N/A"]',
  options_text    TEXT NOT NULL DEFAULT '',
  base_uom        TEXT NOT NULL,
  uom_conversions TEXT NOT NULL DEFAULT '[]',
  updated_at      TEXT NOT NULL
);

-- Which branch stocks which product (step 6): "available at branch X".
CREATE TABLE srs_branch_products (
  branch_code TEXT NOT NULL,
  product_id  INTEGER NOT NULL REFERENCES srs_products (product_id) ON DELETE CASCADE,
  synced_at   TEXT NOT NULL,
  PRIMARY KEY (branch_code, product_id)
) WITHOUT ROWID;
CREATE INDEX srs_branch_products_by_product ON srs_branch_products (product_id, branch_code);

CREATE VIRTUAL TABLE srs_products_fts USING fts5 (
  product_name, description, manufacturer, options_text, category,
  content = 'srs_products', content_rowid = 'product_id',
  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4'
);
CREATE TRIGGER srs_products_ai AFTER INSERT ON srs_products BEGIN
  INSERT INTO srs_products_fts (rowid, product_name, description, manufacturer, options_text, category)
  VALUES (new.product_id, new.product_name, new.description, new.manufacturer, new.options_text, new.category);
END;
CREATE TRIGGER srs_products_ad AFTER DELETE ON srs_products BEGIN
  INSERT INTO srs_products_fts (srs_products_fts, rowid, product_name, description, manufacturer, options_text, category)
  VALUES ('delete', old.product_id, old.product_name, old.description, old.manufacturer, old.options_text, old.category);
END;
CREATE TRIGGER srs_products_au AFTER UPDATE ON srs_products BEGIN
  INSERT INTO srs_products_fts (srs_products_fts, rowid, product_name, description, manufacturer, options_text, category)
  VALUES ('delete', old.product_id, old.product_name, old.description, old.manufacturer, old.options_text, old.category);
  INSERT INTO srs_products_fts (rowid, product_name, description, manufacturer, options_text, category)
  VALUES (new.product_id, new.product_name, new.description, new.manufacturer, new.options_text, new.category);
END;

-- Customer-specific prices with stock, valid for a time-to-live from fetched_at.
-- unit_price_cents is NULL when SRS answered 0: "call the branch for a price".
CREATE TABLE srs_prices (
  customer_code      TEXT NOT NULL,
  branch_code        TEXT NOT NULL,
  job_account_number INTEGER NOT NULL,
  product_id         INTEGER NOT NULL,
  uom                TEXT NOT NULL,
  option             TEXT NOT NULL DEFAULT '',
  unit_price_cents   INTEGER CHECK (unit_price_cents IS NULL OR unit_price_cents > 0),
  call_for_price     INTEGER NOT NULL CHECK (call_for_price IN (0, 1)),
  stock_status       TEXT NOT NULL,
  available_quantity REAL,
  substitutions_json TEXT NOT NULL DEFAULT '[]',
  fetched_at         TEXT NOT NULL,
  PRIMARY KEY (customer_code, branch_code, job_account_number, product_id, uom, option),
  CHECK ((call_for_price = 1) = (unit_price_cents IS NULL))
) WITHOUT ROWID;
