import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src-main/log/logger';
import { createAppContext, type AppContext } from '../../../src-main/services/context';
import { SrsAccountService } from '../../../src-main/services/srs/account-service';
import { SrsPricingService } from '../../../src-main/services/srs/pricing-service';
import { srsClient } from '../../../src-main/services/srs/srs-client';
import { openHeadlessVault } from '../../../src-main/vault/open-vault';
import { demoOrder, startSrs, SUBMIT, type SrsHarness } from './harness';

/** Runs the SRS flows with debug logging, including failures, then greps the log and the database for secrets. */
describe('SRS secrets stay out of logs and the database', () => {
  let h: SrsHarness;
  let ctx: AppContext;
  let logFile: string;
  let dataDir: string;

  beforeAll(async () => {
    h = await startSrs();
    const c = h.sandbox.credentials;
    const env = {
      JUNCTION_SRS_URL: h.baseUrl,
      JUNCTION_SRS_CLIENT_ID: c.clientId!,
      JUNCTION_SRS_CLIENT_SECRET: c.clientSecret!,
      JUNCTION_SRS_CUSTOMER_CODE: c.customerCode!,
      JUNCTION_SRS_INTEGRATION_KEY: c.integrationKey!,
    };
    dataDir = join(h.dataDir, 'app');
    logFile = join(dataDir, 'logs', 'secrets.log');
    ctx = await createAppContext({ dataDir, env, log: createLogger({ file: logFile, level: 'debug' }), vault: openHeadlessVault(dataDir, env), sandbox: 'off' });
  });
  afterAll(async () => {
    await ctx.close();
    await h.close();
  });

  it('after validation, pricing, a token refresh and a failed submission, no secret is written anywhere', async () => {
    const account = new SrsAccountService(ctx);
    await account.validate();
    await account.jobAccounts();
    h.sandbox.expireTokens(); // forces a 401 and a logged refresh
    await new SrsPricingService(ctx).price({ branchCode: 'BRRIV', jobAccountNumber: 1, lines: [{ productId: 75664, uom: 'BD', quantity: 1 }] });
    h.sandbox.injectFault({ endpoint: SUBMIT, kind: 'dropAfterStore' });
    await srsClient(ctx).submitOrder(demoOrder());
    ctx.log.info('request dump', { headers: { authorization: 'Bearer abcdefghijklmnop' }, url: `${h.baseUrl}/customers/validate/?IntegrationKey=${h.sandbox.credentials.integrationKey}` });

    const log = readFileSync(logFile, 'utf8');
    expect(log).toContain('SRS token rejected; refreshing once');
    expect(log).toContain('SRS submission outcome unknown');
    const db = readFileSync(join(dataDir, 'junction.db')).toString('latin1') + readFileSync(join(dataDir, 'junction.db-wal')).toString('latin1');
    const tokens = h.sandbox.issuedTokens();
    expect(tokens.length).toBeGreaterThan(0);
    for (const secret of [h.sandbox.credentials.clientSecret!, h.sandbox.credentials.integrationKey!, ...tokens]) {
      expect(log).not.toContain(secret);
      expect(db).not.toContain(secret);
    }
    expect(log).not.toMatch(/Bearer (?!\[REDACTED\])/i);
  });
});
