import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoOrder, startSrs, type SrsHarness } from './harness';

const run = promisify(execFile);
const CLI = join(process.cwd(), 'out', 'main', 'cli.js');

/** The built CLI as a child process, pointed at the test's SRS sandbox through the environment. */
describe.runIf(existsSync(CLI))('junction srs (built CLI, child process)', () => {
  let h: SrsHarness;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    h = await startSrs();
    const c = h.sandbox.credentials;
    env = {
      PATH: process.env.PATH,
      JUNCTION_DATA_DIR: join(h.dataDir, 'cli-data'),
      JUNCTION_SRS_URL: h.baseUrl,
      JUNCTION_SRS_CLIENT_ID: c.clientId,
      JUNCTION_SRS_CLIENT_SECRET: c.clientSecret,
      JUNCTION_SRS_CUSTOMER_CODE: c.customerCode,
      JUNCTION_SRS_INTEGRATION_KEY: c.integrationKey,
    };
  });
  afterAll(async () => h.close());

  const cli = async (...args: string[]) => {
    try {
      const r = await run('node', [CLI, ...args], { env, timeout: 30_000 });
      return { code: 0, stdout: r.stdout, stderr: r.stderr };
    } catch (e) {
      const x = e as { code: number; stdout: string; stderr: string };
      return { code: x.code, stdout: x.stdout, stderr: x.stderr };
    }
  };

  it('validate, set defaults, sync products and price with --json; zero price stays "call for price"', async () => {
    expect(JSON.parse((await cli('srs', 'validate', '--json')).stdout)).toMatchObject({ valid: true, customerCode: 'DEMO001' });
    expect((await cli('srs', 'defaults', '--branch', 'brriv', '--job-account', '1')).stdout).toContain('Default SRS branch BRRIV, job account 1.');
    const sync = JSON.parse((await cli('--json', 'srs', 'products', 'sync', '--branch', 'BRRIV')).stdout);
    expect(sync.branches[0]).toMatchObject({ branchCode: 'BRRIV', count: 236 });
    const priced = await cli('srs', 'price', '75664:SQ:10', '70359', '--json');
    expect(priced.code).toBe(0);
    const body = JSON.parse(priced.stdout);
    expect(body.lines[1]).toMatchObject({ productId: 70359, callForPrice: true, unitPriceCents: null, blocking: true });
    const human = await cli('srs', 'price', '70359');
    expect(human.stdout).toContain('Call branch for price');
    expect(human.stdout).not.toMatch(/\$0\.00/);
    expect(human.stdout).toContain('cached');
  });

  it('a fault injected through the control endpoint reaches the child process as a readable error', async () => {
    await fetch(`${h.baseUrl}/_sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ endpoint: 'GET /branches/v2/branchLocations', kind: 'status500', times: 10 }),
    });
    const r = await cli('srs', 'branches', '--refresh');
    await fetch(`${h.baseUrl}/_sandbox/faults`, { method: 'DELETE' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^junction: SRS had a server error \(500\) on GET \/branches\/v2\/branchLocations\./m);
    expect(r.stderr + r.stdout).not.toContain(env.JUNCTION_SRS_CLIENT_SECRET!);
  });

  it('shows an order’s SRS status, deliveries and invoices by transactionID or order ID', async () => {
    h.sandbox.configure({ statusStepMs: 60_000 });
    const order = demoOrder();
    const { orderID } = await h.client().submitOrder(order);
    const byTx = JSON.parse((await cli('srs', 'order', order.transactionID, '--json')).stdout);
    expect(byTx).toMatchObject({ status: { state: 'received', orderID }, deliveries: [], invoices: [] });
    const byId = await cli('srs', 'order', '--order-id', orderID!);
    expect(byId.stdout).toContain(`Order ${orderID} / transaction ${order.transactionID}: Received`);
    const missing = await cli('srs', 'order', 'no-such-transaction');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/junction: SRS GET \/orders\/v2\/status: not found: Order no-such-transaction was not found\./);
  });

  it('bad input exits with code 2 and a one-line reason', async () => {
    const r = await cli('srs', 'price', 'abc');
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n').at(-1)).toBe('junction: not PRODUCT_ID[:UOM[:QUANTITY]]: abc');
  });
});
