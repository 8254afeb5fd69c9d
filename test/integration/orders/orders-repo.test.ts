import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { convertProposal } from '../../../src-main/orders/convert';
import { openDatabase, type Db } from '../../../src-main/store/database';
import { bundledMigrations } from '../../../src-main/store/migrations';
import { OrdersRepo } from '../../../src-main/store/orders/orders-repo';
import { OutboxRepo } from '../../../src-main/store/orders/outbox-repo';
import { SavedMappingsRepo } from '../../../src-main/store/orders/saved-mappings-repo';
import { QUOTES, area, input, item, option, proposal } from '../../unit/orders/fixtures';
import { headerFor, manualClock, readyDraft, tempDir } from './helpers';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let tmp: ReturnType<typeof tempDir>;
let file: string;
let db: Db;
let clock: ReturnType<typeof manualClock>;
let orders: OrdersRepo;
let outbox: OutboxRepo;

function counts() {
  const n = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { orders: n('orders'), lines: n('order_lines'), outbox: n('order_outbox'), events: n('order_events') };
}

beforeEach(() => {
  tmp = tempDir();
  file = join(tmp.dir, 'junction.db');
  db = openDatabase(file);
  clock = manualClock();
  orders = new OrdersRepo(db, { now: clock.now });
  outbox = new OutboxRepo(db, { now: clock.now });
});

afterEach(() => {
  db.close();
  tmp.cleanup();
});

describe('createOrder', () => {
  it('writes the order, its lines, a transactionID, the timeline and an outbox entry, durably', () => {
    const draft = readyDraft();
    const created = orders.createOrder(draft, headerFor(draft));
    expect(created).toMatchObject({ status: 'ready', proposalId: '5001', proposalNumber: '1042', branchCode: 'BRRIV', jobAccountNumber: 1, totalCents: 30 * 4150 + 10 * 899, supplierOrderId: null });
    expect(created.transactionId).toMatch(UUID);
    expect(created.request.transactionID).toBe(created.transactionId);
    expect(created.request.orderLineItemDetails.map((l) => [l.productId, l.quantity, l.uom])).toEqual([
      [75664, 30, 'BD'],
      [61010, 10, 'PC'],
    ]);

    db.close();
    db = openDatabase(file);
    orders = new OrdersRepo(db, { now: clock.now });
    outbox = new OutboxRepo(db, { now: clock.now });
    expect(orders.get(created.id).transactionId).toBe(created.transactionId);
    const lines = orders.lines(created.id);
    expect(lines.map((l) => [l.productId, l.quantity, l.uom, l.unitPriceCents, l.extendedCents])).toEqual([
      [75664, 30, 'BD', 4150, 124500],
      [61010, 10, 'PC', 899, 8990],
    ]);
    // As proposed, next to as ordered.
    expect(lines[1]!.proposed).toEqual([expect.objectContaining({ sourceItemId: '5001-d', quantity: 95, uom: 'LF', areaName: 'House', originLabel: 'proposal' })]);
    expect(outbox.forOrder(created.id)).toEqual([expect.objectContaining({ kind: 'submit', status: 'pending', attempts: 0 })]);
    expect(orders.events(created.id)).toEqual([expect.objectContaining({ kind: 'status', fromStatus: null, toStatus: 'ready', reason: 'Queued for submission to SRS' })]);
  });

  it('gives every order its own transactionID', () => {
    const a = orders.createOrder(readyDraft('p1'), headerFor(readyDraft('p1')));
    const b = orders.createOrder(readyDraft('p2'), headerFor(readyDraft('p2')));
    expect(a.transactionId).not.toBe(b.transactionId);
  });

  it('is one transaction: a failure after the order insert leaves no order, no lines, no outbox entry', () => {
    // A real SQLite failure at the last write of createOrder, after order, lines and timeline.
    db.exec("CREATE TRIGGER fail_outbox BEFORE INSERT ON order_outbox BEGIN SELECT RAISE(ABORT, 'injected outbox failure'); END");
    const draft = readyDraft();
    expect(() => orders.createOrder(draft, headerFor(draft))).toThrow(/injected outbox failure/);
    expect(counts()).toEqual({ orders: 0, lines: 0, outbox: 0, events: 0 });

    db.exec('DROP TRIGGER fail_outbox');
    db.exec("CREATE TRIGGER fail_second_line BEFORE INSERT ON order_lines WHEN NEW.line_no = 2 BEGIN SELECT RAISE(ABORT, 'injected line failure'); END");
    expect(() => orders.createOrder(draft, headerFor(draft))).toThrow(/injected line failure/);
    expect(counts()).toEqual({ orders: 0, lines: 0, outbox: 0, events: 0 });
    expect(orders.findOpenOrderForProposal('5001')).toBeNull();
  });

  it('refuses a draft with a blocking problem and writes nothing', () => {
    const base = input(proposal([area('House', [option('Accepted', [item({ referencedItemId: 'c-shingles', model: 'Landmark Weathered Wood', quantity: 10 })])])]));
    const draft = convertProposal({ ...base, quotes: QUOTES.map((q) => ({ ...q, priceCents: 0 })) });
    expect(() => orders.createOrder(draft, headerFor(draft))).toThrow(/cannot be submitted: lines\[0\]: SRS has no list price/);
    expect(counts()).toEqual({ orders: 0, lines: 0, outbox: 0, events: 0 });
  });

  it('warns when the proposal was already ordered, and orders again only when confirmed', () => {
    const draft = readyDraft();
    const first = orders.createOrder(draft, headerFor(draft));
    expect(orders.findOpenOrderForProposal('5001')?.id).toBe(first.id);
    expect(() => orders.createOrder(draft, headerFor(draft))).toThrow(`Proposal 1042 was already ordered (order #${first.id}, ready). Confirm to order it again.`);
    expect(counts().orders).toBe(1);

    const again = orders.createOrder(draft, headerFor(draft), { again: true });
    expect(orders.findOpenOrderForProposal('5001')?.id).toBe(again.id);

    orders.transition(again.id, 'cancelled', 'Ordered twice by mistake');
    orders.transition(first.id, 'cancelled', 'Customer postponed');
    expect(orders.findOpenOrderForProposal('5001')).toBeNull();
    expect(orders.createOrder(draft, headerFor(draft)).status).toBe('ready');
  });
});

