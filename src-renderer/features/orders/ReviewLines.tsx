import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { DraftView } from '../../../src-shared/ipc/orders';
import { LineRow } from './LineRow';
import { useOrders } from './orders-store';

/** Above this many lines only the rows in view are rendered. */
export const VIRTUALIZE_ABOVE = 100;

function HeaderRow() {
  return (
    <div role="rowgroup" className="lines-head">
      <div role="row" className="line-row">
        <div role="columnheader" className="c-item">
          Item (as proposed)
        </div>
        <div role="columnheader" className="c-qty">
          Proposed → order
        </div>
        <div role="columnheader" className="c-product">
          SRS product
        </div>
        <div role="columnheader" className="c-price num">
          Unit price
        </div>
        <div role="columnheader" className="c-ext num">
          Extended
        </div>
        <div role="columnheader" className="c-stock">
          Stock
        </div>
        <div role="columnheader" className="c-actions">
          <span className="visually-hidden">Actions</span>
        </div>
      </div>
    </div>
  );
}

function VirtualBody(props: { draft: DraftView }) {
  const d = props.draft;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: d.lines.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 76,
    overscan: 6,
    getItemKey: (i) => d.lines[i]!.key,
  });
  return (
    <div className="lines-scroll" ref={scrollRef} tabIndex={-1}>
      <div role="rowgroup" className="vlist-sizer" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((row) => {
          const line = d.lines[row.index]!;
          return (
            <div key={row.key} ref={virtualizer.measureElement} data-index={row.index} className="vline" style={{ transform: `translateY(${row.start}px)` }}>
              <LineRow line={line} index={row.index} currency={d.currency} branchCode={d.branchCode} priceTtlMs={d.priceTtlMs} />
            </div>
          );
        })}
      </div>
    </div>
  );
}

/** Lines the user removed (or kit parents that are not products), with a way to put them back. */
function RemovedLines(props: { draft: DraftView }) {
  const updateDraft = useOrders((s) => s.updateDraft);
  const removed = props.draft.removed;
  if (removed.length === 0) return null;
  const byUser = removed.filter((r) => r.reason === 'removed-by-user');
  return (
    <details className="removed-lines" open={byUser.length > 0}>
      <summary>
        Not on this order ({removed.length}){byUser.length ? ` · ${byUser.length} removed by you` : ''}
      </summary>
      <ul>
        {removed.map((r) => (
          <li key={r.key}>
            <span>{r.description}</span>
            <span className="muted">{r.reason === 'kit-parent' ? 'Kit parent: its parts are ordered, it is not a product itself' : 'Removed by you'}</span>
            {r.reason === 'removed-by-user' ? (
              <button type="button" className="btn btn-sm" onClick={() => void updateDraft({ lines: [{ key: r.key, set: { removed: false } }] })}>
                Put back
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** The draft's lines as an editable table; problems sit under their line with their fixes. */
export function ReviewLines(props: { draft: DraftView }) {
  const d = props.draft;
  const virtual = d.lines.length > VIRTUALIZE_ABOVE;
  const blockingLines = d.lines.filter((l) => l.problems.some((p) => p.blocking)).length;
  return (
    <section className="card review-card lines-card" aria-labelledby="lines-title">
      <div className="card-header">
        <div>
          <h2 className="card-title" id="lines-title">
            Lines
          </h2>
          <p className="card-subtitle">
            {d.lines.length} line{d.lines.length === 1 ? '' : 's'} · quantities rounded up to whole selling units
            {blockingLines ? (
              <>
                {' · '}
                <span className="text-danger">
                  {blockingLines} need{blockingLines === 1 ? 's' : ''} attention
                </span>
              </>
            ) : null}
          </p>
        </div>
      </div>
      <div role="table" className={`lines-table${virtual ? ' lines-virtual' : ''}`} aria-label="Order lines">
        <HeaderRow />
        {virtual ? (
          <VirtualBody draft={d} />
        ) : (
          <div role="rowgroup">
            {d.lines.map((l, i) => (
              <LineRow key={l.key} line={l} index={i} currency={d.currency} branchCode={d.branchCode} priceTtlMs={d.priceTtlMs} />
            ))}
          </div>
        )}
        {d.lines.length === 0 ? <p className="lines-empty muted">No lines: every item was removed or the accepted options hold only labor.</p> : null}
      </div>
      <RemovedLines draft={d} />
    </section>
  );
}
