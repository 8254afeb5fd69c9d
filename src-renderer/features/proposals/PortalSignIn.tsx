import { useId, useState, type FormEvent } from 'react';
import { api } from '../../api';
import { useAppInfo } from '../../app/app-info-store';
import { notify } from '../../app/toast-store';

/**
 * Signs in to Portal.io with username + password: main exchanges them for the User Key and
 * keeps App ID, Secret Key and User Key in the vault. The password is sent once and dropped.
 */
export function PortalSignIn(props: { onDone(signedIn: boolean): void }) {
  const id = useId();
  const [form, setForm] = useState({ username: '', password: '', appId: '', secretKey: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const reply = await api.portal.login({
      username: form.username.trim(),
      password: form.password,
      ...(form.appId.trim() ? { appId: form.appId.trim() } : {}),
      ...(form.secretKey.trim() ? { secretKey: form.secretKey.trim() } : {}),
    });
    setBusy(false);
    setForm({ ...form, password: '' });
    if (!reply.ok) return setError(reply.error.message);
    setError(null);
    notify.success('Signed in to Portal.io', reply.value.message);
    void useAppInfo.getState().refresh();
    props.onDone(true);
  };

  return (
    <form className="card portal-signin" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <div className="card-header">
        <h2 className="card-title" id={`${id}-title`}>
          Sign in to Portal.io
        </h2>
      </div>
      <div className="card-body">
        <p className="field-hint">Your password is exchanged once for a user key; Junction keeps only the App ID, Secret Key and user key.</p>
        <div className="form-grid">
          <label className="field">
            <span className="field-label">Username</span>
            <input className="input" name="username" autoComplete="username" required value={form.username} onChange={set('username')} disabled={busy} />
          </label>
          <label className="field">
            <span className="field-label">Password</span>
            <input className="input" name="password" type="password" autoComplete="current-password" required value={form.password} onChange={set('password')} disabled={busy} />
          </label>
          <label className="field">
            <span className="field-label">App ID (if not saved yet)</span>
            <input className="input" name="appId" autoComplete="off" spellCheck={false} value={form.appId} onChange={set('appId')} disabled={busy} />
          </label>
          <label className="field">
            <span className="field-label">Secret Key (if not saved yet)</span>
            <input className="input" name="secretKey" type="password" autoComplete="off" value={form.secretKey} onChange={set('secretKey')} disabled={busy} />
          </label>
        </div>
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
      <div className="card-footer">
        <button type="button" className="btn btn-ghost" onClick={() => props.onDone(false)} disabled={busy}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy || !form.username || !form.password}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </div>
    </form>
  );
}