describe('state machine', () => {
  it('walks the submission path and records each move with its reason on the timeline', () => {
    const draft = readyDraft();
    const o = orders.createOrder(draft, headerFor(draft));
    orders.transition(o.id, 'submitting', 'Sending to SRS');
    clock.advance(1000);
    const submitted = orders.transition(o.id, 'submitted', 'SRS accepted the order', { supplierOrderId: 'SO-1001', queueId: null });
    expect(submitted).toMatchObject({ status: 'submitted', statusReason: 'SRS accepted the order', supplierOrderId: 'SO-1001', updatedAt: '2026-11-30T12:00:01.000Z' });
    orders.transition(o.id, 'acknowledged', 'Branch confirmed');
    orders.transition(o.id, 'shipped', 'Out for delivery');
    const delivered = orders.transition(o.id, 'delivered', 'Proof of delivery received');
    expect(delivered.supplierOrderId).toBe('SO-1001');
    expect(orders.events(o.id).map((e) => [e.fromStatus, e.toStatus, e.reason])).toEqual([
      [null, 'ready', 'Queued for submission to SRS'],
      ['ready', 'submitting', 'Sending to SRS'],
      ['submitting', 'submitted', 'SRS accepted the order'],
      ['submitted', 'acknowledged', 'Branch confirmed'],
      ['acknowledged', 'shipped', 'Out for delivery'],
      ['shipped', 'delivered', 'Proof of delivery received'],
    ]);
  });

  it('refuses an illegal move with a clear error and changes nothing', () => {
    const draft = readyDraft();
    const o = orders.createOrder(draft, headerFor(draft));
    expect(() => orders.transition(o.id, 'delivered', 'skip ahead')).toThrow('Order #1 cannot go from ready to delivered; from ready it can only go to draft, submitting, cancelled.');
    orders.transition(o.id, 'cancelled', 'Not needed');
    expect(() => orders.transition(o.id, 'submitting', 'retry')).toThrow('Order #1 cannot go from cancelled to submitting; from cancelled it can only go to nothing (it is final).');
    expect(orders.get(o.id)).toMatchObject({ status: 'cancelled', statusReason: 'Not needed' });
    expect(orders.events(o.id)).toHaveLength(2);
    expect(() => orders.transition(o.id, 'cancelled', ' ')).toThrow(/needs a reason/);
    expect(() => orders.transition(999, 'submitting', 'x')).toThrow('Order #999 does not exist.');
  });

  it('requeues only a failed order, with a fresh outbox entry and the same transactionID', () => {
    const o = orders.createOrder(readyDraft(), headerFor(readyDraft()));
    expect(() => orders.requeue(o.id, 'again')).toThrow(`Order #${o.id} is ready; only a failed order can be sent again.`);
    const e = outbox.claimNext()!;
    orders.transition(o.id, 'submitting', 'Sending to SRS');
    orders.transition(o.id, 'failed', 'SRS refused the order: bad job account');
    outbox.fail(e.id, null, 'bad job account');
    const again = orders.requeue(o.id, 'Job account fixed');
    expect(again).toMatchObject({ status: 'submitting', statusReason: 'Job account fixed', transactionId: o.transactionId });
    expect(outbox.forOrder(o.id).map((x) => x.status)).toEqual(['dead', 'pending']);
  });

  it('links an amended order and its replacement on both timelines', () => {
    const a = orders.createOrder(readyDraft(), headerFor(readyDraft()));
    orders.transition(a.id, 'cancelled', 'Amended: cancelled to re-place');
    const b = orders.createOrder(readyDraft(), headerFor(readyDraft()));
    orders.link(a.id, b.id, 'amended-by', 'Quantity change');
    expect(orders.events(a.id).at(-1)).toMatchObject({ kind: 'link', linkKind: 'amended-by', linkOrderId: b.id, reason: 'Quantity change' });
    expect(orders.events(b.id).at(-1)).toMatchObject({ kind: 'link', linkKind: 'amends', linkOrderId: a.id });
  });
});

