import { useId, useState, type FormEvent } from 'react';
import { CREDENTIAL_FIELDS } from '../../../src-shared/ipc/credentials';
import { notify } from '../../app/toast-store';
import { useSettings, type VendorStatus } from './settings-store';
import { FIELD_LABELS, sourceText, VENDOR_LABELS } from './vendor-labels';

function StatusBadge({ status }: { status: VendorStatus }) {
  if (status.source === 'sandbox') return <span className="badge badge-warning">Sandbox demo</span>;
  if (status.configured) return <span className="badge badge-success">Configured</span>;
  if (status.fieldsSet.length > 0) return <span className="badge badge-warning">Incomplete</span>;
  return <span className="badge">Not configured</span>;
}

/**
 * One vendor's credentials. The form starts empty every time: stored values are never sent
 * to the renderer, so a field only says whether it holds a value.
 */
export function VendorCredentialsCard({ status, canStore, vaultSecure }: { status: VendorStatus; canStore: boolean; vaultSecure: boolean }) {
  const { setCredentials, clearCredentials } = useSettings();
  const fields = CREDENTIAL_FIELDS[status.vendor] as readonly string[];
  const [values, setValues] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [confirmClear, setConfirmClear] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const idBase = useId();
  const label = VENDOR_LABELS[status.vendor];
  const entered = Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== ''));
  const fromEnvironment = status.source === 'environment';

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const err = await setCredentials(status.vendor, entered);
    setBusy(false);
    setError(err?.message ?? null);
    if (!err) {
      setValues({});
      notify.success(`${label.name} credentials saved`);
    }
  };

  const clear = async () => {
    setBusy(true);
    const err = await clearCredentials(status.vendor);
    setBusy(false);
    setConfirmClear(false);
    if (err) notify.error(`Could not clear ${label.name} credentials`, err);
    else notify.success(`${label.name} credentials removed`);
  };

  if (fields.length === 0) return null;
  return (
    <form className="card" onSubmit={save} aria-labelledby={`${idBase}-title`}>
      <div className="card-header">
        <div>
          <h3 className="card-title" id={`${idBase}-title`}>
            {label.name}
          </h3>
          <p className="card-subtitle">{label.description}</p>
        </div>
        <StatusBadge status={status} />
      </div>
      <div className="card-body">
        <p className="field-hint" style={{ marginBottom: 'var(--space-4)' }}>
          <strong>Source:</strong> {sourceText(status.source, vaultSecure)}
        </p>
        <div className="form-grid">
          {fields.map((field) => {
            const meta = FIELD_LABELS[field] ?? { label: field, secret: true };
            const stored = status.fieldsSet.includes(field);
            return (
              <label key={field} className="field">
                <span className="field-label">{meta.label}</span>
                <input
                  className="input"
                  name={field}
                  type={meta.secret ? 'password' : 'text'}
                  autoComplete="off"
                  spellCheck={false}
                  disabled={!canStore || busy}
                  placeholder={stored ? 'Stored — type to replace' : 'Not set'}
                  value={values[field] ?? ''}
                  onChange={(e) => setValues({ ...values, [field]: e.target.value })}
                />
              </label>
            );
          })}
        </div>
        {error ? (
          <p className="field-error" role="alert" style={{ marginTop: 'var(--space-3)' }}>
            {error}
          </p>
        ) : null}
      </div>
      <div className="card-footer">
        {status.source === 'vault' ? (
          confirmClear ? (
            <>
              <span className="muted" style={{ marginRight: 'auto' }}>
                Remove the stored {label.name} credentials?
              </span>
              <button type="button" className="btn" onClick={() => setConfirmClear(false)}>
                Keep
              </button>
              <button type="button" className="btn btn-danger-solid" disabled={busy} onClick={() => void clear()}>
                Remove
              </button>
            </>
          ) : (
            <button type="button" className="btn btn-danger" style={{ marginRight: 'auto' }} disabled={busy} onClick={() => setConfirmClear(true)}>
              Clear stored credentials
            </button>
          )
        ) : null}
        {fromEnvironment ? <span className="muted">Environment values win while they are set.</span> : null}
        {!confirmClear ? (
          <button type="submit" className="btn btn-primary" disabled={!canStore || busy || Object.keys(entered).length === 0}>
            Save {label.name}
          </button>
        ) : null}
      </div>
    </form>
  );
}
