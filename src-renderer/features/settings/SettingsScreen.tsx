import { useEffect, useState } from 'react';
import { useAppInfo } from '../../app/app-info-store';
import { AlertIcon } from '../../ui/icons';
import { ScreenHeader } from '../../ui/ScreenHeader';
import { PortalSignIn } from '../proposals/PortalSignIn';
import { AboutCard } from './AboutCard';
import { AppearanceCard } from './AppearanceCard';
import { GeneralSettingsCard } from './GeneralSettingsCard';
import { useSettings } from './settings-store';
import { VaultCard } from './VaultCard';
import { VendorCredentialsCard } from './VendorCredentialsCard';
import './settings.css';

export function SettingsScreen() {
  const { settings, credentials, loadError, load } = useSettings();
  const info = useAppInfo((s) => s.info);
  const [portalSignIn, setPortalSignIn] = useState(false);
  useEffect(() => {
    void load();
  }, [load]);

  const vault = credentials?.vault;
  const canStore = !!vault && vault.backend !== 'unavailable' && (vault.secure || vault.plaintextAllowed);

  return (
    <>
      <ScreenHeader title="Settings" subtitle="Vendor accounts, credential storage and preferences." />
      {loadError ? (
        <p className="field-error" role="alert">
          Could not load settings: {loadError}
        </p>
      ) : null}
      {!settings || !credentials ? (
        <div className="loading" role="status">
          <div className="spinner" /> Loading settings…
        </div>
      ) : (
        <div className="settings-layout">
          <section className="section" aria-labelledby="credentials-heading">
            <h2 className="section-title" id="credentials-heading">
              Vendor credentials
            </h2>
            <div className="settings-stack">
              {!canStore ? (
                <div className="callout callout-warning" role="note">
                  <span className="callout-icon">
                    <AlertIcon />
                  </span>
                  <p>
                    <strong>Credentials cannot be saved right now.</strong> {vault?.reason ?? ''}
                  </p>
                </div>
              ) : null}
              {canStore && portalSignIn ? (
                <PortalSignIn
                  onDone={() => {
                    setPortalSignIn(false);
                    void load();
                  }}
                />
              ) : null}
              {canStore && !portalSignIn ? (
                <div>
                  <button type="button" className="btn" onClick={() => setPortalSignIn(true)}>
                    Sign in to Portal.io with username and password
                  </button>
                </div>
              ) : null}
              {credentials.vendors.map((status) => (
                <VendorCredentialsCard key={status.vendor} status={status} canStore={canStore} vaultSecure={!!vault?.secure} />
              ))}
              <VaultCard vault={credentials.vault} />
            </div>
          </section>
          <section className="section" aria-labelledby="general-heading">
            <h2 className="section-title" id="general-heading">
              General
            </h2>
            <div className="settings-stack">
              <AppearanceCard theme={settings.theme} />
              <GeneralSettingsCard key={JSON.stringify({ ...settings, theme: null })} settings={settings} />
              {info ? <AboutCard info={info} /> : null}
            </div>
          </section>
        </div>
      )}
    </>
  );
}
