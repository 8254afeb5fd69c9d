import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { ProposalSummary } from '../../../src-shared/ipc/proposals';
import { money, shortDate, statusLabel, statusTone } from './format';

const ROW_HEIGHT = 56;

/**
 * Every proposal of the query, virtualized: the scrollbar spans all of them, pages load as
 * they scroll into view, and only the rows in view are in the DOM.
 */
export function ProposalList(props: {
  pages: Record<number, ProposalSummary[]>;
  total: number;
  pageSize: number;
  ensurePage(page: number): void;
  onOpen(id: number): void;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: props.total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const rows = virtualizer.getVirtualItems();
  const first = rows[0]?.index ?? 0;
  const last = rows.at(-1)?.index ?? 0;
  const { pageSize, ensurePage } = props;
  useEffect(() => {
    for (let p = Math.floor(first / pageSize); p <= Math.floor(last / pageSize); p++) ensurePage(p);
  }, [first, last, pageSize, ensurePage]);
  return (
    <div className="proposal-list" ref={scrollRef} role="list" aria-label="Proposals">
      <div className="vlist-sizer" style={{ height: virtualizer.getTotalSize() }}>
        {rows.map((row) => {
          const p = props.pages[Math.floor(row.index / pageSize)]?.[row.index % pageSize];
          if (!p) {
            return (
              <div key={row.key} role="listitem" className="vlist-row" style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}>
                <div className="proposal-row proposal-row-loading muted">Loading…</div>
              </div>
            );
          }
          const tone = statusTone(p.status);
          return (
            <div key={row.key} role="listitem" className="vlist-row" style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}>
              <button type="button" className="proposal-row" onClick={() => props.onOpen(p.id)} aria-label={`Proposal ${p.number} ${p.name}`}>
                <span className="proposal-number">#{p.number}</span>
                <span className="proposal-main">
                  <span className="proposal-name">{p.name}</span>
                  <span className="muted">{p.customer?.name ?? 'No customer'}</span>
                </span>
                <span className={`badge${tone ? ` badge-${tone}` : ''}`}>{statusLabel(p.status)}</span>
                <span className="proposal-modified muted">{shortDate(p.lastModifiedDate)}</span>
                <span className="proposal-total">{money(p.totalCents, p.currency.code)}</span>
              </button>
            </div>
          );
        })}
      </div>
    </div>
  );
}
