import type { Browser } from 'playwright-core';
import { startAppHost } from './lib/app-host';
import { BLANK_PAGE, launchChromium } from './lib/browser';
import type { Benchmark } from './lib/figure';
import { seedProposals } from './lib/proposals-seed';
import { sizes } from './lib/sizes';
import { median, round } from './lib/stats';
import { tempDir } from './lib/temp';

interface Shown {
  inserted: number;
  painted: number;
  /** Where the time went, ms since navigation start: the page's HTML, its script, DOMContentLoaded (script run). */
  htmlMs: number;
  scriptMs: number;
  domContentLoadedMs: number;
}

declare global {
  interface Window {
    __benchShown?: Shown;
  }
}

/**
 * Runs in the page before any of its scripts: notes when the first proposal row (or, on the
 * blank page, the load event) happens, and when the frame after it has been produced. Times
 * are ms since navigation start.
 */
function watchFirstRow(): void {
  const done = (inserted: number) =>
    requestAnimationFrame(() =>
      setTimeout(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        const scripts = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.js')) as PerformanceResourceTiming[];
        window.__benchShown = {
          inserted,
          painted: performance.now(),
          htmlMs: nav?.responseEnd ?? 0,
          scriptMs: Math.max(0, ...scripts.map((e) => e.responseEnd)),
          domContentLoadedMs: nav?.domContentLoadedEventEnd ?? 0,
        };
      }, 0),
    );
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
async function timeLoad(browser: Browser, url: string): Promise<Shown> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(watchFirstRow);
    await page.goto(url);
    await page.waitForFunction(() => window.__benchShown !== undefined, undefined, { timeout: 30_000 });
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
      const phases: { htmlMs: number[]; scriptMs: number[]; domContentLoadedMs: number[] } = { htmlMs: [], scriptMs: [], domContentLoadedMs: [] };
      const blank: number[] = [];
      for (let i = 0; i < s.browserRuns; i++) {
        const r = await timeLoad(browser, app.host.url);
        shown.push(r.painted);
        inserted.push(r.inserted);
        phases.htmlMs.push(r.htmlMs);
        phases.scriptMs.push(r.scriptMs);
        phases.domContentLoadedMs.push(r.domContentLoadedMs);
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
        detail: {
          proposals: s.proposals,
          htmlLoadedMs: round(median(phases.htmlMs), 1),
          scriptLoadedMs: round(median(phases.scriptMs), 1),
          domContentLoadedMs: round(median(phases.domContentLoadedMs), 1),
          rowInDomMs: round(median(inserted), 1),
        },
      };
    } finally {
      await browser.close();
      await app.close();
    }
  },
};
