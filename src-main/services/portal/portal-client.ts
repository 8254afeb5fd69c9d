import { AppError } from '../../../src-shared/domain/result';
import { PortalClient, type PortalHttpTuning } from '../../vendors/portal/client';
import type { Core } from '../context';

/** A client for the configured Portal (live or the embedded sandbox), or a clear reason why not. */
export function portalClient(core: Pick<Core, 'vendors' | 'log'>, http?: PortalHttpTuning): PortalClient {
  const e = core.vendors.resolve('portal');
  const { appId, secretKey, userKey } = e.credentials;
  if (e.mode === 'off' || !e.baseUrl) {
    throw new AppError('NOT_CONFIGURED', 'Portal.io is not configured: set its base URL (Settings or JUNCTION_PORTAL_URL) and sign in with `junction portal login`.');
  }
  if (!appId || !secretKey || !userKey) {
    const missing = [!appId && 'App ID', !secretKey && 'Secret Key', !userKey && 'User Key'].filter(Boolean).join(', ');
    throw new AppError('NOT_CONFIGURED', `Portal.io credentials are incomplete (missing ${missing}); sign in with \`junction portal login\` or under Settings.`);
  }
  return new PortalClient({ baseUrl: e.baseUrl, credentials: { appId, secretKey, userKey }, log: core.log.child('portal'), ...(http ? { http } : {}) });
}

/** True for errors that mean "Portal cannot be reached right now", where the cache should answer. */
export function isOffline(e: unknown): boolean {
  return e instanceof AppError && (e.code === 'VENDOR_UNAVAILABLE' || e.code === 'NOT_CONFIGURED');
}
