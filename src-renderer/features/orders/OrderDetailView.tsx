import { useEffect, useId, useState } from 'react';
import type { OrderStatus } from '../../../src-shared/domain/order-status';
import type { LineSourceView, OrderDetail } from '../../../src-shared/ipc/orders';
import { useNav } from '../../app/nav-store';
import { useProposals } from '../proposals/proposals-store';
import { ExternalLink } from '../../ui/ExternalLink';
import { AlertIcon } from '../../ui/icons';
import { ConfirmDialog } from './ConfirmDialog';
import { ageText, dateTime, money, qty, shortDate, STATUS_LABEL, supplierName } from './format';
import { StatusBadge } from './OrderList';
import { useOrders } from './orders-store';

type Detail = OrderDetail;
const STEPS: OrderStatus[] = ['submitted', 'acknowledged', 'shipped', 'delivered'];

const goOrder = (id: number) => useNav.getState().go('orders', { orderId: String(id) });

function openProposal(id: number) {
  useNav.getState().go('proposals');
  void useProposals.getState().open(id);
}

/** Submitted → acknowledged → shipped → delivered, with the current step marked. */
function Progress(props: { status: OrderStatus }) {
  const at = STEPS.indexOf(props.status);
  const before = props.status === 'draft' || props.status === 'ready' || props.status === 'submitting';
  if (props.status === 'failed' || props.status === 'cancelled') return null;
  return (
    <ol className="progress-steps" aria-label="Progress">
      {STEPS.map((s, i) => {
        const state = before ? 'todo' : i < at || props.status === 'delivered' ? 'done' : i === at ? 'current' : 'todo';
        return (
          <li key={s} className={`step step-${state}`} aria-current={state === 'current' ? 'step' : undefined}>
            <span className="step-dot" aria-hidden="true" />
            <span className="step-label">{STATUS_LABEL[s]}</span>
          </li>
        );
      })}
    </ol>
  );
}

