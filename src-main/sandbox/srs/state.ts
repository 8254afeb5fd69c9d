import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface StoredLine {
  productId: number;
  productName: string;
  option: string;
  quantity: number;
  uom: string;
  /** Dollars per uom as the customer sent it. */
  price: number;
  customerItem: string;
}

export interface StoredOrder {
  transactionID: string;
  orderID: string;
  queueID: string | null;
  customerCode: string;
  branchCode: string;
  jobAccountNumber: number;
  poNumber: string;
  shippingMethod: string;
  shipTo: Record<string, unknown>;
  contactName: string;
  lines: StoredLine[];
  submittedAt: number;
  /** When the order became visible with its orderID (later than submittedAt in async mode). */
  receivedAt: number;
  cancelledAt: number | null;
}

interface StateFile {
  version: 1;
  nextOrderId: number;
  nextQueueId: number;
  orders: StoredOrder[];
}

/** The simulator's orders, in a JSON file written atomically (temp file + rename) after every change. */
export class SandboxState {
  private data: StateFile;
  private readonly file: string;

  constructor(stateDir: string) {
    this.file = join(stateDir, 'srs-state.json');
    this.data = existsSync(this.file)
      ? (JSON.parse(readFileSync(this.file, 'utf8')) as StateFile)
      : { version: 1, nextOrderId: 35818786, nextQueueId: 1, orders: [] };
  }

  get orders(): readonly StoredOrder[] {
    return this.data.orders;
  }

  byTransactionId(id: string): StoredOrder | undefined {
    return this.data.orders.find((o) => o.transactionID === id);
  }

  byOrderId(id: string): StoredOrder | undefined {
    return this.data.orders.find((o) => o.orderID === id);
  }

  allocateOrderId(): string {
    return String(this.data.nextOrderId++);
  }

  allocateQueueId(): string {
    return `Q-${String(this.data.nextQueueId++).padStart(8, '0')}`;
  }

  add(order: StoredOrder): void {
    this.data.orders.push(order);
    this.save();
  }

  update(order: StoredOrder, patch: Partial<StoredOrder>): void {
    Object.assign(order, patch);
    this.save();
  }

  private save(): void {
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.data));
    renameSync(tmp, this.file);
  }
}
