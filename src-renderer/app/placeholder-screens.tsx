import { EmptyState } from '../ui/EmptyState';
import { OrdersIcon } from '../ui/icons';
import { ScreenHeader } from '../ui/ScreenHeader';
import { useNav } from './nav-store';

/*
 * Screens shown until their feature lands. Each says what the screen is for and what to
 * do next; the feature's own screen replaces its entry in routes.tsx.
 */

export function OrdersPlaceholder() {
  const go = useNav((s) => s.go);
  return (
    <>
      <ScreenHeader title="Orders" subtitle="Supplier orders and their status, from draft to delivered." />
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
    </>
  );
}
