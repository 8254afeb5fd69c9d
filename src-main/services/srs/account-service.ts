import { AppError } from '../../../src-shared/domain/result';
import type { SrsBranchView, SrsJobAccountView, SrsStatus, SrsValidation } from '../../../src-shared/ipc/srs';
import { SrsAccountRepo } from '../../store/srs/account-repo';
import { SrsProductsRepo } from '../../store/srs/products-repo';
import type { CustomerProof } from '../../vendors/srs/types';
import type { Core } from '../context';
import { srsClient, srsIntegrationKey } from './srs-client';

type AccountCore = Pick<Core, 'db' | 'vendors' | 'log' | 'settings'>;

/** Steps 3–5: customer validation, branches, job accounts and the user's defaults. */
export class SrsAccountService {
  private readonly repo: SrsAccountRepo;

  constructor(
    private readonly core: AccountCore,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.repo = new SrsAccountRepo(core.db);
  }

  private customerCode(): string | null {
    return this.core.vendors.resolve('srs').credentials.customerCode ?? null;
  }

  /** Validates with an invoice when given, else with the configured integration key; stores the outcome. */
  async validate(invoice: { invoiceNumber?: string | undefined; invoiceDate?: string | undefined; billedAmount?: number | undefined } = {}): Promise<SrsValidation> {
    const client = srsClient(this.core);
    let proof: CustomerProof;
    if (invoice.invoiceNumber) {
      if (!invoice.invoiceDate && invoice.billedAmount === undefined) {
        throw new AppError('VALIDATION', 'To validate with an invoice, give its date or its billed amount as well as its number.');
      }
      proof = { invoiceNumber: invoice.invoiceNumber, ...(invoice.invoiceDate ? { invoiceDate: invoice.invoiceDate } : {}), ...(invoice.billedAmount !== undefined ? { billedAmount: invoice.billedAmount } : {}) };
    } else {
      const integrationKey = srsIntegrationKey(this.core);
      if (!integrationKey) {
        throw new AppError('NOT_CONFIGURED', 'SRS customer validation needs the integration key (Settings → SRS) or an invoice number with its date or amount.');
      }
      proof = { integrationKey };
    }
    const v = await client.validateCustomer(proof);
    const stored: SrsValidation = { ...v, validatedAt: this.now().toISOString() };
    this.repo.saveValidation(stored);
    this.core.log.info('SRS customer validated', { customerCode: v.customerCode, valid: v.valid });
    return stored;
  }

  /** Throws with SRS's reason unless the customer was validated; the order flow calls this before submitting. */
  assertCanOrder(): SrsValidation {
    const s = this.orderingState();
    if (s.blockedReason || !s.validation) throw new AppError('NO_PERMISSION', s.blockedReason ?? 'SRS ordering is blocked.');
    return s.validation;
  }

  private orderingState(): { validation: SrsValidation | null; blockedReason: string | null } {
    const code = this.customerCode();
    const validation = code ? this.repo.validation(code) : null;
    if (!code) return { validation: null, blockedReason: 'SRS is not configured (no customer code).' };
    if (!validation) return { validation, blockedReason: `SRS customer ${code} has not been validated yet (Settings → SRS → Validate).` };
    if (!validation.valid) return { validation, blockedReason: `SRS does not allow ordering for ${code}: ${validation.message ?? 'no reason given'}` };
    return { validation, blockedReason: null };
  }

  async branches(refresh = false): Promise<SrsBranchView[]> {
    const cached = this.repo.branches();
    if (cached.length && !refresh) return cached;
    const fresh = await srsClient(this.core).branches();
    this.repo.replaceBranches(fresh, this.now().toISOString());
    return this.repo.branches();
  }

  async jobAccounts(refresh = false): Promise<SrsJobAccountView[]> {
    const code = this.customerCode();
    if (!code) throw new AppError('NOT_CONFIGURED', 'SRS is not configured (no customer code).');
    const cached = this.repo.jobAccounts(code);
    if (cached.length && !refresh) return cached;
    const fresh = await srsClient(this.core).jobAccounts();
    this.repo.replaceJobAccounts(code, fresh, this.now().toISOString());
    return this.repo.jobAccounts(code);
  }

  /** Stores the default branch and job account; the job account must belong to that branch. */
  async setDefaults(d: { branchCode: string | null; jobAccountNumber: number | null }) {
    if (d.branchCode) {
      const branches = await this.branches();
      if (!branches.some((b) => b.branchCode === d.branchCode)) throw new AppError('VALIDATION', `SRS branch ${d.branchCode} is not one of the branches SRS lists.`);
    }
    if (d.jobAccountNumber !== null) {
      if (!d.branchCode) throw new AppError('VALIDATION', 'Choose a branch before choosing a job account.');
      const accounts = await this.jobAccounts();
      if (!accounts.some((a) => a.branchCode === d.branchCode && a.jobAccountNumber === d.jobAccountNumber)) {
        throw new AppError('VALIDATION', `Job account ${d.jobAccountNumber} is not one of your SRS job accounts at ${d.branchCode}.`);
      }
    }
    const s = this.core.settings.update({ srsDefaultBranch: d.branchCode, srsDefaultJobAccount: d.jobAccountNumber });
    return { branchCode: s.srsDefaultBranch, jobAccountNumber: s.srsDefaultJobAccount };
  }

  status(): SrsStatus {
    const e = this.core.vendors.resolve('srs');
    const s = this.core.settings.get();
    const { validation, blockedReason } = this.orderingState();
    const products = new SrsProductsRepo(this.core.db);
    return {
      mode: e.mode,
      configured: e.mode !== 'off' && Boolean(e.credentials.clientId && e.credentials.clientSecret && e.credentials.customerCode),
      customerCode: this.customerCode(),
      validation,
      orderingBlocked: blockedReason !== null,
      blockedReason,
      defaults: { branchCode: s.srsDefaultBranch, jobAccountNumber: s.srsDefaultJobAccount },
      products: { total: products.total(), branches: products.branchCounts() },
    };
  }
}
