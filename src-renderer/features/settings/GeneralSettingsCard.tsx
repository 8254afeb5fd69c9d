import { useState, type FormEvent } from 'react';
import type { Settings } from '../../../src-shared/ipc/settings';
import { notify } from '../../app/toast-store';
import { useSettings } from './settings-store';

type Kind = 'url' | 'text' | 'int' | 'number';
interface FieldDef {
  key: keyof Settings;
  label: string;
  kind: Kind;
  nullable: boolean;
  hint?: string;
}

const FIELDS: FieldDef[] = [
  { key: 'portalBaseUrl', label: 'Portal.io API URL', kind: 'url', nullable: true, hint: 'Empty: the embedded sandbox.' },
  { key: 'srsBaseUrl', label: 'SRS API URL', kind: 'url', nullable: true, hint: 'Empty: the embedded sandbox.' },
  { key: 'srsSourceSystem', label: 'SRS source system', kind: 'text', nullable: false, hint: 'Sent with every SRS order.' },
  { key: 'srsDefaultBranch', label: 'Default SRS branch', kind: 'text', nullable: true },
  { key: 'srsDefaultJobAccount', label: 'Default job account', kind: 'int', nullable: true },
  { key: 'priceBatchSize', label: 'Price lookup batch size', kind: 'int', nullable: false, hint: '1 to 500 items per request.' },
  { key: 'priceMaxMovePercent', label: 'Price change that needs review (%)', kind: 'number', nullable: false },
  { key: 'orderPollSeconds', label: 'Order status check (seconds)', kind: 'int', nullable: false, hint: '10 seconds to 1 day.' },
];

const toText = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/** Turns the form's strings into typed values, or names the first field that is not a number. */
function parse(form: Record<string, string>): { patch: Partial<Settings> } | { field: string; message: string } {
  const patch: Record<string, unknown> = {};
  for (const f of FIELDS) {
    const raw = (form[f.key] ?? '').trim();
    if (raw === '') {
      if (!f.nullable) return { field: f.key, message: `${f.label} is required.` };
      patch[f.key] = null;
    } else if (f.kind === 'int' || f.kind === 'number') {
      const n = Number(raw);
      if (!Number.isFinite(n) || (f.kind === 'int' && !Number.isInteger(n))) {
        return { field: f.key, message: `${f.label} must be a ${f.kind === 'int' ? 'whole number' : 'number'}.` };
      }
      patch[f.key] = n;
    } else patch[f.key] = raw;
  }
  return { patch: patch as Partial<Settings> };
}

/** Non-secret preferences; the main process validates them again and names a refused field. */
export function GeneralSettingsCard({ settings }: { settings: Settings }) {
  const update = useSettings((s) => s.update);
  const initial = Object.fromEntries(FIELDS.map((f) => [f.key, toText(settings[f.key])]));
  const [form, setForm] = useState<Record<string, string>>(initial);
  const [error, setError] = useState<{ field: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const dirty = FIELDS.some((f) => (form[f.key] ?? '') !== initial[f.key]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = parse(form);
    if ('field' in parsed) return setError(parsed);
    setBusy(true);
    const err = await update(parsed.patch);
    setBusy(false);
    if (err) {
      // "settings:update: priceBatchSize: Too big…" → point at the field.
      const m = /^[\w:]+: (\w+): (.*)$/.exec(err.message);
      setError({ field: m?.[1] ?? '', message: m ? `${FIELDS.find((f) => f.key === m[1])?.label ?? m[1]}: ${m[2]}` : err.message });
      return;
    }
    setError(null);
    notify.success('Settings saved');
  };

  return (
    <form className="card" onSubmit={submit} aria-labelledby="general-title" noValidate>
      <div className="card-header">
        <div>
          <h3 className="card-title" id="general-title">
            Vendors and ordering
          </h3>
          <p className="card-subtitle">Environment variables (JUNCTION_*) override these for a single run.</p>
        </div>
      </div>
      <div className="card-body">
        <div className="form-grid">
          {FIELDS.map((f) => {
            const invalid = error?.field === f.key;
            return (
              <label key={f.key} className="field">
                <span className="field-label">{f.label}</span>
                <input
                  className="input"
                  name={f.key}
                  inputMode={f.kind === 'int' || f.kind === 'number' ? 'decimal' : f.kind === 'url' ? 'url' : 'text'}
                  spellCheck={false}
                  aria-invalid={invalid || undefined}
                  value={form[f.key] ?? ''}
                  placeholder={f.nullable ? 'Not set' : ''}
                  onChange={(e) => setForm({ ...form, [f.key]: e.target.value })}
                />
                {f.hint ? <span className="field-hint">{f.hint}</span> : null}
              </label>
            );
          })}
        </div>
        {error ? (
          <p className="field-error" role="alert" style={{ marginTop: 'var(--space-4)' }}>
            {error.message}
          </p>
        ) : null}
      </div>
      <div className="card-footer">
        <button type="button" className="btn" disabled={!dirty || busy} onClick={() => (setForm(initial), setError(null))}>
          Discard changes
        </button>
        <button type="submit" className="btn btn-primary" disabled={!dirty || busy}>
          Save settings
        </button>
      </div>
    </form>
  );
}
