import { useEffect, useRef, useState } from 'react';
import { ORDER_STATUSES } from '../../../src-shared/domain/order-status';
import type { OrderSummary } from '../../../src-shared/ipc/orders';
import { useNav } from '../../app/nav-store';
import { EmptyState } from '../../ui/EmptyState';
import { OrdersIcon } from '../../ui/icons';
import { ScreenHeader } from '../../ui/ScreenHeader';
import { dateTime, money, shortDate, STATUS_LABEL, statusTone, supplierName } from './format';
import { useOrders } from './orders-store';

export function StatusBadge(props: { order: Pick<OrderSummary, 'status' | 'delayed'> }) {
  const tone = statusTone(props.order.status);
  return (
    <span className="status-badges">
      <span className={`badge${tone ? ` badge-${tone}` : ''}`}>{STATUS_LABEL[props.order.status]}</span>
      {props.order.delayed && props.order.status !== 'delivered' && props.order.status !== 'cancelled' ? <span className="badge badge-warning">Delayed</span> : null}
    </span>
  );
}

function Filters() {
  const { status, setFilter } = useOrders();
  const [text, setText] = useState(useOrders.getState().text);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const onText = (v: string) => {
    setText(v);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setFilter({ text: v }), 150);
  };
  return (
    <div className="list-toolbar" role="search">
      <input
        className="input"
        type="search"
        placeholder="Search proposal, PO or SRS order number"
        aria-label="Search orders"
        value={text}
        onChange={(e) => onText(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && text && (e.preventDefault(), onText(''))}
      />
      <select className="select status-filter" aria-label="Status" value={status} onChange={(e) => setFilter({ status: e.target.value as typeof status })}>
        <option value="">All statuses</option>
        {ORDER_STATUSES.map((s) => (
          <option key={s} value={s}>
            {STATUS_LABEL[s]}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Every order with supplier, status, ETA and total; filterable; a row opens the order. */
export function OrderList() {
  const s = useOrders();
  const go = useNav((n) => n.go);
  useEffect(() => {
    void useOrders.getState().loadList();
  }, []);
  const filtered = s.status !== '' || s.text.trim() !== '';
  const open = (id: number) => go('orders', { orderId: String(id) });

  return (
    <>
      <ScreenHeader
        title="Orders"
        subtitle="Supplier orders and their status, from draft to delivered."
        actions={
          s.total > 0 || filtered ? (
            <button type="button" className="btn" onClick={() => void s.syncAll()} disabled={s.syncing}>
              {s.syncing ? 'Checking…' : 'Check status now'}
            </button>
          ) : null
        }
      />
      {s.listError ? (
        <p className="field-error" role="alert">
          {s.listError.message}
        </p>
      ) : null}
      {!s.listLoaded ? (
        <div className="loading" role="status">
          <span className="spinner" aria-hidden="true" /> Loading orders…
        </div>
      ) : s.items.length === 0 && !filtered ? (
        <EmptyState
          icon={<OrdersIcon size={28} />}
          title="Your orders will appear here"
          actions={
            <button type="button" className="btn" onClick={() => go('proposals')}>
              Go to Proposals
            </button>
          }
        >
          <p>No orders yet. Open an accepted proposal and click Create order.</p>
        </EmptyState>
      ) : (
        <>
          <Filters />
          <p className="muted list-count" role="status">
            {s.total.toLocaleString()} order{s.total === 1 ? '' : 's'}
            {s.listLoading ? ' · loading…' : ''}
          </p>
          {s.items.length === 0 ? (
            <EmptyState icon={<OrdersIcon size={28} />} title="No orders match">
              <p>Change the search or the status filter.</p>
            </EmptyState>
          ) : (
            <div className="table-wrap">
              <table className="table orders-table">
                <thead>
                  <tr>
                    <th scope="col">Order</th>
                    <th scope="col">Proposal</th>
                    <th scope="col">Supplier</th>
                    <th scope="col">Status</th>
                    <th scope="col">ETA</th>
                    <th scope="col" className="num">
                      Total
                    </th>
                    <th scope="col">Updated</th>
                  </tr>
                </thead>
                <tbody>
                  {s.items.map((o) => (
                    <tr key={o.id} className="order-row" onClick={() => open(o.id)}>
                      <td>
                        <button type="button" className="link-btn order-link" onClick={(e) => (e.stopPropagation(), open(o.id))} aria-label={`Order ${o.id}, proposal ${o.proposalNumber}, ${STATUS_LABEL[o.status]}`}>
                          #{o.id}
                        </button>
                        {o.supplierOrderId ? <div className="muted mono small">SRS {o.supplierOrderId}</div> : null}
                      </td>
                      <td>
                        <div className="order-proposal">#{o.proposalNumber} · {o.proposalName}</div>
                        <div className="muted small">{o.lineCount} line{o.lineCount === 1 ? '' : 's'}</div>
                      </td>
                      <td>
                        {supplierName(o.supplier)}
                        <div className="muted small">Branch {o.branchCode}</div>
                      </td>
                      <td>
                        <StatusBadge order={o} />
                        {o.invoiceDifferences ? <div className="text-warning small">{o.invoiceDifferences} invoice difference{o.invoiceDifferences === 1 ? '' : 's'}</div> : null}
                      </td>
                      <td>{o.status === 'delivered' ? <span className="muted">Delivered</span> : shortDate(o.eta)}</td>
                      <td className="num">{money(o.totalCents, o.currency)}</td>
                      <td className="muted">{dateTime(o.updatedAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </>
  );
}
