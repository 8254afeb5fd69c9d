import { AppError } from '../../../src-shared/domain/result';
import type { SubmitResult } from '../../../src-shared/ipc/orders';
import { validateSubmission } from '../../orders/submit-body';
import type { StoredOrder } from '../../store/orders/order-types';
import { SrsAccountRepo } from '../../store/srs/account-repo';
import type { Core } from '../context';
import { SrsAccountService } from '../srs/account-service';
import { srsClient } from '../srs/srs-client';
import { crashPoints } from './crash-points';
import { DraftService, serialized } from './draft-service';
import { ObservedOrdersRepo, OrderNotifier } from './order-events';
import { OrdersQuery } from './orders-query';
import { priceChanges } from './price-recheck';

export type SubmissionCore = Pick<Core, 'db' | 'vendors' | 'log' | 'settings' | 'jobs' | 'env'> & { events?: Core['events'] | null };

/** How a stored order gets sent: the app nudges its running worker, the CLI runs one until the order settles. */
export type SendOrder = (orderId: number) => Promise<StoredOrder>;

/**
 * Submits a proposal's draft: checks the SRS account, warns about an existing order, re-checks
 * every price and stock level live, then writes the order, its lines, transactionID and outbox
 * entry in one transaction before anything is sent. Amending drafts cancel the old order first.
 */
export class SubmissionService {
  private readonly drafts: DraftService;
  private readonly orders: ObservedOrdersRepo;
  private readonly query: OrdersQuery;
  private readonly notifier: OrderNotifier;

  constructor(
    private readonly core: SubmissionCore,
    private readonly send: SendOrder,
  ) {
    this.drafts = new DraftService(core);
    this.notifier = new OrderNotifier(core.events ?? null);
    this.orders = new ObservedOrdersRepo(core.db, this.notifier);
    this.query = new OrdersQuery(core.db);
  }

  /** One submission (or draft edit) of a proposal at a time: a double click cannot place two orders. */
  submit(proposalId: number, o: { again?: boolean } = {}): Promise<SubmitResult> {
    return serialized(this.core.db, proposalId, () => this.submitNow(proposalId, o));
  }

  private async submitNow(proposalId: number, o: { again?: boolean }): Promise<SubmitResult> {
    const crash = crashPoints(this.core.env);
    await this.assertCanOrder();
    const state = this.drafts.current(proposalId);
    const amends = state.amendsOrderId;
    const open = this.orders.findOpenOrderForProposal(String(proposalId));
    if (open && !o.again && open.id !== amends) {
      return {
        outcome: 'already-ordered',
        existingOrder: this.query.summary(open.id),
        message: `Proposal ${open.proposalNumber} was already ordered (order #${open.id}, ${open.status}${open.supplierOrderId ? `, SRS ${open.supplierOrderId}` : ''}). Submit again with "order again" to place a second order.`,
      };
    }

    // Re-check right before submitting: every price and stock level, live from SRS.
    const built = await this.drafts.build(proposalId, state, { refreshPrices: true });
    const changes = priceChanges(state.shown, built.draft.lines, built.draft.currency);
    if (changes.length > 0) {
      const saved = await this.drafts.buildAndSave(proposalId, state, {});
      this.core.log.info('order submission refused: prices or stock changed since the draft', { proposalId, changes: changes.length });
      return { outcome: 'changed', changes, draft: saved.view };
    }
    const issues = [...built.view.blockingReasons];
    for (const i of validateSubmission(built.draft, built.header)) if (!issues.includes(i.message)) issues.push(i.message);
    if (issues.length > 0) {
      throw new AppError('VALIDATION', `The order for proposal ${built.draft.proposalNumber} cannot be submitted yet (${issues.length} problem${issues.length === 1 ? '' : 's'}): ${issues.join(' ')}`);
    }

    crash('before-commit');
    if (amends !== null) await this.cancelAmended(amends);
    const order = this.core.db.transaction(() => {
      const created = this.orders.createOrder(built.draft, built.header, { again: Boolean(o.again) });
      if (amends !== null) this.orders.link(amends, created.id, 'amended-by', `Order #${created.id} replaces order #${amends} (amended: cancelled and placed again).`);
      this.drafts.discard(proposalId);
      return created;
    }).immediate();
    this.notifier.changed(order.id, order.status, null, order.statusReason ?? 'Queued for submission to SRS');
    this.core.log.info('order stored for submission', { orderId: order.id, proposalId, transactionId: order.transactionId });
    crash('after-commit');

    await this.send(order.id);
    return { outcome: 'placed', order: this.query.summary(order.id) };
  }

  /** Ordering needs SRS's customer validation; it is done now (with the configured key) when it never was. */
  private async assertCanOrder(): Promise<void> {
    const account = new SrsAccountService(this.core);
    const code = this.core.vendors.resolve('srs').credentials.customerCode;
    if (code && !new SrsAccountRepo(this.core.db).validation(code) && this.core.vendors.resolve('srs').credentials.integrationKey) await account.validate();
    account.assertCanOrder();
  }

  /** The order being amended is cancelled at SRS before its replacement is placed. */
  private async cancelAmended(orderId: number): Promise<void> {
    const old = this.orders.get(orderId);
    if (old.status === 'cancelled') return;
    if (old.status === 'shipped' || old.status === 'delivered') {
      throw new AppError('CONFLICT', `Order #${orderId} has ${old.status}; it can no longer be cancelled, so it cannot be amended. Order the difference separately.`);
    }
    if (old.status === 'submitting') throw new AppError('CONFLICT', `Order #${orderId} is being sent to SRS right now; amend it once it is submitted.`);
    if (old.status === 'submitted' || old.status === 'acknowledged' || (old.status === 'failed' && (await srsClient(this.core).findOrder(old.transactionId)))) {
      const answer = await srsClient(this.core).cancelOrder({ transactionID: old.transactionId }, `Amended by a new order for proposal ${old.proposalNumber}`);
      this.orders.transition(orderId, 'cancelled', `Cancelled at SRS to be amended${answer.message ? ` (${answer.message})` : ''}.`);
    } else {
      this.orders.transition(orderId, 'cancelled', 'Cancelled before it was sent, to be amended.');
    }
  }
}
