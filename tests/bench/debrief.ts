// `npm run bench:debrief`: what the debrief costs the server in a 40-team game of 30 players each: walking the
// log into the timeline (once per game; later calls continue it), a "what if" (the log replayed twice), a
// replay's first scrub from the start to the end, and the per-decision CSV (the log walked again, each decision
// read). The server is single-threaded, so what it does at once blocks it: the numbers say for how long, and for
// what it does in slices, the longest it holds the event loop at a time. Results go into docs/perf.md by hand.
import { performance } from 'node:perf_hooks';
import { toCsv } from '../../server/exports/csv.js';
import { decisionOf, decisionsOfLog } from '../../server/exports/decisions.js';
import { decisionTable } from '../../server/exports/tables.js';
import { walkLog } from '../../server/exports/walk.js';
import { ReplayCursor } from '../../shared/sim/debrief/replay-cursor.js';
import { continueWalk, debriefOf, observe, startWalk } from '../../shared/sim/debrief/timeline.js';
import { whatIf, whatIfSteps } from '../../shared/sim/debrief/what-if.js';
import { inSlices, SLICE_MS } from '../../server/replay/slices.js';
import { createGame, reduce } from '../../shared/sim/reducer.js';
import { replay } from '../../shared/sim/replay.js';
import type { GameConfig, GameState } from '../../shared/sim/state.js';
import { stateHash } from '../../shared/sim/hash.js';
import { busyLog } from '../support/busy-log.js';

const config: GameConfig = { code: 'BENCHD', seed: 7, teamCount: 40, askStudentId: false };

