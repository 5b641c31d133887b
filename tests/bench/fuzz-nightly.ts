// `npm run fuzz [seeds] [first]`: the game fuzz over many more seeds than the unit test (default 5,000 from
// seed 1,000,001, past the unit test's seeds). Prints seeds per second and every failing seed with its
// failure; exits 1 when any seed fails. Keep a failing seed in tests/unit/fuzz-regressions.test.ts.
import { performance } from 'node:perf_hooks';
import { FuzzFailure, runFuzzGame } from '../support/fuzz/runner.js';

const seeds = Number(process.argv[2] ?? 5000);
const first = Number(process.argv[3] ?? 1_000_001);
if (!Number.isInteger(seeds) || seeds < 1 || !Number.isInteger(first) || first < 0) {
  console.error('usage: node --import tsx tests/bench/fuzz-nightly.ts [seeds] [first seed]');
  process.exit(2);
}

const failures: Array<{ seed: number; message: string }> = [];
let steps = 0;
const started = performance.now();
let lastReport = started;
for (let seed = first; seed < first + seeds; seed++) {
  try {
    steps += runFuzzGame(seed).steps;
  } catch (error) {
    const message = error instanceof FuzzFailure ? error.message : `seed ${seed}: ${(error as Error).stack ?? String(error)}`;
    failures.push({ seed, message });
    console.error(`FAIL ${message}\n`);
  }
  const now = performance.now();
  if (now - lastReport > 30_000) {
    lastReport = now;
    console.log(`… ${seed - first + 1}/${seeds} seeds, ${failures.length} failing`);
  }
}
const seconds = (performance.now() - started) / 1000;
console.log(
  `fuzz: ${seeds} seeds (${first}..${first + seeds - 1}), ${steps} steps in ${seconds.toFixed(1)} s: ` +
    `${(seeds / seconds).toFixed(1)} seeds/s, ${Math.round(steps / seconds)} steps/s`,
);
if (failures.length > 0) {
  console.log(`failing seeds: ${failures.map((f) => f.seed).join(', ')}`);
  process.exit(1);
}
console.log('no failing seed');
