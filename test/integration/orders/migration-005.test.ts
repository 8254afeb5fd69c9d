import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/store/database';
import { bundledMigrations, migrate } from '../../../src-main/store/migrations';
import { DraftsRepo, emptyDraftState } from '../../../src-main/store/orders/drafts-repo';
import { OrderTrackingRepo } from '../../../src-main/store/orders/tracking-repo';
import { tempDir } from '../../helpers/temp-dir';

describe('migration 005 (order drafts and tracking) on a real database file', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => {
    dir = tempDir('junction-m005-');
  });
  afterEach(() => dir.cleanup());

  const m005 = () => bundledMigrations().find((m) => m.name === '005-order-tracking.sql')!;
  const tables = (db: Database.Database) => (db.prepare("SELECT name FROM sqlite_master WHERE type='table'").all() as { name: string }[]).map((r) => r.name);

  it('from empty: the tables exist and the repositories round-trip', () => {
    const db = openDatabase(`${dir.path}/junction.db`);
    expect(tables(db)).toEqual(expect.arrayContaining(['order_drafts', 'order_tracking', 'order_deliveries', 'order_invoices']));
    const drafts = new DraftsRepo(db);
    drafts.save('1003', { ...emptyDraftState(), branchCode: 'BRRIV', overrides: { 'srs:1:?': { quantity: 3 } } });
    expect(drafts.get('1003')).toMatchObject({ branchCode: 'BRRIV', overrides: { 'srs:1:?': { quantity: 3 } }, includeChangeOrders: true });
    drafts.remove('1003');
    expect(drafts.get('1003')).toBeNull();
    db.close();
  });

  it('from the previous version: an order placed under 004 keeps working, gets tracking, and deleting it cascades', () => {
    const file = `${dir.path}/junction.db`;
    const raw = new Database(file);
    raw.pragma('foreign_keys = ON');
    const upTo4 = bundledMigrations().filter((m) => m.version <= 4);
    expect(migrate(raw, upTo4).applied.at(-1)).toBe('004-orders.sql');
    const at = '2026-11-30T12:00:00.000Z';
    raw
      .prepare(
        `INSERT INTO orders (proposal_id, proposal_number, proposal_name, supplier, branch_code, job_account_number, status, transaction_id, header_json, request_json,
           total_cents, proposal_cost_cents, proposal_sell_cents, currency, created_at, updated_at)
         VALUES ('1003', '2403', 'Miller', 'srs', 'BRRIV', 1, 'submitted', 'tx-1', '{}', '{}', 100, 80, 120, 'USD', ?, ?)`,
      )
      .run(at, at);
    expect(migrate(raw).applied).toEqual([m005().name, ...bundledMigrations().filter((m) => m.version > 5).map((m) => m.name)]);
    const tracking = new OrderTrackingRepo(raw);
    tracking.save({ orderId: 1, supplierStatus: 'Received', eta: null, delayed: false, lastCheckedAt: at, lastError: null });
    tracking.saveDelivery(1, { deliveryId: 'D1', status: 'Scheduled', eta: at, deliveredAt: null, proofOfDelivery: null, updatedAt: at });
    tracking.saveInvoice(1, { invoiceNumber: 'I1', invoiceDate: at, subtotalCents: 100, taxCents: 7, totalCents: 107, lines: [], differences: [], updatedAt: at });
    tracking.setSupplierOrderId(1, '358', at);
    expect(raw.prepare('SELECT supplier_order_id FROM orders WHERE id = 1').get()).toEqual({ supplier_order_id: '358' });
    expect(tracking.get(1)).toMatchObject({ supplierStatus: 'Received' });
    raw.prepare('DELETE FROM orders WHERE id = 1').run();
    expect(tracking.deliveries(1)).toEqual([]);
    expect(tracking.invoices(1)).toEqual([]);
    expect(tracking.get(1).supplierStatus).toBeNull();
    raw.close();
  });
});
