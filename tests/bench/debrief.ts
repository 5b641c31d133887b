// `npm run bench:debrief`: what the debrief costs the server in a 40-team game of 30 players each: walking the
// log into the timeline (once per game; later calls continue it), a "what if" (the log replayed twice), a
// replay's scrub from the start to the end, and the per-decision CSV (the log walked again, each decision read). The server is single-threaded, so these block it: the numbers say
// for how long. Results go into docs/perf.md by hand.
import { performance } from 'node:perf_hooks';
import { createHash } from 'node:crypto';
import { toCsv } from '../../server/exports/csv.js';
import { decisionOf, decisionsOfLog } from '../../server/exports/decisions.js';
import { decisionTable } from '../../server/exports/tables.js';
import { walkLog } from '../../server/exports/walk.js';
import type { Action } from '../../shared/sim/actions.js';
import { continueWalk, debriefOf, observe, startWalk } from '../../shared/sim/debrief/timeline.js';
import { whatIf, whatIfSteps } from '../../shared/sim/debrief/what-if.js';
import { inSlices, SLICE_MS } from '../../server/replay/slices.js';
import { createGame, reduce } from '../../shared/sim/reducer.js';
import { replay } from '../../shared/sim/replay.js';
import type { GameConfig, GameState } from '../../shared/sim/state.js';

const TEAMS = 40;
const PLAYERS_PER_TEAM = 30;
/** A 15-minute Part 2 at 1× with one tick a second. */
const TICKS = 900;
const HOST = { role: 'host' } as const;
const config: GameConfig = { code: 'BENCHD', seed: 7, teamCount: TEAMS, askStudentId: false };

/** The log of a busy game, checked action by action, and the versions of its promotions. */
function busyLog(): { log: Action[]; promotions: number[] } {
  let state: GameState = createGame(config);
  const log: Action[] = [];
  const promotions: number[] = [];
  const push = (action: Action) => {
    const result = reduce(state, action);
    if (!result.ok) throw new Error(`${action.type}: ${result.code}`);
    state = result.state;
    log.push(action);
    return state.version;
  };
  for (let i = 0; i < TEAMS * PLAYERS_PER_TEAM; i++) {
    const tokenHash = createHash('sha256').update(`p${i}`).digest('hex');
    push({ type: 'player/join', by: { role: 'guest' }, nickname: `player${i}`, tokenHash, studentId: null });
  }
  push({ type: 'host/set-settings', by: HOST, timerMinutes: null });
  push({ type: 'host/start', by: HOST, at: 0 });
  for (let i = 0; i < 4; i++) push({ type: 'host/next', by: HOST, at: 0 });
  for (let t = 0; t < TEAMS; t++) {
    const by = { role: 'player', playerId: `p${t + 1}` } as const;
    push({ type: 'team/lock-prediction', by, part: 2, value: 3000 });
    push({ type: 'team/start-run', by, config: { confidence: 0.95, rate: 0.001, shadowFraction: 0.5, cohortMode: t % 3 === 0 ? 'stratified' : 'random', sprt: t % 2 === 0 } });
  }
  for (let i = 0; i < TICKS; i++) {
    push({ type: 'sim/tick', by: { role: 'system' }, hours: 1 / 6 });
    // Every few minutes a team promotes (while its run still stands).
    if (i % 20 === 10) {
      const by = { role: 'player', playerId: `p${((i / 20) % TEAMS) + 1 | 0}` } as const;
      if (reduce(state, { type: 'team/promote', by }).ok) promotions.push(push({ type: 'team/promote', by }));
    }
  }
  for (let i = 0; i < 6; i++) push({ type: 'host/next', by: HOST, at: 0 });
  return { log, promotions };
}

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

const { log, promotions } = busyLog();

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
// The server works a "what if" out in slices (server/replay/slices.ts): how long it takes then, and the longest
// the event loop is held meanwhile (a timer asks every millisecond; its lateness is the hold).
{
  let longest = 0;
  let last = performance.now();
  const probe = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  const started = performance.now();
  const sliced = await inSlices(whatIfSteps(config, log, walk, version, 'rollback'));
  const took = performance.now() - started;
  clearInterval(probe);
  console.log(`what if in slices of ${SLICE_MS} ms: ${took.toFixed(0)} ms (${sliced.ok ? 'ok' : 'refused'}), event loop held at most ${longest.toFixed(0)} ms at a time`);
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
