-- Catalog search: one-letter prefixes get their own FTS5 prefix index too. Without it a
-- query word of one letter ("b", or the "h" of model "H-1621X") makes FTS5 merge the doclist
-- of every term starting with that letter: hundreds of ms on a 200,000-item catalog instead
-- of under one. The table is rebuilt from portal_catalog_items (its external content); the
-- triggers of 002 keep writing to it by name.
DROP TABLE portal_catalog_fts;
CREATE VIRTUAL TABLE portal_catalog_fts USING fts5 (
  brand, model, description, supplier_sku,
  content = 'portal_catalog_items', content_rowid = 'id',
  prefix = '1 2 3 4', tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO portal_catalog_fts (portal_catalog_fts) VALUES ('rebuild');
