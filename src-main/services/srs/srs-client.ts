import { createHash } from 'node:crypto';
import { AppError } from '../../../src-shared/domain/result';
import { SrsClient, type SrsClientOptions } from '../../vendors/srs/srs-client';
import type { Core } from '../context';

type SrsCore = Pick<Core, 'vendors' | 'log' | 'settings'>;

/** One client per context and configuration, so the token and the circuit breaker are shared by all callers. */
const clients = new WeakMap<object, { key: string; client: SrsClient }>();

/** The SRS client for the configured endpoint (live or the embedded sandbox), or a clear reason why not. */
export function srsClient(core: SrsCore, tuning?: Pick<SrsClientOptions, 'http' | 'submitAttempts'>): SrsClient {
  const e = core.vendors.resolve('srs');
  const { clientId, clientSecret, customerCode, integrationKey } = e.credentials;
  if (e.mode === 'off' || !e.baseUrl) {
    throw new AppError('NOT_CONFIGURED', 'SRS is not configured: set its base URL (Settings or JUNCTION_SRS_URL) and its client id, secret and customer code.');
  }
  if (!clientId || !clientSecret || !customerCode) {
    const missing = [!clientId && 'client id', !clientSecret && 'client secret', !customerCode && 'customer code'].filter(Boolean).join(', ');
    throw new AppError('NOT_CONFIGURED', `SRS credentials are incomplete (missing ${missing}); add them under Settings → SRS.`);
  }
  const sourceSystem = core.settings.get().srsSourceSystem;
  const key = createHash('sha256').update([e.baseUrl, clientId, clientSecret, customerCode, integrationKey ?? '', sourceSystem].join('\n')).digest('hex');
  const cached = clients.get(core.vendors);
  if (cached && cached.key === key && !tuning) return cached.client;
  const client = new SrsClient({
    baseUrl: e.baseUrl,
    credentials: { clientId, clientSecret, customerCode, ...(integrationKey ? { integrationKey } : {}) },
    sourceSystem,
    log: core.log.child('srs'),
    ...(tuning ?? {}),
  });
  clients.set(core.vendors, { key, client });
  return client;
}

/** The integration key configured for the customer, if any. */
export function srsIntegrationKey(core: Pick<Core, 'vendors'>): string | undefined {
  return core.vendors.resolve('srs').credentials.integrationKey || undefined;
}
