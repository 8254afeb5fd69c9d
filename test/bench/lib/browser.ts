import { cpSync, existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { tempDir } from './temp';
import { CHROMIUM, CHROMIUM_FLAGS } from '../../helpers/chromium';

export { CHROMIUM, CHROMIUM_FLAGS };
/**
 * Without a frame-rate cap, requestAnimationFrame fires as soon as the previous frame is
 * done, so the gap between two callbacks is what the frame cost (at 60 Hz every gap would
 * read ~16.7 ms however little work there was).
 */
export const UNCAPPED_FRAMES = ['--disable-frame-rate-limit', '--disable-gpu-vsync'];

/** playwright-core is loaded at run time from node_modules, never bundled. */
export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  const require = createRequire(join(process.cwd(), 'package.json'));
  const { chromium } = require('playwright-core') as typeof import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_FLAGS, ...extraArgs] });
}

/** The page a baseline loads from the same host: nothing but an empty document. */
export const BLANK_PAGE = '/bench-blank.html';

/**
 * A copy of the built renderer (out/renderer) plus the blank baseline page, so the web
 * host serves both from one origin with the same headers.
 */
export function rendererWithBaselinePages(): string {
  const bundleDir = dirname(resolve(process.argv[1] ?? '.'));
  const built = resolve(bundleDir, '../renderer');
  if (!existsSync(join(built, 'index.html'))) throw new Error(`no built renderer at ${built}; run npm run build`);
  const dir = tempDir('renderer');
  cpSync(built, dir, { recursive: true });
  writeFileSync(join(dir, BLANK_PAGE.slice(1)), '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>blank</title></head><body></body></html>\n');
  return dir;
}
