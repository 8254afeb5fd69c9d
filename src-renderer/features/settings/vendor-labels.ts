import type { Vendor } from '../../../src-shared/ipc/app';

export const VENDOR_LABELS: Record<Vendor, { name: string; description: string }> = {
  portal: { name: 'Portal.io', description: 'Proposals your customers accepted.' },
  srs: { name: 'SRS Distribution', description: 'Catalog, prices and orders (SIPS API).' },
  shipserv: { name: 'ShipServ', description: 'Marine supply orders.' },
  servicetrade: { name: 'ServiceTrade', description: 'Jobs that need parts.' },
};

export const FIELD_LABELS: Record<string, { label: string; secret: boolean }> = {
  appId: { label: 'App ID', secret: false },
  secretKey: { label: 'Secret key', secret: true },
  userKey: { label: 'User key', secret: true },
  clientId: { label: 'Client ID', secret: false },
  clientSecret: { label: 'Client secret', secret: true },
  customerCode: { label: 'Customer code', secret: false },
  integrationKey: { label: 'Integration key', secret: true },
  username: { label: 'Username', secret: false },
  password: { label: 'Password', secret: true },
};

/** Where a vendor's credentials come from, in words; the vault's wording depends on whether it encrypts. */
export function sourceText(source: string, vaultSecure: boolean): string {
  if (source === 'vault' && !vaultSecure) return 'Stored on this computer without encryption, as you allowed in Credential storage.';
  return SOURCE_TEXT[source] ?? source;
}

const SOURCE_TEXT: Record<string, string> = {
  vault: 'Stored in the encrypted vault on this computer.',
  environment: 'From JUNCTION_* environment variables; they override stored values for this run.',
  sandbox: 'Using the built-in sandbox’s demo account.',
  none: 'Nothing configured yet.',
};
