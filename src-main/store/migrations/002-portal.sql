-- Portal.io proposals and change orders, cached for offline browsing.
CREATE TABLE portal_proposals (
  id              INTEGER PRIMARY KEY,
  number          INTEGER NOT NULL,
  name            TEXT NOT NULL,
  status          TEXT NOT NULL,
  customer_name   TEXT NOT NULL DEFAULT '',
  total_cents     INTEGER NOT NULL,
  last_modified   TEXT,
  summary_json    TEXT NOT NULL,
  -- Details (areas → options → items) and the list's lastModifiedDate they belong to.
  detail_json     TEXT,
  detail_modified TEXT,
  synced_at       TEXT NOT NULL
);
CREATE INDEX portal_proposals_status ON portal_proposals (status);

CREATE TABLE portal_change_orders (
  id           INTEGER PRIMARY KEY,
  proposal_id  INTEGER NOT NULL REFERENCES portal_proposals (id) ON DELETE CASCADE,
  summary_json TEXT NOT NULL,
  detail_json  TEXT,
  synced_at    TEXT NOT NULL
);
CREATE INDEX portal_change_orders_proposal ON portal_change_orders (proposal_id);

CREATE TABLE portal_contacts (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  search_text TEXT NOT NULL,
  json        TEXT NOT NULL,
  synced_at   TEXT NOT NULL
);

CREATE TABLE portal_contact_locations (
  id         INTEGER PRIMARY KEY,
  contact_id INTEGER NOT NULL REFERENCES portal_contacts (id) ON DELETE CASCADE,
  json       TEXT NOT NULL
);
CREATE INDEX portal_contact_locations_contact ON portal_contact_locations (contact_id);

-- The Portal catalog. `generation` is the sync that last wrote the row: a full sync writes
-- generation N+1 page by page (the old rows stay searchable), then drops rows it did not see.
CREATE TABLE portal_catalog_items (
  id                 INTEGER PRIMARY KEY,
  brand              TEXT NOT NULL,
  model              TEXT NOT NULL,
  description        TEXT NOT NULL,
  category_id        INTEGER,
  parent_category_id INTEGER,
  supplier_name      TEXT NOT NULL,
  supplier_sku       TEXT NOT NULL,
  unit_of_measure    TEXT NOT NULL,
  cost_cents         INTEGER,
  sell_cents         INTEGER,
  msrp_cents         INTEGER,
  currency           TEXT NOT NULL,
  in_stock           INTEGER,
  discontinued       INTEGER NOT NULL DEFAULT 0,
  cost_verified_at   TEXT,
  modified_at        TEXT,
  fetched_at         TEXT NOT NULL,
  generation         INTEGER NOT NULL
);
CREATE INDEX portal_catalog_items_brand ON portal_catalog_items (brand COLLATE NOCASE);
CREATE INDEX portal_catalog_items_supplier ON portal_catalog_items (supplier_name COLLATE NOCASE);
CREATE INDEX portal_catalog_items_category ON portal_catalog_items (category_id);
CREATE INDEX portal_catalog_items_parent_category ON portal_catalog_items (parent_category_id);
CREATE INDEX portal_catalog_items_generation ON portal_catalog_items (generation);
CREATE INDEX portal_catalog_items_sku ON portal_catalog_items (supplier_sku);

CREATE VIRTUAL TABLE portal_catalog_fts USING fts5 (
  brand, model, description, supplier_sku,
  content = 'portal_catalog_items', content_rowid = 'id',
  prefix = '2 3 4', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER portal_catalog_items_ai AFTER INSERT ON portal_catalog_items BEGIN
  INSERT INTO portal_catalog_fts (rowid, brand, model, description, supplier_sku)
  VALUES (new.id, new.brand, new.model, new.description, new.supplier_sku);
END;
CREATE TRIGGER portal_catalog_items_ad AFTER DELETE ON portal_catalog_items BEGIN
  INSERT INTO portal_catalog_fts (portal_catalog_fts, rowid, brand, model, description, supplier_sku)
  VALUES ('delete', old.id, old.brand, old.model, old.description, old.supplier_sku);
END;
-- Price-only updates leave the text index alone.
CREATE TRIGGER portal_catalog_items_au AFTER UPDATE OF brand, model, description, supplier_sku ON portal_catalog_items BEGIN
  INSERT INTO portal_catalog_fts (portal_catalog_fts, rowid, brand, model, description, supplier_sku)
  VALUES ('delete', old.id, old.brand, old.model, old.description, old.supplier_sku);
  INSERT INTO portal_catalog_fts (rowid, brand, model, description, supplier_sku)
  VALUES (new.id, new.brand, new.model, new.description, new.supplier_sku);
END;

CREATE TABLE portal_catalog_categories (
  id        INTEGER PRIMARY KEY,
  parent_id INTEGER,
  name      TEXT NOT NULL,
  depth     INTEGER NOT NULL,
  position  INTEGER NOT NULL
);

-- Item details (suppliers, specs) fetched on demand.
CREATE TABLE portal_catalog_details (
  item_id    INTEGER PRIMARY KEY,
  json       TEXT NOT NULL,
  fetched_at TEXT NOT NULL
);
