import { AppError } from '../../src-shared/domain/result';
import { VENDORS, type Vendor } from '../../src-shared/ipc/app';
import { CREDENTIAL_FIELDS, type CredentialStatus } from '../../src-shared/ipc/credentials';
import { registerSecret } from '../log/redact';
import type { Core } from './context';

/** Set/clear vendor credentials and report which are configured, never their values. */
export class CredentialsService {
  constructor(private readonly core: Pick<Core, 'vault' | 'vendors' | 'log'>) {}

  status(vendor: Vendor): CredentialStatus {
    const endpoint = this.core.vendors.resolve(vendor);
    const configured = this.core.vendors.configured(vendor);
    const fieldsSet = endpoint.source === 'sandbox' ? [] : Object.keys(configured.values);
    const required = CREDENTIAL_FIELDS[vendor];
    return {
      vendor,
      configured: configured.source !== 'none' && required.every((f) => fieldsSet.includes(f) || optionalField(vendor, f)),
      fieldsSet,
      source: endpoint.source === 'sandbox' ? 'sandbox' : configured.source,
    };
  }

  all(): CredentialStatus[] {
    return VENDORS.map((v) => this.status(v));
  }

  set(vendor: Vendor, values: Record<string, string>): CredentialStatus {
    const allowed = CREDENTIAL_FIELDS[vendor] as readonly string[];
    const unknown = Object.keys(values).filter((k) => !allowed.includes(k));
    if (unknown.length) {
      throw new AppError('BAD_REQUEST', `${vendor} has no credential field ${unknown.join(', ')}; expected ${allowed.join(', ')}.`);
    }
    const entries: Record<string, string> = {};
    for (const [k, v] of Object.entries(values)) {
      registerSecret(v);
      entries[`${vendor}.${k}`] = v.trim();
    }
    this.core.vault.set(entries);
    this.core.log.info('credentials stored', { vendor, fields: Object.keys(values) });
    return this.status(vendor);
  }

  clear(vendor: Vendor): CredentialStatus {
    this.core.vault.delete(CREDENTIAL_FIELDS[vendor].map((f) => `${vendor}.${f}`));
    this.core.log.info('credentials cleared', { vendor });
    return this.status(vendor);
  }
}

/** Fields a vendor can work without (SRS accepts an invoice instead of an integration key). */
function optionalField(vendor: Vendor, field: string): boolean {
  return vendor === 'srs' && field === 'integrationKey';
}
