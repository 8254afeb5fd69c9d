import { useNav } from '../../app/nav-store';
import { OrderDetailView } from './OrderDetailView';
import { OrderList } from './OrderList';
import { watchOrders } from './orders-store';
import { ReviewScreen } from './ReviewScreen';
import './orders.css';

// Order events are followed for the whole session (toasts on any screen), from the moment
// the Orders route is registered.
watchOrders();

/** The Orders route: the list, one order (`orderId`), or the review of a proposal's draft (`proposalId`). */
export function OrdersScreen() {
  const params = useNav((s) => s.params);
  const proposalId = Number(params.proposalId);
  const orderId = Number(params.orderId);
  if (Number.isSafeInteger(proposalId) && proposalId > 0) return <ReviewScreen proposalId={proposalId} />;
  if (Number.isSafeInteger(orderId) && orderId > 0) return <OrderDetailView id={orderId} />;
  return <OrderList />;
}
