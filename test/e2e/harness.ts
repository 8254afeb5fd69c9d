import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import type { Reply } from '../../src-shared/domain/result';
import { createLogger } from '../../src-main/log/logger';
import { createAppContext, defaultLogFile, type AppContext } from '../../src-main/services/context';
import { openHeadlessVault } from '../../src-main/vault/open-vault';
import { startWebHost, type WebHost } from '../../src-main/web/host';
import { CHROMIUM, CHROMIUM_FLAGS } from '../helpers/chromium';
import { apiCall } from '../helpers/api-call';

export const ROOT = resolve(import.meta.dirname, '../..');
export const RENDERER_DIR = join(ROOT, 'out/renderer');
export const SCREENSHOT_DIR = join(ROOT, 'test-results');
export { CHROMIUM, CHROMIUM_FLAGS };

export interface LaunchOptions {
  /** The app's environment (JUNCTION_* variables). Empty by default, so the run is hermetic. */
  env?: NodeJS.ProcessEnv;
  /** Sets JUNCTION_VAULT_PASSPHRASE so credentials can be stored (passphrase-file vault). */
  vaultPassphrase?: string;
  sandbox?: 'auto' | 'off';
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
}

export interface E2eApp {
  page: Page;
  /** The URL with the token, as the web host prints it. */
  url: string;
  ctx: AppContext;
  host: WebHost;
  dataDir: string;
  browser: BrowserContext;
  /** Console errors and page errors (CSP violations land here), for tests to assert none. */
  pageErrors: string[];
  /** One contract call to the host, the way the page makes it. */
  call<T = unknown>(channel: string, req?: unknown): Promise<Reply<T>>;
  /** The sidebar item of a screen, e.g. `app.nav('Settings').click()`. */
  nav(label: string): Locator;
  /** Saves a PNG of the window into test-results/ and returns its path. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

/** CI builds before testing; a developer running one e2e file gets a build once. */
export function ensureBuilt(files: string[] = [join(RENDERER_DIR, 'index.html')]): void {
  if (files.every((f) => existsSync(f))) return;
  execFileSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
}

/** Calls one channel on the host the way the page does (HTTP, with the launch token). */
export async function callHost<T>(host: WebHost, channel: string, req: unknown = {}): Promise<Reply<T>> {
  const origin = `http://127.0.0.1:${host.port}`;
  return (await apiCall<T>(origin, host.token, channel, req, { Origin: origin })).reply;
}

/**
 * Starts the real app for a browser: a temp data dir, the context (with the embedded
 * sandboxes unless told otherwise) and the web host in-process, then Debian Chromium with
 * a fresh profile on the host's URL. `close()` removes everything.
 */
export async function launchApp(options: LaunchOptions = {}): Promise<E2eApp> {
  ensureBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), 'junction-e2e-'));
  const profileDir = mkdtempSync(join(tmpdir(), 'junction-chromium-'));
  const env: NodeJS.ProcessEnv = { ...options.env, ...(options.vaultPassphrase ? { JUNCTION_VAULT_PASSPHRASE: options.vaultPassphrase } : {}) };

  const removeDirs = () => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(profileDir, { recursive: true, force: true });
  };
  let ctx: AppContext;
  try {
    ctx = await createAppContext({
      dataDir,
      env,
      vault: openHeadlessVault(dataDir, env),
      log: createLogger({ file: defaultLogFile(dataDir) }),
      sandbox: options.sandbox ?? 'auto',
    });
  } catch (e) {
    removeDirs();
    throw e;
  }
  const host = await startWebHost({ ctx, rendererDir: RENDERER_DIR, version: '0.0.0-e2e' });

  let browser: BrowserContext;
  try {
    browser = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_FLAGS,
      viewport: options.viewport ?? { width: 1280, height: 800 },
      colorScheme: options.colorScheme ?? 'light',
      reducedMotion: 'reduce',
    });
  } catch (e) {
    await host.close();
    await ctx.close();
    removeDirs();
    throw e;
  }
  const page = browser.pages()[0] ?? (await browser.newPage());
  const pageErrors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') pageErrors.push(msg.text());
  });
  page.on('pageerror', (err) => pageErrors.push(err.message));
  await page.goto(host.url);
  await page.getByRole('navigation', { name: 'Main' }).waitFor();

  return {
    page,
    url: host.url,
    ctx,
    host,
    dataDir,
    browser,
    pageErrors,
    call: (channel, req) => callHost(host, channel, req),
    nav: (label) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: label, exact: true }),
    async screenshot(name) {
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      const file = join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path: file, fullPage: false });
      return file;
    },
    async close() {
      await browser.close().catch(() => undefined);
      await host.close();
      await ctx.close();
      removeDirs();
    },
  };
}
