import { AppError } from '../../../src-shared/domain/result';
import { registerSecret } from '../../log/redact';
import { exchangeUserKey } from '../../vendors/portal/client';
import type { Core } from '../context';

export interface LoginInput {
  username: string;
  password: string;
  appId?: string | undefined;
  secretKey?: string | undefined;
}

export interface LoginResult {
  stored: boolean;
  mode: 'sandbox' | 'live';
  message: string;
}

/**
 * Exchanges username + password for the Portal User Key and keeps App ID, Secret Key and
 * User Key in the vault. The password only lives in this call: never stored, never logged.
 */
export async function portalLogin(core: Pick<Core, 'vendors' | 'vault' | 'log'>, input: LoginInput): Promise<LoginResult> {
  registerSecret(input.password);
  const e = core.vendors.resolve('portal');
  if (!e.baseUrl) {
    throw new AppError('NOT_CONFIGURED', 'Set the Portal.io base URL first (Settings or JUNCTION_PORTAL_URL), e.g. https://api.portal.io.');
  }
  const appId = input.appId ?? e.credentials.appId;
  const secretKey = input.secretKey ?? e.credentials.secretKey;
  if (!appId || !secretKey) {
    throw new AppError('NOT_CONFIGURED', 'The Portal.io App ID and Secret Key are needed to sign in (JUNCTION_PORTAL_APP_ID / JUNCTION_PORTAL_SECRET, or enter them with the username).');
  }
  const userKey = await exchangeUserKey({ baseUrl: e.baseUrl, appId, secretKey, username: input.username, password: input.password, log: core.log.child('portal') });
  if (e.mode === 'sandbox') {
    // The embedded sandbox always uses its own demo keys; storing them would switch Portal to "live" without a URL.
    core.log.info('portal sandbox login verified');
    return { stored: false, mode: 'sandbox', message: 'Signed in to the embedded Portal sandbox; its demo keys are used, nothing was stored.' };
  }
  core.vault.set({ 'portal.appId': appId, 'portal.secretKey': secretKey, 'portal.userKey': userKey });
  core.log.info('portal login stored', { fields: ['appId', 'secretKey', 'userKey'] });
  return { stored: true, mode: 'live', message: 'Signed in to Portal.io; App ID, Secret Key and User Key are stored in the vault (the password is not).' };
}
