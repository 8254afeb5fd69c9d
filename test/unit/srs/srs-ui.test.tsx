import { join } from 'node:path';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { contract } from '../../../src-shared/ipc/contract';
import { silentLogger } from '../../../src-main/log/logger';
import { startSandboxServer, type SandboxServer } from '../../../src-main/sandbox/server';
import { createAppContext, type AppContext } from '../../../src-main/services/context';
import { createHandlers } from '../../../src-main/services/handlers';
import { createDispatcher } from '../../../src-main/services/ipc/dispatch';
import { SrsProductsService } from '../../../src-main/services/srs/products-service';
import { openHeadlessVault } from '../../../src-main/vault/open-vault';
import { tempDir } from '../../helpers/temp-dir';
import { rendererTransport } from '../../helpers/renderer-api';

vi.mock('../../../src-renderer/api', async () => (await import('../../helpers/renderer-api')).rendererApiModule());

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/**
 * The SRS screen in jsdom, wired to the real main side: the renderer's api is the contract over
 * the real dispatcher, services, SQLite file and the SRS sandbox on 127.0.0.1.
 */
describe('SRS screen (renderer over the real contract)', () => {
  const dir = tempDir('junction-srs-ui-');
  let sandbox: SandboxServer;
  let ctx: AppContext;
  let root: Root;
  let host: HTMLElement;

  beforeAll(async () => {
    sandbox = await startSandboxServer({ dataDir: dir.path, log: silentLogger, only: ['srs'] });
    const c = sandbox.vendors[0]!.credentials;
    const env = {
      JUNCTION_SRS_URL: sandbox.baseUrl('srs'),
      JUNCTION_SRS_CLIENT_ID: c.clientId!,
      JUNCTION_SRS_CLIENT_SECRET: c.clientSecret!,
      JUNCTION_SRS_CUSTOMER_CODE: c.customerCode!,
      JUNCTION_SRS_INTEGRATION_KEY: c.integrationKey!,
    };
    const dataDir = join(dir.path, 'app');
    ctx = await createAppContext({ dataDir, env, log: silentLogger, vault: openHeadlessVault(dataDir, env), sandbox: 'off' });
    await new SrsProductsService(ctx).startSync(['BRRIV', 'DALTX']).done;
    ctx.settings.update({ srsDefaultBranch: 'BRRIV', srsDefaultJobAccount: 1 });
    const dispatch = createDispatcher(contract, createHandlers(ctx, { version: 'test', openInBrowser: async () => false }), silentLogger);
    rendererTransport.current = {
      call: (channel, req) => dispatch(channel, req, { origin: 'test' }),
      subscribe: () => () => undefined,
    };
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
  });

  afterAll(async () => {
    act(() => root.unmount());
    await ctx.close();
    await sandbox.close();
    dir.cleanup();
  });

  const until = async (check: () => boolean, what: string) => {
    for (let i = 0; i < 200; i++) {
      if (check()) return;
      await act(async () => new Promise((r) => setTimeout(r, 20)));
    }
    throw new Error(`timed out waiting for ${what}: ${host.textContent?.slice(0, 400)}`);
  };
  const button = (label: string) => [...host.querySelectorAll('button')].find((b) => b.textContent === label)!;

  it('shows ordering blocked until the customer is validated, then the branches and job accounts', async () => {
    const { SrsScreen } = await import('../../../src-renderer/features/srs/SrsScreen');
    await act(async () => root.render(<SrsScreen />));
    await until(() => host.querySelector('[data-testid="srs-blocked"]') !== null, 'the blocked notice');
    expect(host.querySelector('[data-testid="srs-blocked"]')!.textContent).toContain('has not been validated yet');
    await act(async () => button('Validate customer').click());
    await until(() => host.textContent!.includes('may order from SRS'), 'validation');
    expect(host.querySelector('[data-testid="srs-blocked"]')).toBeNull();
    const branchRows = [...host.querySelectorAll('.srs-branches tbody tr')].map((tr) => tr.textContent);
    expect(branchRows).toHaveLength(4);
    expect(branchRows.find((t) => t!.includes('HWPLY'))).toContain('(763) 555-0113');
    expect(branchRows.find((t) => t!.includes('HWPLY'))).toContain('Ground Drop, Will Call');
    expect(host.querySelector('.srs-accounts')!.textContent).toContain('AMDEN · #78 DENVER OPERATIONS');
  });

  it('searches branch products offline with the "available at" mark, then prices them without ever showing $0', async () => {
    const input = host.querySelector<HTMLInputElement>('input[type="search"]')!;
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    await act(async () => {
      setter.call(input, 'slateline');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await until(() => host.querySelector('[data-product-id="70359"]') !== null, 'the search result');
    const row = () => host.querySelector('[data-product-id="70359"]')!;
    expect(row().textContent).toContain('Available at BRRIV');
    await act(async () => button('Get prices').click());
    await until(() => row().querySelector('.srs-price') !== null, 'the price');
    expect(row().textContent).toContain('Call branch for price');
    expect(row().textContent).not.toMatch(/\$0(\.00)?/);
    expect(row().textContent).toMatch(/priced just now/);
  });

  it('shows out of stock with the suggested substitutes', async () => {
    const input = host.querySelector<HTMLInputElement>('input[type="search"]')!;
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    await act(async () => {
      setter.call(input, 'timberline hdz');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await until(() => host.querySelector('[data-product-id="70253"]') !== null, 'the search result');
    await act(async () => button('Get prices').click());
    await until(() => host.querySelector('[data-product-id="70253"] .srs-price') !== null, 'the price');
    const text = host.querySelector('[data-product-id="70253"]')!.textContent!;
    expect(text).toContain('Out of stock');
    expect(text).toContain('Substitutes: GAF Timberline UHDZ Shingles (70270)');
  });
});
