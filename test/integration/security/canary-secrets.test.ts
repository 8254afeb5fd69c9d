import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract } from '../../../src-shared/ipc/contract';
import { createLogger } from '../../../src-main/log/logger';
import { createAppContext, defaultLogFile, type AppContext } from '../../../src-main/services/context';
import { createHandlers } from '../../../src-main/services/handlers';
import { createDispatcher } from '../../../src-main/services/ipc/dispatch';
import { openHeadlessVault } from '../../../src-main/vault/open-vault';
import { tempDir } from '../../helpers/temp-dir';

const CANARIES = {
  portal: { appId: 'canary-appid-0a1b2c', secretKey: 'canary-portal-secret-3d4e5f', userKey: 'canary-userkey-6a7b8c' },
  srs: { clientId: 'canary-client-9d0e1f', clientSecret: 'canary-srs-secret-2a3b4c', customerCode: 'canary-cust-5d6e7f', integrationKey: 'canary-intkey-8a9b0c' },
};
const ALL = Object.values(CANARIES).flatMap((c) => Object.values(c));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

describe('canary secrets through every foundation path', () => {
  let dir: ReturnType<typeof tempDir>;
  let ctx: AppContext;
  beforeEach(async () => {
    dir = tempDir();
    const env = { JUNCTION_VAULT_PASSPHRASE: 'a long test passphrase', JUNCTION_LOG_LEVEL: 'debug' };
    const log = createLogger({ file: defaultLogFile(dir.path), level: 'debug' });
    ctx = await createAppContext({ dataDir: dir.path, env, log, vault: openHeadlessVault(dir.path, env), sandbox: 'off' });
  });
  afterEach(async () => {
    await ctx.close();
    dir.cleanup();
  });

  it('stores, reports and clears credentials without a secret in any reply, log line or file', async () => {
    const dispatch = createDispatcher(contract, createHandlers(ctx, { version: 'test', openInBrowser: async () => false }), ctx.log);
    const replies: unknown[] = [];
    const call = async (channel: string, req: unknown) => {
      const r = await dispatch(channel, req, { origin: 'test' });
      replies.push(r);
      return r;
    };

    expect(await call('credentials:set', { vendor: 'portal', values: CANARIES.portal })).toMatchObject({
      ok: true,
      value: { vendor: 'portal', configured: true, source: 'vault', fieldsSet: ['appId', 'secretKey', 'userKey'] },
    });
    await call('credentials:set', { vendor: 'srs', values: CANARIES.srs });
    await call('credentials:status', {});
    await call('app:info', {});
    // A wrong field name is refused and its value is not echoed back.
    expect(await call('credentials:set', { vendor: 'srs', values: { password: CANARIES.srs.clientSecret } })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
    // Logs at debug level with secrets in messages and fields still come out redacted.
    ctx.log.debug(`token request with client_secret=${CANARIES.srs.clientSecret}`, { headers: { authorization: `Bearer ${CANARIES.portal.userKey}` } });
    ctx.log.error('vendor failed', { error: new Error(`bad key ${CANARIES.portal.secretKey}`) });
    // The secrets are really there for main to use.
    expect(ctx.vault.get('srs.clientSecret')).toBe(CANARIES.srs.clientSecret);
    expect(ctx.vendors.configured('portal').values).toEqual(CANARIES.portal);
    await call('credentials:clear', { vendor: 'portal' });
    expect(ctx.vault.get('portal.secretKey')).toBeUndefined();

    const haystacks = [JSON.stringify(replies), ...filesUnder(dir.path).map((f) => readFileSync(f).toString('latin1'))];
    expect(readFileSync(defaultLogFile(dir.path), 'utf8')).toContain('[REDACTED]');
    for (const canary of ALL) for (const h of haystacks) expect(h).not.toContain(canary);
  });
});
