// `npm run bench`, first half (the second is tests/bench/sockets.ts): the cost of Part 2's simulation tick in a 40-team room, calm and with every crisis struck,
// and the bytes a tick sends each audience. Medians over many runs, with baselines measured in the same run: the reducer applying a trivial
// action to the same state, and the full views that a tick replaces. Results go into docs/perf.md by hand.
import { performance } from 'node:perf_hooks';
import { createHash } from 'node:crypto';
import type { Action } from '../../shared/sim/actions.js';
import { enterPart } from '../../shared/sim/flow.js';
import { part2 } from '../../shared/sim/parts/part2/index.js';
import { NOBODY_ONLINE, projectHost, projectScreen, projectTeam, projectTick } from '../../shared/sim/project.js';
import { diff } from '../../shared/protocol/patch.js';
import { createGame, reduce } from '../../shared/sim/reducer.js';
import type { GameState } from '../../shared/sim/state.js';

const TEAMS = 40;
const PLAYERS_PER_TEAM = 30;
const HOST = { role: 'host' } as const;

function apply(state: GameState, action: Action): GameState {
  const result = reduce(state, action);
  if (!result.ok) throw new Error(`${action.type}: ${result.code}`);
  return result.state;
}

/** A 40-team room in Part 2 with every team running a canary, a third of them stratified, some live. */
function busyRoom(): GameState {
  let state = createGame({ code: 'BENCH2', seed: 42, teamCount: TEAMS, askStudentId: false });
  for (let i = 0; i < TEAMS * PLAYERS_PER_TEAM; i++) {
    const tokenHash = createHash('sha256').update(`p${i}`).digest('hex');
    state = apply(state, { type: 'player/join', by: { role: 'guest' }, nickname: `player${i}`, tokenHash, studentId: null });
  }
  state = { ...enterPart({ ...state, phase: 'briefing' }, part2, 0), version: state.version };
  for (let t = 0; t < TEAMS; t++) {
    const by = { role: 'player', playerId: `p${t + 1}` } as const; // player t+1 sits in team t+1
    state = apply(state, { type: 'team/lock-prediction', by, part: 2, value: 3000 });
    const edge = t % 4 === 1;
    state = apply(state, {
      type: 'team/start-run',
      by,
      config: { confidence: 0.95, rate: 0.001, shadowFraction: edge ? 0.8 : 0.5, cohortMode: t % 3 === 0 ? 'stratified' : 'random', sprt: t % 2 === 0 },
    });
    for (let s = 0; s < t % 4; s++) state = apply(state, { type: 'team/promote', by });
  }
  // A day of simulated time so that the dashboards have history.
  for (let h = 0; h < 24; h++) state = apply(state, { type: 'sim/tick', by: { role: 'system' }, hours: 1 });
  return state;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function timeMs(runs: number, fn: () => void): number {
  for (let i = 0; i < 20; i++) fn(); // warm up the JIT
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

/** The same room with every Part 2 crisis struck at every team and each team using its tools against them:
 *  k·σ thresholds, region × OS monitors, a slice on the lighter variant. */
function stormyRoom(room: GameState): GameState {
  let state = room;
  for (const crisis of ['alert-storm', 'rollout-jitter', 'app-os-skew', 'world-drifted', 'traffic-spike'] as const) {
    state = apply(state, { type: 'host/crisis', by: HOST, crisis, target: { kind: 'all' }, inHours: null });
  }
  for (let t = 0; t < TEAMS; t++) {
    const by = { role: 'player', playerId: `p${t + 1}` } as const;
    state = apply(state, { type: 'team/set-thresholds', by, k: 4 });
    state = apply(state, { type: 'team/set-slice-monitoring', by, level: 'slice' });
    state = apply(state, { type: 'team/slice-action', by, region: t % 10, os: 'update', action: 'lighter' });
  }
  for (let h = 0; h < 12; h++) state = apply(state, { type: 'sim/tick', by: { role: 'system' }, hours: 1 });
  return state;
}

const state = busyRoom();
const tick: Action = { type: 'sim/tick', by: { role: 'system' }, hours: 1 };
const trivial: Action = { type: 'host/lock-room', by: HOST, locked: !state.roomLocked };

const tickMs = timeMs(300, () => reduce(state, tick));
const stormy = stormyRoom(state);
const stormyTickMs = timeMs(300, () => reduce(stormy, tick));
const stormyAfter = apply(stormy, tick);
const stormyProjectMs = timeMs(50, () => {
  const fresh = { ...stormyAfter };
  projectTick(fresh, { audience: 'host' });
  projectTick(fresh, { audience: 'screen' });
  for (const team of fresh.teams) projectTick(fresh, { audience: 'team', teamId: team.id });
});
const trivialMs = timeMs(300, () => reduce(state, trivial));
const after = apply(state, tick);
const projectMs = timeMs(100, () => {
  // A copy of the state, so that no per-state cache (leaderboard, part context) answers from memory.
  const fresh = { ...after };
  projectTick(fresh, { audience: 'host' });
  projectTick(fresh, { audience: 'screen' });
  for (const team of fresh.teams) projectTick(fresh, { audience: 'team', teamId: team.id });
});

const teamTicks = after.teams.map((team) => bytes(projectTick(after, { audience: 'team', teamId: team.id })));
const teamViews = after.teams.map((team) => bytes(projectTeam(after, team.id, NOBODY_ONLINE)));
const hostTick = bytes(projectTick(after, { audience: 'host' }));
const screenTick = bytes(projectTick(after, { audience: 'screen' }));
const hostView = bytes(projectHost(after, NOBODY_ONLINE));
const screenView = bytes(projectScreen(after));

// What a tick puts on the wire since views travel as patches: the diff of each audience's view across the tick.
const teamPatches = after.teams.map((team) =>
  bytes(diff(projectTeam(state, team.id, NOBODY_ONLINE), projectTeam(after, team.id, NOBODY_ONLINE))),
);
const hostPatch = bytes(diff(projectHost(state, NOBODY_ONLINE), projectHost(after, NOBODY_ONLINE)));
const screenPatch = bytes(diff(projectScreen(state), projectScreen(after)));

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const rows: [string, string, string][] = [
  ['simulation tick, 40 teams (reduce)', `${tickMs.toFixed(3)} ms`, `${(tickMs / trivialMs).toFixed(1)}× a trivial action (${trivialMs.toFixed(3)} ms)`],
  ['tick payloads, all audiences (project)', `${projectMs.toFixed(3)} ms`, ''],
  ['simulation tick, every crisis struck', `${stormyTickMs.toFixed(3)} ms`, `${(stormyTickMs / tickMs).toFixed(2)}× the calm tick; budget 2 ms`],
  ['tick payloads, every crisis struck', `${stormyProjectMs.toFixed(3)} ms`, `${(stormyProjectMs / projectMs).toFixed(2)}× the calm payloads`],
  ['tick bytes per team room (median)', kb(median(teamTicks)), `${(median(teamTicks) / median(teamViews)).toFixed(2)}× the full team view (${kb(median(teamViews))})`],
  ['tick bytes for the host', kb(hostTick), `${(hostTick / hostView).toFixed(2)}× the full host view (${kb(hostView)})`],
  ['tick bytes for the screens', kb(screenTick), `${(screenTick / screenView).toFixed(2)}× the full screen view (${kb(screenView)})`],
  ['tick patch per team room (on the wire)', kb(median(teamPatches)), `${(median(teamPatches) / median(teamTicks)).toFixed(2)}× the tick payload above`],
  ['tick patch for the host (on the wire)', kb(hostPatch), `${(hostPatch / hostTick).toFixed(2)}× the tick payload above`],
  ['tick patch for the screens (on the wire)', kb(screenPatch), `${(screenPatch / screenTick).toFixed(2)}× the tick payload above`],
];
console.log(`Fleet Ops bench — ${TEAMS} teams × ${PLAYERS_PER_TEAM} players, Part 2 running, Node ${process.version}`);
for (const [what, value, ratio] of rows) console.log(`${what.padEnd(42)} ${value.padStart(10)}  ${ratio}`);
