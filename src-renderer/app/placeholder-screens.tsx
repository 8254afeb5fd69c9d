import { EmptyState } from '../ui/EmptyState';
import { CatalogIcon, OrdersIcon, ProposalsIcon } from '../ui/icons';
import { ScreenHeader } from '../ui/ScreenHeader';
import { useNav } from './nav-store';

/*
 * Screens shown until their feature lands. Each says what the screen is for and what to
 * do next; the feature's own screen replaces its entry in routes.tsx.
 */

export function ProposalsPlaceholder() {
  const go = useNav((s) => s.go);
  return (
    <>
      <ScreenHeader title="Proposals" subtitle="Accepted Portal.io proposals, ready to become supplier orders." />
      <EmptyState
        icon={<ProposalsIcon size={28} />}
        title="No proposals yet"
        actions={
          <button type="button" className="btn btn-primary" onClick={() => go('settings')}>
            Connect Portal.io
          </button>
        }
      >
        <p>Connect your Portal.io account in Settings. Accepted proposals then appear here, and you can turn each into an order in one click.</p>
      </EmptyState>
    </>
  );
}

export function CatalogPlaceholder() {
  const go = useNav((s) => s.go);
  return (
    <>
      <ScreenHeader title="Catalog" subtitle="Supplier products and prices, searchable offline." />
      <EmptyState
        icon={<CatalogIcon size={28} />}
        title="The catalog is empty"
        actions={
          <button type="button" className="btn btn-primary" onClick={() => go('settings')}>
            Set up SRS Distribution
          </button>
        }
      >
        <p>Add your SRS Distribution credentials in Settings, then sync the catalog to search products and prices without a connection.</p>
      </EmptyState>
    </>
  );
}

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
