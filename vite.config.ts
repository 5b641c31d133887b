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
          // A timeout catches a hang, not slowness: property tests (fast-check), the fuzz and the replays are
          // CPU-bound, and `vitest run` runs the three projects side by side, so on a 2-core CI runner next to
          // Chromium one took 9 s, past vitest's default of 5 s. Speed is measured by the benchmarks (docs/perf.md).
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
          // expect.poll gives up after 1 s by default: on a loaded 2-core CI runner a server timer or a round trip
          // can take longer than that to show what a test waits for (the socket test client waits 5 s).
          expect: { poll: { timeout: 10_000 } },
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
          // See the server project: a click, its round trip and the render it waits for can take over a second
          // when Chromium and the server share two loaded cores.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
