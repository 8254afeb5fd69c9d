import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startAppHost } from './lib/app-host';
import { BLANK_PAGE, launchChromium } from './lib/browser';
import type { Benchmark } from './lib/figure';
import { seedProposals } from './lib/proposals-seed';
import { sizes } from './lib/sizes';
import { median, round } from './lib/stats';
import { tempDir } from './lib/temp';

declare global {
  interface Window {
    __benchShown?: { inserted: number; painted: number };
  }
}

/**
 * Runs in the page before any of its scripts: notes when the first proposal row (or, on the
 * blank page, the load event) happens, and when the frame after it has been produced. Times
 * are ms since navigation start.
 */
function watchFirstRow(): void {
  const done = (inserted: number) =>
    requestAnimationFrame(() => setTimeout(() => (window.__benchShown = { inserted, painted: performance.now() }), 0));
  if (location.pathname === '/bench-blank.html') {
    addEventListener('load', () => done(performance.now()));
    return;
  }
  const observer = new MutationObserver(() => {
    if (!document.querySelector('[role="list"][aria-label="Proposals"] [role="listitem"]')) return;
    observer.disconnect();
    done(performance.now());
  });
  observer.observe(document, { childList: true, subtree: true });
}

/** One navigation in a fresh browser context (empty cache), timed in the page. */
async function timeLoad(browser: Browser, url: string): Promise<{ inserted: number; painted: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(watchFirstRow);
    const profileDir = process.env.JUNCTION_BENCH_PROFILE_DIR;
    // Profiling aid: the page's CPU profile from navigation to the first row.
    const cdp = profileDir ? await context.newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    }
    await page.goto(url);
    await page.waitForFunction(() => window.__benchShown !== undefined, undefined, { timeout: 30_000 });
    if (cdp && profileDir) {
      const { profile } = await cdp.send('Profiler.stop');
      mkdirSync(profileDir, { recursive: true });
      writeFileSync(join(profileDir, `first-render-${Date.now()}.cpuprofile`), JSON.stringify(profile));
    }
    return (await page.evaluate(() => window.__benchShown))!;
  } finally {
    await context.close();
  }
}

/**
 * startup_first_render: the browser host with 10,000 cached proposals; a fresh Chromium
 * context opens the app and the Proposals screen shows its first row. Baseline: the same
 * Chromium loading a blank static page from the same host.
 */
export const startupFirstRender: Benchmark = {
  name: 'startup_first_render',
  async run(o) {
    const s = sizes(o);
    const app = await startAppHost(tempDir('render'), (ctx) => seedProposals(ctx.db, s.proposals));
    const browser = await launchChromium();
    try {
      await timeLoad(browser, app.host.url); // warms the host's file reads, not the browser (each run gets a new context)
      const shown: number[] = [];
      const inserted: number[] = [];
      const blank: number[] = [];
      for (let i = 0; i < s.browserRuns; i++) {
        const r = await timeLoad(browser, app.host.url);
        shown.push(r.painted);
        inserted.push(r.inserted);
        blank.push((await timeLoad(browser, `${app.origin}${BLANK_PAGE}`)).painted);
      }
      const value = median(shown);
      const baseline = median(blank);
      o.progress(`  first proposal row ${value.toFixed(0)} ms after navigation start; blank page ${baseline.toFixed(0)} ms`);
      return {
        value: round(value, 1),
        unit: 'ms',
        baseline: round(baseline, 1),
        ratio: round(value / baseline, 2),
        goal: 'first proposal row visible < 1 s after navigation (10,000 cached)',
        pass: value < 1000,
        runs: shown.map((v) => round(v, 1)),
        detail: { proposals: s.proposals, rowInDomMs: round(median(inserted), 1) },
      };
    } finally {
      await browser.close();
      await app.close();
    }
  },
};
