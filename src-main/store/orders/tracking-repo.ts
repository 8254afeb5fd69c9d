import type { Db } from '../database';

export interface TrackingState {
  orderId: number;
  /** SRS's own wording of the status, as last polled. */
  supplierStatus: string | null;
  eta: string | null;
  delayed: boolean;
  lastCheckedAt: string | null;
  lastError: string | null;
}

export interface DeliveryRecord {
  deliveryId: string;
  status: string;
  eta: string | null;
  deliveredAt: string | null;
  proofOfDelivery: { signedBy: string | null; photos: string[] } | null;
  updatedAt: string;
}

export interface InvoiceLine {
  productId: number;
  productName: string | null;
  quantity: number;
  uom: string;
  unitPriceCents: number;
}

export interface InvoiceDifference {
  kind: 'quantity' | 'price' | 'extra-line' | 'missing-line' | 'total';
  productId: number | null;
  ordered: number | null;
  invoiced: number | null;
  message: string;
}

export interface InvoiceRecord {
  invoiceNumber: string;
  invoiceDate: string | null;
  subtotalCents: number | null;
  taxCents: number | null;
  totalCents: number;
  lines: InvoiceLine[];
  differences: InvoiceDifference[];
  updatedAt: string;
}

interface TrackingRow {
  order_id: number;
  supplier_status: string | null;
  eta: string | null;
  delayed: number;
  last_checked_at: string | null;
  last_error: string | null;
}

/** What SRS reported about submitted orders: status wording, ETA, deliveries and matched invoices. */
export class OrderTrackingRepo {
  constructor(private readonly db: Db) {}

  get(orderId: number): TrackingState {
    const r = this.db.prepare('SELECT * FROM order_tracking WHERE order_id = ?').get(orderId) as TrackingRow | undefined;
    return r
      ? { orderId, supplierStatus: r.supplier_status, eta: r.eta, delayed: r.delayed === 1, lastCheckedAt: r.last_checked_at, lastError: r.last_error }
      : { orderId, supplierStatus: null, eta: null, delayed: false, lastCheckedAt: null, lastError: null };
  }

  save(s: TrackingState): void {
    this.db
      .prepare(
        `INSERT INTO order_tracking (order_id, supplier_status, eta, delayed, last_checked_at, last_error) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (order_id) DO UPDATE SET supplier_status = excluded.supplier_status, eta = excluded.eta, delayed = excluded.delayed,
           last_checked_at = excluded.last_checked_at, last_error = excluded.last_error`,
      )
      .run(s.orderId, s.supplierStatus, s.eta, s.delayed ? 1 : 0, s.lastCheckedAt, s.lastError);
  }

  /** Records the supplier's order number once an asynchronously queued order gets one. */
  setSupplierOrderId(orderId: number, supplierOrderId: string, at: string): void {
    this.db.prepare('UPDATE orders SET supplier_order_id = ?, updated_at = ? WHERE id = ? AND supplier_order_id IS NULL').run(supplierOrderId, at, orderId);
  }

  deliveries(orderId: number): DeliveryRecord[] {
    const rows = this.db.prepare('SELECT * FROM order_deliveries WHERE order_id = ? ORDER BY delivery_id').all(orderId) as {
      delivery_id: string;
      status: string;
      eta: string | null;
      delivered_at: string | null;
      proof_json: string | null;
      updated_at: string;
    }[];
    return rows.map((r) => ({
      deliveryId: r.delivery_id,
      status: r.status,
      eta: r.eta,
      deliveredAt: r.delivered_at,
      proofOfDelivery: r.proof_json ? (JSON.parse(r.proof_json) as DeliveryRecord['proofOfDelivery']) : null,
      updatedAt: r.updated_at,
    }));
  }

  saveDelivery(orderId: number, d: DeliveryRecord): void {
    this.db
      .prepare(
        `INSERT INTO order_deliveries (order_id, delivery_id, status, eta, delivered_at, proof_json, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (order_id, delivery_id) DO UPDATE SET status = excluded.status, eta = excluded.eta, delivered_at = excluded.delivered_at,
           proof_json = excluded.proof_json, updated_at = excluded.updated_at`,
      )
      .run(orderId, d.deliveryId, d.status, d.eta, d.deliveredAt, d.proofOfDelivery ? JSON.stringify(d.proofOfDelivery) : null, d.updatedAt);
  }

  invoices(orderId: number): InvoiceRecord[] {
    const rows = this.db.prepare('SELECT * FROM order_invoices WHERE order_id = ? ORDER BY invoice_number').all(orderId) as {
      invoice_number: string;
      invoice_date: string | null;
      subtotal_cents: number | null;
      tax_cents: number | null;
      total_cents: number;
      lines_json: string;
      differences_json: string;
      updated_at: string;
    }[];
    return rows.map((r) => ({
      invoiceNumber: r.invoice_number,
      invoiceDate: r.invoice_date,
      subtotalCents: r.subtotal_cents,
      taxCents: r.tax_cents,
      totalCents: r.total_cents,
      lines: JSON.parse(r.lines_json) as InvoiceLine[],
      differences: JSON.parse(r.differences_json) as InvoiceDifference[],
      updatedAt: r.updated_at,
    }));
  }

  saveInvoice(orderId: number, i: InvoiceRecord): void {
    this.db
      .prepare(
        `INSERT INTO order_invoices (order_id, invoice_number, invoice_date, subtotal_cents, tax_cents, total_cents, lines_json, differences_json, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (order_id, invoice_number) DO UPDATE SET invoice_date = excluded.invoice_date, subtotal_cents = excluded.subtotal_cents,
           tax_cents = excluded.tax_cents, total_cents = excluded.total_cents, lines_json = excluded.lines_json,
           differences_json = excluded.differences_json, updated_at = excluded.updated_at`,
      )
      .run(orderId, i.invoiceNumber, i.invoiceDate, i.subtotalCents, i.taxCents, i.totalCents, JSON.stringify(i.lines), JSON.stringify(i.differences), i.updatedAt);
  }

  /** Number of flagged invoice differences per order, for lists. */
  differenceCounts(): Map<number, number> {
    const rows = this.db.prepare('SELECT order_id, differences_json FROM order_invoices').all() as { order_id: number; differences_json: string }[];
    const out = new Map<number, number>();
    for (const r of rows) out.set(r.order_id, (out.get(r.order_id) ?? 0) + (JSON.parse(r.differences_json) as unknown[]).length);
    return out;
  }
}
