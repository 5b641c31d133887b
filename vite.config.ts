import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';

/** In `npm run dev`, Socket.IO rides on Vite's own http server so that the pages and the game share a port. */
function fleetOpsRealtime(): Plugin {
  return {
    name: 'fleet-ops-realtime',
    async configureServer(server) {
      // vitest runs plugins without an http server.
      if (!server.httpServer) return;
      const { startDevRealtime } = await import('./server/dev.js');
      await startDevRealtime(server.httpServer);
    },
  };
}

export default defineConfig({
  plugins: [sveltekit(), fleetOpsRealtime()],
  server: { port: Number(process.env.PORT ?? 5173) },
  test: {
    reporters: ['default', './tests/support/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // A timeout catches a hang, not slowness: the fuzz and replay tests take seconds on a loaded 2-core CI
          // machine, and speed is measured by the benchmarks (docs/perf.md), never by a test's clock.
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'server',
          include: ['tests/server/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
