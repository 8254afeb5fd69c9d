import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { ProposalSummary } from '../../../src-shared/ipc/proposals';
import { money, shortDate, statusLabel, statusTone } from './format';

const ROW_HEIGHT = 56;

/** The proposals, virtualized: only the rows in view are in the DOM. */
export function ProposalList(props: { items: ProposalSummary[]; onOpen(id: number): void; onEndReached(): void }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: props.items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const lastIndex = virtualizer.getVirtualItems().at(-1)?.index ?? 0;
  const { items, onEndReached } = props;
  useEffect(() => {
    if (items.length > 0 && lastIndex >= items.length - 20) onEndReached();
  }, [lastIndex, items.length, onEndReached]);
  return (
    <div className="proposal-list" ref={scrollRef} role="list" aria-label="Proposals">
      <div className="vlist-sizer" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((row) => {
          const p = props.items[row.index]!;
          const tone = statusTone(p.status);
          return (
            <div key={p.id} role="listitem" className="vlist-row" style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}>
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
