import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

/**
 * unit: pure and single-module tests; integration: real SQLite files and real HTTP to the
 * sandboxes on 127.0.0.1, child processes; e2e: Debian Chromium through playwright-core.
 */
export default defineConfig({
  plugins: [react()],
  test: {
    server: { deps: { inline: ['electron-store'] } },
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: { name: 'renderer', include: ['test/unit/**/*.test.tsx'], environment: 'jsdom' },
      },
      {
        extends: true,
        test: { name: 'integration', include: ['test/integration/**/*.test.ts'], environment: 'node', testTimeout: 60_000, hookTimeout: 60_000 },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