function Timeline(props: { detail: Detail }) {
  const events = props.detail.timeline;
  return (
    <section className="card order-section" aria-labelledby="timeline-title">
      <div className="card-header">
        <h2 className="card-title" id="timeline-title">
          Timeline
        </h2>
      </div>
      <ol className="timeline">
        {events.length === 0 ? <li className="muted">No events yet.</li> : null}
        {events.map((e) => (
          <li key={e.id} className={`tl-event tl-${e.kind}${e.toStatus ? ` tl-${e.toStatus}` : ''}`}>
            <span className="tl-dot" aria-hidden="true" />
            <div className="tl-body">
              <div className="tl-head">
                {e.kind === 'status' && e.toStatus ? (
                  <strong>{STATUS_LABEL[e.toStatus]}</strong>
                ) : e.kind === 'link' && e.linkOrderId !== null ? (
                  <strong>
                    {e.linkKind === 'amended-by' ? 'Amended by ' : 'Amends '}
                    <button type="button" className="link-btn" onClick={() => goOrder(e.linkOrderId!)}>
                      order #{e.linkOrderId}
                    </button>
                  </strong>
                ) : (
                  <strong>Note</strong>
                )}
                <time className="muted" dateTime={e.at}>
                  {dateTime(e.at)}
                </time>
              </div>
              {e.reason ? <p className="tl-reason">{e.reason}</p> : null}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

const itemName = (s: LineSourceView) => [s.brand, s.model].filter(Boolean).join(' ') || s.description;

/** The proposal items behind an order line: the item named once when all share it, then quantity and area of each. */
function ProposedItems(props: { sources: LineSourceView[] }) {
  const names = [...new Set(props.sources.map(itemName))];
  const shared = names.length === 1 ? names[0]! : null;
  return (
    <div className="proposed">
      {shared ? <div className="proposed-name">{shared}</div> : null}
      <ul className="proposed-list">
        {props.sources.map((s) => (
          <li key={s.sourceItemId}>
            <span className="nowrap">
              {qty(s.quantity)} {s.uom ?? ''}
            </span>
            {shared ? null : <> {itemName(s)}</>}
            <span className="muted">
              {' · '}
              {s.areaName}
              {s.origin.kind === 'change-order' ? ` · ${s.originLabel}` : ''}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Lines(props: { detail: Detail }) {
  const { order, lines } = props.detail;
  const cur = order.currency;
  return (
    <section className="card order-section" aria-labelledby="ordered-lines-title">
      <div className="card-header">
        <div>
          <h2 className="card-title" id="ordered-lines-title">
            Lines as ordered and as proposed
          </h2>
          <p className="card-subtitle">{lines.length} lines · proposal cost {money(lines.reduce((s, l) => s + l.proposalCostCents, 0), cur)}</p>
        </div>
      </div>
      <div className="table-wrap">
        <table className="table order-lines">
          <thead>
            <tr>
              <th scope="col">As ordered (SRS)</th>
              <th scope="col" className="num">
                Qty
              </th>
              <th scope="col" className="num">
                Unit price
              </th>
              <th scope="col" className="num">
                Extended
              </th>
              <th scope="col">As proposed</th>
              <th scope="col" className="num">
                Proposal cost
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr key={l.lineNo}>
                <td>
                  <div className="product-name">{l.productName}</div>
                  <div className="muted small">
                    #{l.productId}
                    {l.option && l.option !== 'N/A' ? ` · ${l.option}` : ''}
                    {l.substitutedFor !== null ? ` · substitute for #${l.substitutedFor}` : ''}
                  </div>
                </td>
                <td className="num nowrap">
                  {qty(l.quantity)} {l.uom}
                </td>
                <td className="num">{money(l.unitPriceCents, cur)}</td>
                <td className="num">{money(l.extendedCents, cur)}</td>
                <td>
                  <ProposedItems sources={l.proposed} />
                </td>
                <td className="num">{money(l.proposalCostCents, cur)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={3}>
                Order total
              </th>
              <td className="num total-strong">{money(order.totalCents, cur)}</td>
              <td colSpan={2} />
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}

/** Why nothing more will arrive for an order that ended early; null while it is still open. */
function closedWithout(detail: Detail): string | null {
  if (detail.order.status === 'cancelled') return 'The order was cancelled; nothing is delivered or invoiced.';
  if (detail.order.status === 'failed') return 'The order did not reach SRS.';
  return null;
}

function Deliveries(props: { detail: Detail }) {
  const d = props.detail.deliveries;
  return (
    <section className="card order-section" aria-labelledby="deliveries-title">
      <div className="card-header">
        <h2 className="card-title" id="deliveries-title">
          Deliveries
        </h2>
      </div>
      <div className="card-body">
        {d.length === 0 ? (
          <p className="muted">{closedWithout(props.detail) ?? 'SRS schedules the delivery once it acknowledges the order.'}</p>
        ) : null}
        <ul className="deliveries">
          {d.map((x) => (
            <li key={x.deliveryId} className="delivery">
              <div className="delivery-head">
                <strong>{x.status}</strong>
                <span className="muted mono small">{x.deliveryId}</span>
              </div>
              <dl className="dl">
                <dt>ETA</dt>
                <dd>{shortDate(x.eta)}</dd>
                {x.deliveredAt ? (
                  <>
                    <dt>Delivered</dt>
                    <dd>{dateTime(x.deliveredAt)}</dd>
                  </>
                ) : null}
                {x.proofOfDelivery ? (
                  <>
                    <dt>Proof of delivery</dt>
                    <dd>
                      {x.proofOfDelivery.signedBy ? `Signed by ${x.proofOfDelivery.signedBy}` : 'Not signed'}
                      {x.proofOfDelivery.photos.map((url, i) => (
                        <span key={url} className="pod-link">
                          {' · '}
                          <ExternalLink href={url}>Photo {i + 1}</ExternalLink>
                        </span>
                      ))}
                    </dd>
                  </>
                ) : null}
              </dl>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

function Invoices(props: { detail: Detail }) {
  const inv = props.detail.invoices;
  const cur = props.detail.order.currency;
  return (
    <section className="card order-section" aria-labelledby="invoices-title">
      <div className="card-header">
        <h2 className="card-title" id="invoices-title">
          Invoices
        </h2>
      </div>
      <div className="card-body">
        {inv.length === 0 ? (
          <p className="muted">{closedWithout(props.detail) ?? 'SRS invoices the order once it ships; each invoice is matched against the order here.'}</p>
        ) : null}
        {inv.map((i) => (
          <div key={i.invoiceNumber} className="invoice">
            <div className="invoice-head">
              <strong>Invoice {i.invoiceNumber}</strong>
              <span className="muted">{shortDate(i.invoiceDate)}</span>
              {i.differences.length ? (
                <span className="badge badge-warning">
                  {i.differences.length} difference{i.differences.length === 1 ? '' : 's'}
                </span>
              ) : (
                <span className="badge badge-success">Matches the order</span>
              )}
              <span className="invoice-total num">
                {i.subtotalCents !== null ? <span className="muted small">{money(i.subtotalCents, cur)} + tax {money(i.taxCents, cur)} = </span> : null}
                <strong>{money(i.totalCents, cur)}</strong>
              </span>
            </div>
            {i.differences.length ? (
              <ul className="invoice-diffs" aria-label={`Differences on invoice ${i.invoiceNumber}`}>
                {i.differences.map((d, k) => (
                  <li key={k}>
                    <AlertIcon size={14} />
                    <span>{d.message}</span>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ))}
      </div>
    </section>
  );
}

function Actions(props: { detail: Detail }) {
  const { cancelOrder, amendOrder } = useOrders();
  const [asking, setAsking] = useState<'cancel' | 'amend' | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const reasonId = useId();
  const o = props.detail.order;
  if (!props.detail.canCancel && !props.detail.canAmend) return null;
  const run = async (action: () => Promise<boolean>) => {
    setBusy(true);
    const ok = await action();
    setBusy(false);
    if (ok) setAsking(null);
  };
  return (
    <>
      {props.detail.canAmend ? (
        <button type="button" className="btn" onClick={() => setAsking('amend')}>
          Amend…
        </button>
      ) : null}
      {props.detail.canCancel ? (
        <button type="button" className="btn btn-danger" onClick={() => setAsking('cancel')}>
          Cancel order…
        </button>
      ) : null}
      <ConfirmDialog
        open={asking === 'cancel'}
        title={`Cancel order #${o.id}?`}
        confirmLabel="Cancel the order"
        cancelLabel="Keep the order"
        danger
        busy={busy}
        onCancel={() => setAsking(null)}
        onConfirm={() => void run(() => cancelOrder(o.id, reason))}
      >
        <p>{o.supplierOrderId ? `SRS is asked to cancel order ${o.supplierOrderId}. SRS refuses once the order has shipped.` : 'The order has not reached SRS yet; it is cancelled here and never sent.'}</p>
        <div className="field dialog-field">
          <label className="field-label" htmlFor={reasonId}>
            Reason (optional, kept in the timeline)
          </label>
          <textarea id={reasonId} className="input textarea" rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
      </ConfirmDialog>
      <ConfirmDialog
        open={asking === 'amend'}
        title={`Amend order #${o.id}?`}
        confirmLabel="Open the amendment"
        busy={busy}
        onCancel={() => setAsking(null)}
        onConfirm={() => void run(() => amendOrder(o.id))}
      >
        <p>SRS orders cannot be edited. Amending opens a new draft with this order’s lines; when you submit it, order #{o.id} is cancelled with SRS and the new order is placed. Both timelines link to each other.</p>
        <p className="muted">Nothing changes until you submit the amendment.</p>
      </ConfirmDialog>
    </>
  );
}

/** One order: status and progress, ids, actions, timeline, lines, deliveries and invoices. */
export function OrderDetailView(props: { id: number }) {
  const { detail, detailError, detailLoading, openOrder, syncOrder, syncing } = useOrders();
  const go = useNav((s) => s.go);
  useEffect(() => {
    void openOrder(props.id);
  }, [props.id, openOrder]);

  const back = (
    <button type="button" className="btn btn-ghost btn-sm" onClick={() => go('orders')}>
      ← All orders
    </button>
  );
  if (!detail || detail.order.id !== props.id) {
    return (
      <>
        <div className="detail-toolbar">{back}</div>
        {detailError ? (
          <p className="field-error" role="alert">
            {detailError.message}
          </p>
        ) : (
          <div className="loading" role="status">
            <span className="spinner" aria-hidden="true" /> Loading order #{props.id}…
          </div>
        )}
      </>
    );
  }
  const o = detail.order;
  const h = detail.header;
  const open = o.status !== 'delivered' && o.status !== 'cancelled' && o.status !== 'failed';
  return (
    <article className="order-detail" aria-labelledby="screen-title" aria-busy={detailLoading}>
      <div className="detail-toolbar">
        {back}
        <span className="muted sync-note">Checked with SRS {ageText(o.lastCheckedAt)}</span>
        <button type="button" className="btn btn-sm" onClick={() => void syncOrder(o.id)} disabled={syncing}>
          {syncing ? 'Checking…' : 'Check status now'}
        </button>
      </div>
      <header className="screen-header order-head">
        <div>
          <h1 className="screen-title" id="screen-title">
            Order #{o.id} <StatusBadge order={o} />
          </h1>
          <p className="screen-subtitle">
            Proposal{' '}
            <button type="button" className="link-btn" onClick={() => openProposal(o.proposalId)}>
              #{o.proposalNumber}
            </button>{' '}
            · {o.proposalName} → {supplierName(o.supplier)}
          </p>
        </div>
        <div className="screen-actions">
          <Actions detail={detail} />
        </div>
      </header>
      {o.statusReason && (o.status === 'failed' || o.status === 'cancelled' || o.delayed) ? (
        <div className={`callout ${o.status === 'failed' ? 'callout-danger' : 'callout-warning'} review-callout`} role={o.status === 'failed' ? 'alert' : undefined}>
          <span className="callout-icon">
            <AlertIcon />
          </span>
          <p>{o.statusReason}</p>
        </div>
      ) : null}
      <Progress status={o.status} />
      <section className="card order-facts" aria-label="Order facts">
        <dl className="facts">
          <div>
            <dt>SRS order</dt>
            <dd className="mono" data-testid="supplier-order-id">
              {o.supplierOrderId ?? (o.queueId ? `queued (${o.queueId})` : '—')}
            </dd>
          </div>
          <div>
            <dt>Transaction ID</dt>
            <dd className="mono small break">{o.transactionId}</dd>
          </div>
          <div>
            <dt>Branch · job account</dt>
            <dd>
              {o.branchCode} · {o.jobAccountNumber ?? '—'}
            </dd>
          </div>
          <div>
            <dt>PO number</dt>
            <dd>{h.poNumber || '—'}</dd>
          </div>
          <div>
            <dt>{h.delivery.method === 'Will Call' ? 'Will call' : h.delivery.method}</dt>
            <dd>
              {shortDate(`${h.delivery.date}T12:00:00`)} {h.delivery.time && h.delivery.time !== 'Anytime' ? h.delivery.time : ''}
            </dd>
          </div>
          <div>
            <dt>ETA</dt>
            <dd className={o.delayed && open ? 'text-warning' : undefined}>{o.status === 'delivered' ? 'Delivered' : shortDate(o.eta)}</dd>
          </div>
          <div>
            <dt>Total</dt>
            <dd className="total-strong">{money(o.totalCents, o.currency)}</dd>
          </div>
          <div>
            <dt>Ship to</dt>
            <dd>
              {h.delivery.method === 'Will Call'
                ? 'Pick-up at the branch'
                : [h.shipTo.addressLine1, h.shipTo.city, [h.shipTo.state, h.shipTo.zipCode].filter(Boolean).join(' ')].filter(Boolean).join(', ')}
            </dd>
          </div>
        </dl>
      </section>
      <div className="order-columns">
        <Timeline detail={detail} />
        <div className="order-stack">
          <Deliveries detail={detail} />
          <Invoices detail={detail} />
        </div>
      </div>
      <Lines detail={detail} />
    </article>
  );
}
