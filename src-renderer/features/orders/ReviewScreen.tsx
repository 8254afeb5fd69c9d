import { useEffect } from 'react';
import type { DraftView } from '../../../src-shared/ipc/orders';
import { useNav } from '../../app/nav-store';
import { useProposals } from '../proposals/proposals-store';
import { AlertIcon, InfoIcon } from '../../ui/icons';
import { ScreenHeader } from '../../ui/ScreenHeader';
import { ageText, STATUS_LABEL } from './format';
import { useOrders } from './orders-store';
import { AddressCards, ChangeOrdersCard, OrderDetailsCard } from './ReviewHeaderForm';
import { ReviewLines } from './ReviewLines';
import { SubmitBar } from './SubmitBar';

function openProposal(id: number) {
  useNav.getState().go('proposals');
  void useProposals.getState().open(id);
}

/** The proposal already has an open order: a link to it, and an explicit "order again". */
function AlreadyOrdered(props: { draft: DraftView }) {
  const { review, setOrderAgain } = useOrders();
  const e = props.draft.existingOrder;
  if (!e || props.draft.amendsOrderId === e.id) return null;
  return (
    <div className="callout callout-warning review-callout" role="alert">
      <span className="callout-icon">
        <AlertIcon />
      </span>
      <div className="callout-body">
        <p>
          <strong>Already ordered.</strong> Proposal #{props.draft.proposalNumber} has order{' '}
          <button type="button" className="link-btn" onClick={() => useNav.getState().go('orders', { orderId: String(e.id) })}>
            #{e.id}
          </button>{' '}
          ({STATUS_LABEL[e.status].toLowerCase()}
          {e.supplierOrderId ? `, SRS ${e.supplierOrderId}` : ''}, {ageText(e.createdAt)}). Submitting places a second order with SRS.
        </p>
        <label className="checkbox confirm-again">
          <input type="checkbox" checked={review.orderAgain} onChange={(ev) => setOrderAgain(ev.target.checked)} />
          <span>I want to order this proposal again</span>
        </label>
      </div>
    </div>
  );
}

function PriceChanges() {
  const changes = useOrders((s) => s.review.changes);
  if (changes.length === 0) return null;
  return (
    <div className="callout callout-warning review-callout" role="alert">
      <span className="callout-icon">
        <AlertIcon />
      </span>
      <div className="callout-body">
        <p>
          <strong>Nothing was ordered:</strong> SRS prices or stock changed since this draft was priced. The lines below show the new values; submit again when
          they look right.
        </p>
        <ul className="change-list">
          {changes.map((c) => (
            <li key={`${c.key}-${c.kind}`}>
              <strong>{c.productName}</strong>: {c.message}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

function Loading(props: { proposalId: number }) {
  return (
    <>
      <ScreenHeader title="New order" subtitle={`Proposal ${props.proposalId}`} />
      <div className="loading review-loading" role="status">
        <span className="spinner" aria-hidden="true" />
        Building the order: mapping items to SRS products, converting units and fetching prices…
      </div>
    </>
  );
}

/** One screen from proposal to order: lines, problems with fixes, delivery, addresses, totals, Submit. */
export function ReviewScreen(props: { proposalId: number }) {
  const { review, loadDraft, reprice } = useOrders();
  const d = review.draft;

  useEffect(() => {
    const r = useOrders.getState().review;
    if (r.proposalId !== props.proposalId || (!r.draft && !r.loading)) void loadDraft(props.proposalId);
    else void useOrders.getState().loadPickers();
  }, [props.proposalId, loadDraft]);

  if (!d || d.proposalId !== props.proposalId) {
    if (review.error && !review.loading) {
      return (
        <>
          <ScreenHeader title="New order" />
          <div className="callout callout-danger" role="alert">
            <span className="callout-icon">
              <AlertIcon />
            </span>
            <div className="callout-body">
              <p>
                <strong>The order could not be prepared.</strong> {review.error.message}
              </p>
              <div className="fix-row">
                <button type="button" className="btn btn-sm" onClick={() => void loadDraft(props.proposalId)}>
                  Try again
                </button>
                <button type="button" className="btn btn-sm btn-ghost" onClick={() => openProposal(props.proposalId)}>
                  Back to the proposal
                </button>
              </div>
            </div>
          </div>
        </>
      );
    }
    return <Loading proposalId={props.proposalId} />;
  }

  const stale = d.oldestPriceAt !== null && Date.now() - Date.parse(d.oldestPriceAt) > d.priceTtlMs;
  return (
    <div className="review-screen" aria-busy={review.saving > 0 || review.loading}>
      <div className="detail-toolbar">
        <button type="button" className="btn btn-ghost btn-sm" onClick={() => openProposal(d.proposalId)}>
          ← Proposal #{d.proposalNumber}
        </button>
        <span className="muted sync-note" role="status">
          {review.saving > 0 ? 'Saving…' : `Prices ${d.oldestPriceAt ? `from ${ageText(d.oldestPriceAt)}` : 'not fetched yet'}${stale ? ' (stale)' : ''}`}
        </span>
        <button type="button" className="btn btn-sm" onClick={() => void reprice()} disabled={review.saving > 0}>
          Re-price
        </button>
      </div>
      <ScreenHeader
        title={d.amendsOrderId !== null ? `Amend order #${d.amendsOrderId}` : 'New order'}
        subtitle={
          <>
            Proposal #{d.proposalNumber} · {d.proposalName}
            {d.customerName ? ` · ${d.customerName}` : ''} → SRS Distribution, branch {d.branchCode}
          </>
        }
      />
      {d.amendsOrderId !== null ? (
        <div className="callout review-callout">
          <span className="callout-icon">
            <InfoIcon />
          </span>
          <p>
            This order replaces order #{d.amendsOrderId}. Submitting cancels #{d.amendsOrderId} with SRS and places this one; the two are linked in their timelines.
          </p>
        </div>
      ) : null}
      <AlreadyOrdered draft={d} />
      <PriceChanges />
      <ReviewLines draft={d} />
      <ChangeOrdersCard draft={d} />
      <OrderDetailsCard draft={d} />
      <AddressCards draft={d} />
      <SubmitBar draft={d} />
    </div>
  );
}
