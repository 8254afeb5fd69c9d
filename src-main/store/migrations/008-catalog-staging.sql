-- A first full sync (empty catalog) writes its pages here: a plain table without secondary
-- indexes or FTS trigger. When the last page is in, one transaction moves every row into
-- portal_catalog_items with the FTS insert trigger dropped and builds the FTS index once
-- ('rebuild'): about twice as fast as maintaining FTS5 row by row, page after page.
CREATE TABLE portal_catalog_staging (
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
