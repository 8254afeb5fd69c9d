import { useState } from 'react';
import { notify } from '../../app/toast-store';
import { AlertIcon, ShieldIcon } from '../../ui/icons';
import { useSettings, type VaultStatus } from './settings-store';

const BACKEND_NAMES: Record<VaultStatus['backend'], string> = {
  safeStorage: 'Operating-system keychain (Electron safeStorage)',
  passphraseFile: 'Encrypted file, unlocked by JUNCTION_VAULT_PASSPHRASE',
  unavailable: 'None',
};

/** Where secrets are kept, whether that is safe, and the explicit plain-text opt-in when it is not. */
export function VaultCard({ vault }: { vault: VaultStatus }) {
  const allowPlaintext = useSettings((s) => s.allowPlaintext);
  const [busy, setBusy] = useState(false);
  const offerOptIn = vault.backend === 'safeStorage' && !vault.secure;

  const toggle = async (allow: boolean) => {
    setBusy(true);
    const err = await allowPlaintext(allow);
    setBusy(false);
    if (err) notify.error('Could not change the storage setting', err);
  };

  return (
    <section className="card" aria-labelledby="vault-title">
      <div className="card-header">
        <div>
          <h3 className="card-title" id="vault-title">
            Credential storage
          </h3>
          <p className="card-subtitle">Secrets stay in the main process; this window only learns whether they are set.</p>
        </div>
        {vault.secure ? (
          <span className="badge badge-success">Encrypted</span>
        ) : vault.plaintextAllowed ? (
          <span className="badge badge-danger">Plain text allowed</span>
        ) : (
          <span className="badge badge-warning">Storing disabled</span>
        )}
      </div>
      <div className="card-body">
        <dl className="dl">
          <dt>Backend</dt>
          <dd>{BACKEND_NAMES[vault.backend]}</dd>
        </dl>
        {vault.reason ? (
          <div className={`callout ${vault.secure ? '' : 'callout-warning'}`} style={{ marginTop: 'var(--space-4)' }}>
            <span className="callout-icon">{vault.secure ? <ShieldIcon /> : <AlertIcon />}</span>
            <p>{vault.reason}</p>
          </div>
        ) : null}
        {offerOptIn ? (
          <label className="checkbox" style={{ marginTop: 'var(--space-4)' }}>
            <input type="checkbox" checked={vault.plaintextAllowed} disabled={busy} onChange={(e) => void toggle(e.target.checked)} />
            <span>
              <strong>Store secrets without encryption</strong>
              <br />
              <span className="muted">Anyone who can read your user folder could read them. Prefer starting a keyring.</span>
            </span>
          </label>
        ) : null}
      </div>
    </section>
  );
}
