import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const r = (p: string) => resolve(import.meta.dirname, p);

// No preload entry: the window has none (README, "One transport, no preload"); `npm run build`
// passes --ignoreConfigWarning so electron-vite does not warn about it.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // zod is bundled: loading it from node_modules as many small modules cost ~25 ms of start-up.
      externalizeDeps: { exclude: ['zod'] },
      rolldownOptions: {
        // One main bundle per entry: the Electron shell, the command line, the browser host
        // and the benchmark runner share every service below them.
        input: {
          index: r('src-main/app/main.ts'),
          cli: r('src-main/cli/cli.ts'),
          web: r('src-main/web/web.ts'),
          bench: r('test/bench/run.ts'),
        },
        output: { banner: (chunk: { name: string }) => (chunk.name === 'cli' ? '#!/usr/bin/env node' : '') },
      },
    },
  },
  renderer: {
    root: r('src-renderer'),
    plugins: [react()],
    build: {
      outDir: r('out/renderer'),
      rolldownOptions: { input: { index: r('src-renderer/index.html') } },
    },
  },
});
