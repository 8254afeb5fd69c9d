import type { SrsBranchView, SrsJobAccountView, SrsValidation } from '../../../src-shared/ipc/srs';
import type { Db } from '../database';

/** The customer's validation, the branches and the job accounts, as last fetched from SRS. */
export class SrsAccountRepo {
  constructor(private readonly db: Db) {}

  saveValidation(v: SrsValidation): void {
    this.db
      .prepare(
        `INSERT INTO srs_customer (customer_code, valid, message, customer_name, home_branch_code, validated_at)
         VALUES (@customerCode, @valid, @message, @customerName, @homeBranchCode, @validatedAt)
         ON CONFLICT (customer_code) DO UPDATE SET valid = excluded.valid, message = excluded.message,
           customer_name = excluded.customer_name, home_branch_code = excluded.home_branch_code, validated_at = excluded.validated_at`,
      )
      .run({ ...v, valid: v.valid ? 1 : 0 });
  }

  validation(customerCode: string): SrsValidation | null {
    const r = this.db.prepare('SELECT * FROM srs_customer WHERE customer_code = ?').get(customerCode) as
      | { customer_code: string; valid: number; message: string | null; customer_name: string | null; home_branch_code: string | null; validated_at: string }
      | undefined;
    if (!r) return null;
    return { customerCode: r.customer_code, valid: r.valid === 1, message: r.message, customerName: r.customer_name, homeBranchCode: r.home_branch_code, validatedAt: r.validated_at };
  }

  replaceBranches(branches: SrsBranchView[], fetchedAt: string): void {
    const insert = this.db.prepare(
      'INSERT INTO srs_branches (branch_code, branch_name, address_json, phone, shipping_methods, fetched_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM srs_branches').run();
      for (const b of branches) insert.run(b.branchCode, b.branchName, b.address ? JSON.stringify(b.address) : null, b.phone, JSON.stringify(b.shippingMethods), fetchedAt);
    })();
  }

  branches(): SrsBranchView[] {
    const rows = this.db.prepare('SELECT * FROM srs_branches ORDER BY branch_name').all() as {
      branch_code: string; branch_name: string; address_json: string | null; phone: string | null; shipping_methods: string;
    }[];
    return rows.map((r) => ({
      branchCode: r.branch_code,
      branchName: r.branch_name,
      address: r.address_json ? JSON.parse(r.address_json) : null,
      phone: r.phone,
      shippingMethods: JSON.parse(r.shipping_methods) as string[],
    }));
  }

  replaceJobAccounts(customerCode: string, accounts: SrsJobAccountView[], fetchedAt: string): void {
    const insert = this.db.prepare(
      `INSERT OR REPLACE INTO srs_job_accounts (customer_code, branch_code, job_account_number, job_account_name, branch_name, ship_to_sequence, ship_to_json, fetched_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM srs_job_accounts WHERE customer_code = ?').run(customerCode);
      for (const a of accounts) {
        insert.run(customerCode, a.branchCode, a.jobAccountNumber, a.jobAccountName, a.branchName, a.shipToSequenceNumber, a.shipTo ? JSON.stringify(a.shipTo) : null, fetchedAt);
      }
    })();
  }

  jobAccounts(customerCode: string): SrsJobAccountView[] {
    const rows = this.db
      .prepare('SELECT * FROM srs_job_accounts WHERE customer_code = ? ORDER BY branch_code, job_account_number')
      .all(customerCode) as {
        branch_code: string; branch_name: string; job_account_number: number; job_account_name: string | null; ship_to_sequence: number | null; ship_to_json: string | null;
      }[];
    return rows.map((r) => ({
      branchCode: r.branch_code,
      branchName: r.branch_name,
      jobAccountNumber: r.job_account_number,
      jobAccountName: r.job_account_name,
      shipToSequenceNumber: r.ship_to_sequence,
      shipTo: r.ship_to_json ? JSON.parse(r.ship_to_json) : null,
    }));
  }
}
