import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startAppHost } from './lib/app-host';
import { BLANK_PAGE, launchChromium, UNCAPPED_FRAMES } from './lib/browser';
import type { Benchmark } from './lib/figure';
import { syncedCatalog } from './lib/fixtures';
import { seedProposals } from './lib/proposals-seed';
import { sizes } from './lib/sizes';
import { median, percentile, round } from './lib/stats';

interface ScrollArgs {
  selector: string;
  /** Frames of steady scrolling (wheel/trackpad), `step` px each. */
  frames: number;
  step: number;
  /** Then frames that each jump 1/jumps of the whole list further (dragging the scrollbar). */
  jumps: number;
}

interface ScrollResult {
  frameMs: number[];
  maxRows: number;
  scrollHeight: number;
  clientHeight: number;
  clientWidth: number;
  rowHeight: number;
}

/** In the page: scrolls `selector` one step per animation frame, noting each frame's duration and the rows in the DOM. */
function scripted(a: ScrollArgs): Promise<ScrollResult> {
  const el = document.querySelector<HTMLElement>(a.selector);
  if (!el) throw new Error(`no scroll container ${a.selector}`);
  const rowHeight = el.querySelector<HTMLElement>('[role="listitem"]')?.offsetHeight ?? 0;
  const frameMs: number[] = [];
  let maxRows = 0;
  let last = 0;
  let n = 0;
  el.scrollTop = 0;
  const range = el.scrollHeight - el.clientHeight;
  return new Promise((resolve) => {
    const tick = (t: number) => {
      if (last) frameMs.push(t - last);
      last = t;
      maxRows = Math.max(maxRows, el.querySelectorAll('[role="listitem"]').length);
      if (n < a.frames) el.scrollTop += a.step;
      else if (n < a.frames + a.jumps) el.scrollTop = (range * (n - a.frames + 1)) / a.jumps;
      else {
        resolve({ frameMs, maxRows, scrollHeight: el.scrollHeight, clientHeight: el.clientHeight, clientWidth: el.clientWidth, rowHeight });
        return;
      }
      n++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/** In the page: a static scroll container of the given size, nothing rendered while it scrolls. */
function buildStatic(size: { width: number; height: number; scrollHeight: number }): void {
  const box = document.createElement('div');
  box.id = 'bench-static';
  box.style.cssText = `width:${size.width}px;height:${size.height}px;overflow:auto`;
  const inner = document.createElement('div');
  inner.style.height = `${size.scrollHeight}px`;
  box.append(inner);
  document.body.append(box);
}

const LISTS = {
  catalog: { selector: '[role="list"][aria-label="Catalog items"]', loaded: '[aria-label="Catalog items"] button.catalog-row', nav: 'Catalog' },
  proposals: { selector: '[role="list"][aria-label="Proposals"]', loaded: '[aria-label="Proposals"] [role="listitem"]', nav: null },
} as const;

async function scrollOnce(browser: Browser, url: string, list: keyof typeof LISTS, frames: number): Promise<ScrollResult> {
  const spec = LISTS[list];
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page: Page = await context.newPage();
    await page.goto(url);
    if (spec.nav) await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: spec.nav, exact: true }).click();
    await page.locator(spec.loaded).first().waitFor({ timeout: 30_000 });
    const args = { selector: spec.selector, frames, step: 40, jumps: Math.round(frames / 10) };
    const profileDir = process.env.JUNCTION_BENCH_PROFILE_DIR;
    if (!profileDir) return await page.evaluate(scripted, args);
    // Profiling aid: the renderer's CPU profile of this scroll, for chrome://inspect or speedscope.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    const result = await page.evaluate(scripted, args);
    const { profile } = await cdp.send('Profiler.stop');
    mkdirSync(profileDir, { recursive: true });
    writeFileSync(join(profileDir, `scroll-${list}-${Date.now()}.cpuprofile`), JSON.stringify(profile));
    return result;
  } finally {
    await context.close();
  }
}

async function scrollStatic(browser: Browser, blankUrl: string, like: ScrollResult, frames: number): Promise<ScrollResult> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(blankUrl);
    await page.evaluate(buildStatic, { width: like.clientWidth, height: like.clientHeight, scrollHeight: like.scrollHeight });
    return await page.evaluate(scripted, { selector: '#bench-static', frames, step: 40, jumps: Math.round(frames / 10) });
  } finally {
    await context.close();
  }
}

