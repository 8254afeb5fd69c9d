import { useEffect, useState } from 'react';
import { connection, isDesktop } from '../api';
import { AlertIcon, FlaskIcon } from '../ui/icons';
import { useAppInfo } from './app-info-store';
import { useNav } from './nav-store';

const VENDOR_NAMES: Record<string, string> = { portal: 'Portal.io', srs: 'SRS Distribution', shipserv: 'ShipServ', servicetrade: 'ServiceTrade' };

/** Shown whenever a vendor runs against the embedded simulator, so nobody mistakes it for the real thing. */
export function SandboxBanner() {
  const info = useAppInfo((s) => s.info);
  const go = useNav((s) => s.go);
  if (!info?.sandbox) return null;
  const simulated = info.vendors.filter((v) => v.mode === 'sandbox').map((v) => VENDOR_NAMES[v.vendor] ?? v.vendor);
  return (
    <div className="banner banner-sandbox" role="region" aria-label="Sandbox mode">
      <FlaskIcon className="banner-icon" />
      <div className="banner-body">
        <span className="banner-title">Sandbox</span> — {simulated.join(', ')} {simulated.length === 1 ? 'is' : 'are'} simulated on this computer.
        Nothing you do here reaches a real supplier.
      </div>
      <button type="button" className="btn btn-sm" onClick={() => go('settings')}>
        Add real credentials
      </button>
    </div>
  );
}

/** Says when the page cannot reach Junction's main side, and what to do about it. */
export function ConnectionBanner() {
  const [status, setStatus] = useState(connection.status());
  const infoError = useAppInfo((s) => s.error);
  useEffect(() => connection.onStatus(setStatus), []);
  const message =
    status === 'no-token' ?
      isDesktop ? 'This window lost its access token. Restart Junction.'
      : 'This page has no access token. Open the link that `npm run web` printed in the terminal.'
    : status === 'reconnecting' ? 'Lost the connection to Junction. Reconnecting…'
    : infoError;
  if (!message) return null;
  return (
    <div className="banner banner-error" role="alert">
      <AlertIcon className="banner-icon" />
      <div className="banner-body">
        <span className="banner-title">Not connected.</span> {message}
      </div>
    </div>
  );
}