function timeMs(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

async function timeMsAsync(fn: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

const { log, promotions } = busyLog(config);

console.log(`log: ${log.length} actions, ${promotions.length} promotions`);
let walk = startWalk(config);
console.log(`timeline walk of the whole log: ${timeMs(() => (walk = continueWalk(walk, log))).toFixed(0)} ms (${walk.entries.length} entries)`);
console.log(`the host's debrief from the walk (stories, talking points): ${timeMs(() => debriefOf(walk, 'host')).toFixed(1)} ms`);
// What the live server pays to follow the game (the states exist already): observe each action.
const states: GameState[] = [];
let state = createGame(config);
for (const action of log) {
  const result = reduce(state, action);
  if (!result.ok) throw new Error(result.code);
  states.push((state = result.state));
}
let followed = startWalk(config);
const followMs = timeMs(() => log.forEach((action, i) => (followed = observe(followed, action, states[i]!))));
console.log(`following the game live (observe every action): ${followMs.toFixed(0)} ms in all, ${((followMs / log.length) * 1000).toFixed(1)} µs an action`);
console.log(`plain replay of the whole log: ${timeMs(() => replay(config, log)).toFixed(0)} ms`);
const version = promotions[Math.floor(promotions.length / 2)]!;
let ok = false;
console.log(`what if (rollback at version ${version}): ${timeMs(() => (ok = whatIf(config, log, walk, version, 'rollback').ok)).toFixed(0)} ms (${ok ? 'ok' : 'refused'})`);
/**
 * Runs `work` with a timer asking every millisecond: its lateness is how long the event loop was held at a time
 * (what every other socket of the server waits). Returns the wall time and the longest hold.
 */
async function held<T>(work: () => Promise<T> | T): Promise<{ value: T; took: number; longest: number }> {
  let longest = 0;
  let last = performance.now();
  const probe = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  const started = performance.now();
  const value = await work();
  const took = performance.now() - started;
  // The probe's turn after synchronous work is what tells how long that work held the loop.
  await new Promise((resolve) => setTimeout(resolve, 2));
  clearInterval(probe);
  return { value, took, longest };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (values: number[]) => values.map((v) => v.toFixed(0)).join(', ');

// The server works a "what if" out in slices (server/replay/slices.ts): how long it takes then, and the longest
// the event loop is held meanwhile.
{
  const { value: sliced, took, longest } = await held(() => inSlices(whatIfSteps(config, log, walk, version, 'rollback')));
  console.log(`what if in slices of ${SLICE_MS} ms: ${took.toFixed(0)} ms (${sliced.ok ? 'ok' : 'refused'}), event loop held at most ${longest.toFixed(0)} ms at a time`);
}
// A replay's first scrub to the end (a fresh cursor: nothing kept yet), as the server did it before (at once)
// and as it does now (in slices). Five of each, alternating (this machine is shared and noisy); both must land
// on the live game's state.
{
  const liveHash = stateHash(states.at(-1)!);
  const atOnce: { took: number; longest: number }[] = [];
  const sliced: { took: number; longest: number }[] = [];
  // The wall-clock probe also counts the moments the OS gives the core to another process (this machine is
  // shared); the CPU time of the longest step says what the code itself holds: a slice is at most SLICE_MS plus
  // one step.
  const steps: number[] = [];
  function* timed<T>(work: Generator<void, T, void>): Generator<void, T, void> {
    for (;;) {
      const start = process.cpuUsage();
      const step = work.next();
      const used = process.cpuUsage(start);
      steps.push((used.user + used.system) / 1000);
      if (step.done) return step.value;
      yield;
    }
  }
  for (let i = 0; i < 5; i++) {
    const plain = new ReplayCursor(config, log);
    atOnce.push(await held(() => plain.seek(log.length)));
    const stepwise = new ReplayCursor(config, log);
    sliced.push(await held(() => inSlices(timed(stepwise.seekSteps(() => log.length)))));
    if (stateHash(plain.state) !== liveHash || stateHash(stepwise.state) !== liveHash) throw new Error('a seek to the end missed the live state');
  }
  const report = (name: string, runs: { took: number; longest: number }[]) =>
    console.log(
      `${name}: median ${median(runs.map((r) => r.took)).toFixed(0)} ms (${ms(runs.map((r) => r.took))}), event loop held at most ${Math.max(...runs.map((r) => r.longest)).toFixed(0)} ms at a time (median of the runs' longest ${median(runs.map((r) => r.longest)).toFixed(0)} ms)`,
    );
  report('replay seek 0 → end at once', atOnce);
  report(`replay seek 0 → end in slices of ${SLICE_MS} ms`, sliced);
  console.log(`  its steps in CPU time: median ${median(steps).toFixed(1)} ms, longest ${Math.max(...steps).toFixed(1)} ms (${steps.length} steps in 5 runs)`);
}
// The per-decision CSV as the server builds it from the stored log (the walk yields to the event loop every
// 20 ms, so this is wall time, not one block), and the same walk reading nothing: what the CSV adds to the walk
// is the difference. Each the best of three, alternating (this machine is shared and noisy).
const stored = log.map((action, i) => ({ seq: i + 1, action, idem: null, at: 1_795_000_000_000 + i * 1000 }));
let csv = '';
const exportRuns: number[] = [];
const bareRuns: number[] = [];
for (let i = 0; i < 3; i++) {
  exportRuns.push(
    await timeMsAsync(async () => {
      const { header, rows } = decisionTable(await decisionsOfLog(config, stored));
      csv = toCsv(header, rows);
    }),
  );
  bareRuns.push(await timeMsAsync(async () => void (await walkLog(config, stored))));
}
console.log(`per-decision CSV (walk + evidence + table): ${Math.min(...exportRuns).toFixed(0)} ms (${csv.split('\r\n').length - 2} decisions, ${(csv.length / 1024).toFixed(0)} KB)`);
console.log(`the export's walk alone: ${Math.min(...bareRuns).toFixed(0)} ms`);
// What reading the decisions costs once the states exist, in CPU time (the best of 15: the walks above are wall
// time on a shared machine): the CSV's evidence of every action, and the host's debrief followed live and built.
function cpuMs(fn: () => void): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}
const bestCpu = (fn: () => void) => Math.min(...Array.from({ length: 15 }, () => cpuMs(fn)));
const befores = [createGame(config), ...states];
const readMs = bestCpu(() => log.forEach((action, i) => decisionOf(befores[i]!, states[i]!, action, i + 1, null)));
console.log(`the CSV's readings of every action from the states: ${readMs.toFixed(1)} ms CPU`);
const debriefMs = bestCpu(() => {
  let live = startWalk(config);
  log.forEach((action, i) => (live = observe(live, action, states[i]!)));
  debriefOf(live, 'host');
});
console.log(`the debrief followed over every action and built for the host: ${debriefMs.toFixed(1)} ms CPU`);

// A finished game loaded from the store (a host opens it from "Past games" after a restart) and its debrief's
// timeline walked from the log on the first `sync:debrief`: the server's own code (Rooms.find, Studios.debrief)
// on a real SQLite file, in slices of SLICE_MS, against the same code given one slice as long as the work (what
// the server did before: the whole log at once). Five of each, alternating. Besides the wall-clock probe, the CPU
// time between two turns of the event loop (a chain of setImmediate) says what one turn costs without the moments
// the OS gives the core to another process. It is the process's CPU time: V8's garbage collector works on threads
// beside the loop, so a turn's CPU time can exceed its wall time.
{
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { SqliteStore } = await import('../../server/store/sqlite.js');
  const { Rooms } = await import('../../server/rooms/rooms.js');
  const { Studios } = await import('../../server/replay/studios.js');
  const { RULES_VERSION } = await import('../../shared/sim/rules-version.js');
  const dir = mkdtempSync(join(tmpdir(), 'fleetops-bench-'));
  const store = new SqliteStore(join(dir, 'bench.sqlite'));
  const now = new Date().toISOString();
  store.createGame(config, 'bench-host', now, RULES_VERSION);
  store.replaceLog(config.code, RULES_VERSION, log.map((action, i) => ({ seq: i + 1, action, idem: null, at: Date.now() })));
  store.markFinished(config.code, now);

  /** `held`, with the CPU time of every turn of the event loop meanwhile (the slices, and whatever else ran). */
  async function turns<T>(work: () => Promise<T>): Promise<{ value: T; took: number; longest: number; cpu: number[] }> {
    const cpu: number[] = [];
    let running = true;
    let last = process.cpuUsage();
    const tick = () => {
      const used = process.cpuUsage(last);
      last = process.cpuUsage();
      cpu.push((used.user + used.system) / 1000);
      if (running) setImmediate(tick);
    };
    setImmediate(tick);
    const result = await held(work);
    running = false;
    return { ...result, cpu };
  }

  const liveHash = stateHash(states.at(-1)!);
  type Run = { took: number; longest: number; cpu: number[] };
  const runs = { loadOnce: [] as Run[], loadSliced: [] as Run[], walkOnce: [] as Run[], walkSliced: [] as Run[] };
  for (let i = 0; i < 5; i++) {
    for (const [sliceMs, loads, walks] of [
      [Number.POSITIVE_INFINITY, runs.loadOnce, runs.walkOnce],
      [SLICE_MS, runs.loadSliced, runs.walkSliced],
    ] as const) {
      const rooms = new Rooms(store, () => {}, 10, Date.now, undefined, { sliceMs });
      const loaded = await turns(() => rooms.find(config.code));
      if (!loaded.value.ok || stateHash(loaded.value.room.state) !== liveHash) throw new Error('the load missed the live state');
      loads.push(loaded);
      const studios = new Studios(() => {}, sliceMs);
      const room = loaded.value.room;
      const walked = await turns(() => studios.debrief(room, 'host'));
      if (!walked.value.ok || walked.value.debrief.version !== log.length) throw new Error('the walk did not reach the end');
      walks.push(walked);
      rooms.stop();
    }
  }
  const report = (name: string, list: Run[]) => {
    const longestCpu = list.map((r) => Math.max(...r.cpu));
    console.log(
      `${name}: median ${median(list.map((r) => r.took)).toFixed(0)} ms (${ms(list.map((r) => r.took))}); event loop held at most ` +
        `${median(list.map((r) => r.longest)).toFixed(0)} ms at a time, median of the runs (${ms(list.map((r) => r.longest))}); ` +
        `the longest turn's process CPU time ${median(longestCpu).toFixed(1)} ms, median of the runs (${longestCpu.map((v) => v.toFixed(1)).join(', ')})`,
    );
  };
  const readCpu = Array.from({ length: 5 }, () => cpuMs(() => store.loadFinished(config.code)));
  console.log(`the store's read of the finished game (SQLite rows, JSON of the log), at once: ${median(readCpu).toFixed(1)} ms CPU (median of 5)`);
  report('finished game loaded from the store at once', runs.loadOnce);
  report(`finished game loaded from the store in slices of ${SLICE_MS} ms`, runs.loadSliced);
  report("its debrief's timeline walked at once (first sync:debrief)", runs.walkOnce);
  report(`its debrief's timeline walked in slices of ${SLICE_MS} ms`, runs.walkSliced);
  store.close();
  rmSync(dir, { recursive: true, force: true });
}