/**
 * list_scroll: Chromium (frame rate uncapped, so a frame lasts as long as its work) scrolls
 * the 200k-item catalog and the 10,000-proposal list, steadily and then by scrollbar jumps
 * across the whole list; p95 frame time and the most list rows ever in the DOM. Baseline:
 * the same scroll over a static page of the same size.
 */
export const listScroll: Benchmark = {
  name: 'list_scroll',
  async run(o) {
    const s = sizes(o);
    const dataDir = await syncedCatalog(s.catalog, o.progress);
    const app = await startAppHost(dataDir, (ctx) => seedProposals(ctx.db, s.proposals));
    const browser = await launchChromium(UNCAPPED_FRAMES);
    try {
      const per: Record<keyof typeof LISTS, { p95: number[]; base95: number[]; rows: number; scrollRows: number }> = {
        catalog: { p95: [], base95: [], rows: 0, scrollRows: 0 },
        proposals: { p95: [], base95: [], rows: 0, scrollRows: 0 },
      };
      for (let i = 0; i < s.browserRuns; i++) {
        for (const list of Object.keys(LISTS) as (keyof typeof LISTS)[]) {
          const r = await scrollOnce(browser, app.host.url, list, s.scrollFrames);
          const b = await scrollStatic(browser, `${app.origin}${BLANK_PAGE}`, r, s.scrollFrames);
          const p = per[list];
          p.p95.push(percentile(r.frameMs, 95));
          p.base95.push(percentile(b.frameMs, 95));
          p.rows = Math.max(p.rows, r.maxRows);
          p.scrollRows = r.rowHeight ? Math.round(r.scrollHeight / r.rowHeight) : 0;
        }
        o.progress(`  scroll run ${i + 1}/${s.browserRuns}: catalog p95 ${per.catalog.p95.at(-1)!.toFixed(1)} ms (${per.catalog.rows} rows), proposals p95 ${per.proposals.p95.at(-1)!.toFixed(1)} ms (${per.proposals.rows} rows)`);
      }
      const catalog = median(per.catalog.p95);
      const proposals = median(per.proposals.p95);
      const value = Math.max(catalog, proposals);
      const baseline = Math.max(median(per.catalog.base95), median(per.proposals.base95));
      const maxRows = Math.max(per.catalog.rows, per.proposals.rows);
      return {
        value: round(value, 2),
        unit: 'ms (p95 frame)',
        p95: round(value, 2),
        baseline: round(baseline, 2),
        ratio: round(value / baseline, 2),
        goal: 'p95 frame < 16 ms while scrolling; < 100 rows in the DOM',
        pass: value < 16 && maxRows < 100,
        runs: per.catalog.p95.map((c, i) => round(Math.max(c, per.proposals.p95[i]!), 2)),
        detail: {
          catalogP95Ms: round(catalog, 2),
          proposalsP95Ms: round(proposals, 2),
          catalogBaselineP95Ms: round(median(per.catalog.base95), 2),
          proposalsBaselineP95Ms: round(median(per.proposals.base95), 2),
          catalogMaxDomRows: per.catalog.rows,
          proposalsMaxDomRows: per.proposals.rows,
          catalogScrollableRows: per.catalog.scrollRows,
          proposalsScrollableRows: per.proposals.scrollRows,
          framesPerScroll: s.scrollFrames + Math.round(s.scrollFrames / 10),
        },
      };
    } finally {
      await browser.close();
      await app.close();
    }
  },
};
