import { useEffect, useState, type FormEvent } from 'react';
import { useSrs } from './srs-store';
import { addressLine, phoneLabel } from './format';
import './srs.css';

/** Settings → SRS: validate the customer, see branches and job accounts, choose the defaults. */
export function SrsAccountPanel() {
  const { status, branches, jobAccounts, error, busy, load, validate, refresh } = useSrs();
  useEffect(() => {
    void load();
  }, [load]);

  if (!status) {
    return error ? <p className="field-error" role="alert">SRS: {error.message}</p> : <div className="loading" role="status"><div className="spinner" /> Loading SRS…</div>;
  }

  return (
    <section className="card srs-panel" aria-labelledby="srs-account-title">
      <div className="card-header">
        <div>
          <h3 className="card-title" id="srs-account-title">SRS Distribution account</h3>
          <p className="card-subtitle">
            Customer {status.customerCode ?? '—'} · {status.mode === 'sandbox' ? 'embedded sandbox' : status.mode === 'live' ? 'live SRS' : 'not configured'}
          </p>
        </div>
        <button type="button" className="btn btn-sm" onClick={() => void refresh()} disabled={busy !== null || !status.configured}>
          {busy === 'refresh' ? 'Refreshing…' : 'Refresh from SRS'}
        </button>
      </div>
      <div className="card-body">
        {error ? <p className="field-error" role="alert">{error.message}</p> : null}
        <OrderingState />
        {status.configured ? (
          <>
            <ValidateForm busy={busy === 'validate'} onValidate={validate} />
            <DefaultsForm key={`${status.defaults.branchCode}-${status.defaults.jobAccountNumber}`} />
            <h4 className="srs-subheading">Branches</h4>
            <table className="table srs-branches">
              <thead>
                <tr><th scope="col">Branch</th><th scope="col">Address</th><th scope="col">Phone</th><th scope="col">Shipping methods</th></tr>
              </thead>
              <tbody>
                {branches.map((b) => (
                  <tr key={b.branchCode} aria-current={b.branchCode === status.defaults.branchCode ? 'true' : undefined}>
                    <td><strong>{b.branchCode}</strong> {b.branchName}{b.branchCode === status.validation?.homeBranchCode ? <span className="badge badge-info">home</span> : null}</td>
                    <td>{addressLine(b.address)}</td>
                    <td>{phoneLabel(b.phone)}</td>
                    <td>{b.shippingMethods.join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <h4 className="srs-subheading">Job accounts</h4>
            <ul className="srs-accounts">
              {jobAccounts.map((a) => (
                <li key={`${a.branchCode}-${a.jobAccountNumber}`}>
                  <span className="srs-code">{a.branchCode} · #{a.jobAccountNumber}</span> {a.jobAccountName ?? ''}
                  {a.shipTo ? <span className="muted"> — ships to {addressLine(a.shipTo)}</span> : null}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="muted">Add the SRS client id, client secret and customer code under Vendor credentials.</p>
        )}
      </div>
    </section>
  );
}

/** Whether orders may be sent, and SRS's reason when not. */
export function OrderingState() {
  const status = useSrs((s) => s.status);
  if (!status) return null;
  if (status.orderingBlocked) {
    return (
      <div className="callout callout-warning" role="alert" data-testid="srs-blocked">
        <p><strong>SRS ordering is blocked.</strong> {status.blockedReason}</p>
      </div>
    );
  }
  return (
    <p className="srs-valid" role="status">
      <span className="badge badge-success">Valid</span> {status.validation?.customerName ?? status.customerCode} may order from SRS
      {status.validation ? <span className="muted"> (checked {new Date(status.validation.validatedAt).toLocaleString()})</span> : null}.
    </p>
  );
}

function ValidateForm({ busy, onValidate }: { busy: boolean; onValidate: (invoice?: { invoiceNumber: string; invoiceDate?: string; billedAmount?: number }) => Promise<void> }) {
  const [useInvoice, setUseInvoice] = useState(false);
  const [invoiceNumber, setInvoiceNumber] = useState('');
  const [invoiceDate, setInvoiceDate] = useState('');
  const [amount, setAmount] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!useInvoice) return onValidate();
    const billed = amount.trim() ? Number(amount) : undefined;
    if (!invoiceNumber.trim()) return setProblem('Enter the invoice number.');
    if (!invoiceDate && billed === undefined) return setProblem('Enter the invoice date or the billed amount.');
    if (billed !== undefined && !(billed > 0)) return setProblem('The billed amount must be a positive number.');
    setProblem(null);
    return onValidate({ invoiceNumber: invoiceNumber.trim(), ...(invoiceDate ? { invoiceDate } : {}), ...(billed !== undefined ? { billedAmount: billed } : {}) });
  };

  return (
    <form className="srs-validate" onSubmit={(e) => void submit(e)} aria-label="Validate SRS customer">
      <label className="checkbox">
        <input type="checkbox" checked={useInvoice} onChange={(e) => setUseInvoice(e.target.checked)} /> Prove the account with an invoice instead of the integration key
      </label>
      {useInvoice ? (
        <div className="form-grid">
          <label className="field"><span className="field-label">Invoice number</span><input className="input" value={invoiceNumber} onChange={(e) => setInvoiceNumber(e.target.value)} /></label>
          <label className="field"><span className="field-label">Invoice date</span><input className="input" type="date" value={invoiceDate} onChange={(e) => setInvoiceDate(e.target.value)} /></label>
          <label className="field"><span className="field-label">Billed amount ($)</span><input className="input" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} /></label>
        </div>
      ) : null}
      {problem ? <p className="field-error" role="alert">{problem}</p> : null}
      <button type="submit" className="btn btn-primary btn-sm" disabled={busy}>{busy ? 'Validating…' : 'Validate customer'}</button>
    </form>
  );
}

function DefaultsForm() {
  const { status, branches, jobAccounts, busy, setDefaults } = useSrs();
  const [branch, setBranch] = useState(status?.defaults.branchCode ?? '');
  const [account, setAccount] = useState(status?.defaults.jobAccountNumber ? String(status.defaults.jobAccountNumber) : '');
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const accounts = jobAccounts.filter((a) => a.branchCode === branch);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const err = await setDefaults(branch || null, account ? Number(account) : null);
    setProblem(err?.message ?? null);
    setSaved(!err);
  };

  return (
    <form className="srs-defaults" onSubmit={(e) => void save(e)} aria-label="Default SRS branch and job account">
      <label className="field">
        <span className="field-label">Default branch</span>
        <select className="select" value={branch} onChange={(e) => { setBranch(e.target.value); setAccount(''); setSaved(false); }}>
          <option value="">— none —</option>
          {branches.map((b) => <option key={b.branchCode} value={b.branchCode}>{b.branchCode} · {b.branchName}</option>)}
        </select>
      </label>
      <label className="field">
        <span className="field-label">Default job account</span>
        <select className="select" value={account} onChange={(e) => { setAccount(e.target.value); setSaved(false); }} disabled={!branch}>
          <option value="">— none —</option>
          {accounts.map((a) => <option key={a.jobAccountNumber} value={a.jobAccountNumber}>#{a.jobAccountNumber} {a.jobAccountName ?? ''}</option>)}
        </select>
      </label>
      <button type="submit" className="btn btn-sm" disabled={busy === 'defaults'}>Save defaults</button>
      {problem ? <p className="field-error" role="alert">{problem}</p> : saved ? <span className="muted" role="status">Saved.</span> : null}
    </form>
  );
}
