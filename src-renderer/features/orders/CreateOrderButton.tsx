import { useEffect, useId, useState } from 'react';
import type { OrderSummary } from '../../../src-shared/ipc/orders';
import { api } from '../../api';
import { useNav } from '../../app/nav-store';
import { ConfirmDialog } from './ConfirmDialog';
import { STATUS_LABEL } from './format';
import { useOrders } from './orders-store';

/** Orders that still count: a cancelled or failed order does not stop a new one. */
const isOpen = (o: OrderSummary) => o.status !== 'cancelled' && o.status !== 'failed';

/**
 * "Create order" on a proposal: enabled for accepted proposals, otherwise disabled with the
 * reason. When the proposal already has an open order it links to it and asks before
 * starting a second one.
 */
export function CreateOrderButton(props: { proposal: { id: number; number: number | string; status: string } }) {
  const p = props.proposal;
  const [existing, setExisting] = useState<OrderSummary | null>(null);
  const [asking, setAsking] = useState(false);
  const reasonId = useId();

  useEffect(() => {
    let live = true;
    void api.orders.list({ proposalId: p.id, limit: 20 }).then((reply) => {
      if (live && reply.ok) setExisting(reply.value.items.find(isOpen) ?? null);
    });
    return () => {
      live = false;
    };
  }, [p.id]);

  const accepted = p.status === 'Accepted';
  const reason = accepted ? null : `Only accepted proposals can be ordered; this one is ${p.status.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}.`;
  const openExisting = () => existing && useNav.getState().go('orders', { orderId: String(existing.id) });

  return (
    <div className="create-order">
      {reason ? (
        <span className="muted create-order-note" id={reasonId}>
          {reason}
        </span>
      ) : existing ? (
        <span className="create-order-note" id={reasonId}>
          Already ordered:{' '}
          <button type="button" className="link-btn" onClick={openExisting}>
            order #{existing.id}
          </button>{' '}
          <span className="muted">({STATUS_LABEL[existing.status].toLowerCase()})</span>
        </span>
      ) : null}
      <button
        type="button"
        className="btn btn-primary btn-sm"
        disabled={!accepted}
        aria-describedby={reason || existing ? reasonId : undefined}
        onClick={() => (existing ? setAsking(true) : useOrders.getState().startReview(p.id))}
      >
        Create order
      </button>
      <ConfirmDialog
        open={asking}
        title={`Proposal #${p.number} was already ordered`}
        confirmLabel="Create another order"
        onCancel={() => setAsking(false)}
        onConfirm={() => {
          setAsking(false);
          useOrders.getState().startReview(p.id, { orderAgain: true });
        }}
      >
        {existing ? (
          <p>
            Order #{existing.id} ({STATUS_LABEL[existing.status].toLowerCase()}
            {existing.supplierOrderId ? `, SRS ${existing.supplierOrderId}` : ''}) was placed for this proposal.{' '}
            <button
              type="button"
              className="link-btn"
              onClick={() => {
                setAsking(false);
                openExisting();
              }}
            >
              Open order #{existing.id}
            </button>
          </p>
        ) : null}
        <p>A second order sends the same material to SRS again. Create it only if you really need it twice.</p>
      </ConfirmDialog>
    </div>
  );
}
