import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { ageText, money } from '../proposals/format';
import { PAGE_SIZE, useCatalog } from './catalog-store';

const ROW_HEIGHT = 60;

/** Search results, virtualized: pages load as they scroll into view; only visible rows are rendered. */
export function CatalogList() {
  const { pages, total, ensurePage, select } = useCatalog();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });
  const rows = virtualizer.getVirtualItems();
  const first = rows[0]?.index ?? 0;
  const last = rows.at(-1)?.index ?? 0;

  useEffect(() => {
    for (let p = Math.floor(first / PAGE_SIZE); p <= Math.floor(last / PAGE_SIZE); p++) ensurePage(p);
  }, [first, last, ensurePage]);

  const now = Date.now();
  return (
    <div className="catalog-list" ref={scrollRef} role="list" aria-label="Catalog items">
      <div className="vlist-sizer" style={{ height: virtualizer.getTotalSize() }}>
        {rows.map((row) => {
          const item = pages[Math.floor(row.index / PAGE_SIZE)]?.[row.index % PAGE_SIZE];
          return (
            <div key={row.key} role="listitem" className="vlist-row" style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}>
              {item ? (
                <button type="button" className="catalog-row" onClick={() => void select(item.id)} aria-label={`${item.brand} ${item.model}`}>
                  <span className="catalog-main">
                    <span className="catalog-name">
                      {item.brand} {item.model}
                    </span>
                    <span className="muted catalog-desc">{item.description}</span>
                  </span>
                  <span className="catalog-supplier">
                    <span>{item.supplierName}</span>
                    <span className="muted mono">{item.supplierSku}</span>
                  </span>
                  <span className="num">
                    <span className="price-label">Cost</span> {item.costCents === null ? '—' : money(item.costCents, item.currency.code)}
                    {item.unitOfMeasure ? <span className="muted">/{item.unitOfMeasure}</span> : null}
                  </span>
                  <span className="num catalog-sell">
                    <span className="price-label">Sell</span> {item.sellPriceCents === null ? '—' : money(item.sellPriceCents, item.currency.code)}
                  </span>
                  <span className="catalog-stock">
                    {item.isInStock === null ? <span className="badge">Unknown</span> : item.isInStock ? <span className="badge badge-success">In stock</span> : <span className="badge badge-danger">Out of stock</span>}
                    <span className="muted price-age" title={`Fetched ${item.fetchedAt}; cost verified ${item.costVerifiedAt ?? 'never'}`}>
                      price {ageText(item.fetchedAt, now)}
                    </span>
                  </span>
                </button>
              ) : (
                <div className="catalog-row catalog-row-loading muted">Loading…</div>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
