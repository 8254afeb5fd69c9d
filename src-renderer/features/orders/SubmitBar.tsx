import { useId, useState } from 'react';
import type { DraftView } from '../../../src-shared/ipc/orders';
import { money, percent } from './format';
import { useOrders } from './orders-store';

/** Why Submit is disabled right now, first reason first; empty when it can be pressed. */
export function submitBlockers(draft: DraftView, opts: { orderAgain: boolean; saving: boolean }): string[] {
  const reasons = [...draft.blockingReasons];
  const e = draft.existingOrder;
  if (e && draft.amendsOrderId !== e.id && !opts.orderAgain) {
    reasons.unshift(`Proposal #${draft.proposalNumber} was already ordered (order #${e.id}); confirm that you want to order it again.`);
  }
  if (reasons.length === 0 && opts.saving) reasons.push('Saving your last change…');
  return reasons;
}

/** Totals, margin against the proposal, and Submit (disabled with the reason while anything blocks it). */
export function SubmitBar(props: { draft: DraftView }) {
  const d = props.draft;
  const t = d.totals;
  const { review, submit } = useOrders();
  const [showAll, setShowAll] = useState(false);
  const reasonId = useId();
  const reasons = submitBlockers(d, { orderAgain: review.orderAgain, saving: review.saving > 0 });
  const disabled = reasons.length > 0 || review.submitting;
  const marginDrop = t.liveMarginPercent !== null && t.proposalMarginPercent !== null && t.liveMarginPercent < t.proposalMarginPercent;
  const label = d.amendsOrderId !== null ? `Submit amendment` : 'Submit order';

  return (
    <section className="submit-bar" aria-label="Totals and submit">
      <dl className="submit-totals">
        <div>
          <dt>SRS total</dt>
          <dd className="total-strong" data-testid="draft-total">
            {money(t.totalCents, d.currency)}
          </dd>
          {t.unpricedLineCount ? <dd className="muted small">{t.unpricedLineCount} unpriced</dd> : null}
        </div>
        <div>
          <dt>Proposal cost</dt>
          <dd>{money(t.proposalCostCents, d.currency)}</dd>
        </div>
        <div>
          <dt>Proposal sell</dt>
          <dd>{money(t.proposalSellCents, d.currency)}</dd>
        </div>
        <div>
          <dt>Margin</dt>
          <dd>
            <span title="Proposal sell − proposal cost">{percent(t.proposalMarginPercent)}</span>
            <span className="muted"> → </span>
            <span className={marginDrop ? 'text-danger' : 'text-success'} title="Proposal sell − live SRS cost">
              {percent(t.liveMarginPercent)}
            </span>
          </dd>
          <dd className="muted small">{t.liveMarginCents !== null ? `${money(t.liveMarginCents, d.currency)} at SRS prices` : 'not priced yet'}</dd>
        </div>
      </dl>
      <div className="submit-action">
        {reasons.length ? (
          <div className="submit-reason" id={reasonId} role="status">
            <div className="reason-head">
              Submit is disabled{reasons.length > 1 ? ` · ${reasons.length} things to fix` : ''}
              <span className="visually-hidden">:</span>
            </div>
            <div className="reason-first" title={reasons[0]}>
              {reasons[0]}
            </div>
            {reasons.length > 1 ? (
              <>
                <button type="button" className="link-btn" aria-expanded={showAll} onClick={() => setShowAll(!showAll)}>
                  {showAll ? 'Show less' : `Show all ${reasons.length}`}
                </button>
                {showAll ? (
                  <ul className="reason-list">
                    {reasons.slice(1).map((r, i) => (
                      <li key={i}>{r}</li>
                    ))}
                  </ul>
                ) : null}
              </>
            ) : null}
          </div>
        ) : (
          <div className="submit-reason muted" id={reasonId}>
            Prices and stock are checked again with SRS before the order is sent.
          </div>
        )}
        <button type="button" className="btn btn-primary btn-submit" disabled={disabled} aria-describedby={reasonId} onClick={() => void submit()}>
          {review.submitting ? 'Submitting…' : label}
        </button>
      </div>
    </section>
  );
}
