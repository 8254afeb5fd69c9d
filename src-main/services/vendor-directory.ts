import type { Vendor } from '../../src-shared/ipc/app';
import { CREDENTIAL_FIELDS } from '../../src-shared/ipc/credentials';
import type { SettingsRepo } from '../store/settings-repo';
import type { Vault } from '../vault/vault';

export interface VendorEndpoint {
  vendor: Vendor;
  /** sandbox: the embedded simulator; live: configured by the user; off: neither. */
  mode: 'sandbox' | 'live' | 'off';
  baseUrl: string | null;
  /** Field name → value, e.g. { appId, secretKey, userKey }. Main process only. */
  credentials: Record<string, string>;
  /** Where the credentials came from. */
  source: 'environment' | 'vault' | 'sandbox' | 'none';
}

/** Environment variable of each credential field (headless use; overrides the vault for one run). */
export const CREDENTIAL_ENV: Record<Vendor, Record<string, string>> = {
  portal: { appId: 'JUNCTION_PORTAL_APP_ID', secretKey: 'JUNCTION_PORTAL_SECRET', userKey: 'JUNCTION_PORTAL_USER_KEY' },
  srs: {
    clientId: 'JUNCTION_SRS_CLIENT_ID',
    clientSecret: 'JUNCTION_SRS_CLIENT_SECRET',
    customerCode: 'JUNCTION_SRS_CUSTOMER_CODE',
    integrationKey: 'JUNCTION_SRS_INTEGRATION_KEY',
  },
  shipserv: {},
  servicetrade: {},
};

export const BASE_URL_ENV: Record<Vendor, string> = {
  portal: 'JUNCTION_PORTAL_URL',
  srs: 'JUNCTION_SRS_URL',
  shipserv: 'JUNCTION_SHIPSERV_URL',
  servicetrade: 'JUNCTION_SERVICETRADE_URL',
};

export interface SandboxInfo {
  baseUrl(vendor: Vendor): string;
  credentials(vendor: Vendor): Record<string, string> | undefined;
}

/**
 * Decides, per vendor, which base URL and credentials a client uses:
 * environment over vault/settings; with nothing configured, the embedded sandbox.
 */
export class VendorDirectory {
  private sandbox: SandboxInfo | null = null;

  constructor(
    private readonly env: NodeJS.ProcessEnv,
    private readonly vault: Vault,
    private readonly settings: SettingsRepo,
  ) {}

  attachSandbox(info: SandboxInfo | null): void {
    this.sandbox = info;
  }

  /** True when a vendor has neither credentials nor a base URL of its own. */
  isUnconfigured(vendor: Vendor): boolean {
    return this.configured(vendor).source === 'none' && !this.configuredBaseUrl(vendor);
  }

  resolve(vendor: Vendor): VendorEndpoint {
    const own = this.configured(vendor);
    const baseUrl = this.configuredBaseUrl(vendor);
    if (own.source !== 'none' || baseUrl) {
      return { vendor, mode: baseUrl ? 'live' : 'off', baseUrl, credentials: own.values, source: own.source };
    }
    const sandboxCreds = this.sandbox?.credentials(vendor);
    if (this.sandbox && sandboxCreds) {
      return { vendor, mode: 'sandbox', baseUrl: this.sandbox.baseUrl(vendor), credentials: sandboxCreds, source: 'sandbox' };
    }
    return { vendor, mode: 'off', baseUrl: null, credentials: {}, source: 'none' };
  }

  private configuredBaseUrl(vendor: Vendor): string | null {
    const s = this.settings.get();
    const fromSettings = vendor === 'portal' ? s.portalBaseUrl : vendor === 'srs' ? s.srsBaseUrl : null;
    return this.env[BASE_URL_ENV[vendor]] || fromSettings || null;
  }

  /** Credentials from the environment (whole set wins) or the vault. */
  configured(vendor: Vendor): { values: Record<string, string>; source: 'environment' | 'vault' | 'none' } {
    const fromEnv: Record<string, string> = {};
    for (const [field, name] of Object.entries(CREDENTIAL_ENV[vendor])) {
      const v = this.env[name];
      if (v) fromEnv[field] = v;
    }
    if (Object.keys(fromEnv).length) return { values: fromEnv, source: 'environment' };
    const fromVault: Record<string, string> = {};
    for (const field of CREDENTIAL_FIELDS[vendor]) {
      const v = this.vault.get(`${vendor}.${field}`);
      if (v) fromVault[field] = v;
    }
    if (Object.keys(fromVault).length) return { values: fromVault, source: 'vault' };
    return { values: {}, source: 'none' };
  }
}