describe('outbox', () => {
  it('hands an entry to one claimer, retries it when due, and finishes it once', () => {
    const o = orders.createOrder(readyDraft(), headerFor(readyDraft()));
    const claimed = outbox.claimNext();
    expect(claimed).toMatchObject({ orderId: o.id, status: 'in_flight', attempts: 1 });
    expect(outbox.claimNext()).toBeNull();

    outbox.fail(claimed!.id, new Date(clock.now().getTime() + 30_000), 'SRS unavailable (503)');
    expect(outbox.get(claimed!.id)).toMatchObject({ status: 'pending', lastError: 'SRS unavailable (503)' });
    clock.advance(29_000);
    expect(outbox.claimNext()).toBeNull();
    clock.advance(1_000);
    const second = outbox.claimNext();
    expect(second).toMatchObject({ id: claimed!.id, attempts: 2 });

    outbox.complete(second!.id);
    expect(outbox.get(second!.id).status).toBe('done');
    expect(outbox.claimNext()).toBeNull();
    expect(() => outbox.complete(second!.id)).toThrow(`Outbox entry ${second!.id} is done, not in flight; only a claimed entry can be completed or failed.`);
    expect(outbox.unfinished()).toEqual([]);
  });

  it('gives a claim whose worker died back after the lease, counting the attempt', () => {
    orders.createOrder(readyDraft(), headerFor(readyDraft()));
    const first = outbox.claimNext(60_000)!;
    clock.advance(59_000);
    expect(outbox.claimNext(60_000)).toBeNull();
    clock.advance(1_000);
    expect(outbox.claimNext(60_000)).toMatchObject({ id: first.id, attempts: 2 });
  });

  it('marks an entry dead when told not to retry', () => {
    orders.createOrder(readyDraft(), headerFor(readyDraft()));
    const e = outbox.claimNext()!;
    outbox.fail(e.id, null, 'SRS rejected the order: unknown job account');
    clock.advance(86_400_000);
    expect(outbox.claimNext()).toBeNull();
    expect(outbox.get(e.id)).toMatchObject({ status: 'dead', lastError: 'SRS rejected the order: unknown job account' });
  });
});

describe('saved mappings', () => {
  it('remembers a confirmed mapping per company and replaces it when confirmed again', () => {
    const repo = new SavedMappingsRepo(db, { now: clock.now });
    repo.save('DEMO001', { key: 'grip rite|coil nails', productId: 61040, option: 'N/A' });
    repo.save('OTHER', { key: 'grip rite|coil nails', productId: 1, option: 'N/A' });
    repo.save('DEMO001', { key: 'grip rite|coil nails', productId: 61041, option: 'N/A' });
    expect(repo.list('DEMO001')).toEqual([{ key: 'grip rite|coil nails', productId: 61041, option: 'N/A' }]);
    expect(repo.list('OTHER')).toEqual([{ key: 'grip rite|coil nails', productId: 1, option: 'N/A' }]);
    expect(repo.remove('DEMO001', 'grip rite|coil nails')).toBe(true);
    expect(repo.list('DEMO001')).toEqual([]);
  });
});

describe('migration 004', () => {
  it('applies on top of a database at the previous version and keeps its data', () => {
    db.close();
    const older = join(tmp.dir, 'older.db');
    const previous = bundledMigrations().filter((m) => m.version < 4);
    const old = openDatabase(older, { migrations: previous });
    old.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('theme', '\"dark\"', 'x')").run();
    expect(old.prepare("SELECT name FROM sqlite_master WHERE name = 'orders'").get()).toBeUndefined();
    old.close();
    db = openDatabase(older);
    expect(db.prepare("SELECT value FROM settings WHERE key = 'theme'").get()).toEqual({ value: '"dark"' });
    expect(db.prepare('SELECT version FROM schema_migrations WHERE version = 4').get()).toEqual({ version: 4 });
    orders = new OrdersRepo(db, { now: clock.now });
    expect(orders.createOrder(readyDraft(), headerFor(readyDraft())).status).toBe('ready');
  });
});
