// The evidence in hand at a Part 2 canary decision (promote, extend, roll back) is read in three places: the
// ops score's record on the run (`run.decisions`), the per-decision CSV (server/exports/decisions.ts) and the
// debrief's timeline and talking points (shared/sim/debrief). Seeded fuzz games, the golden game (which ships
// at its target) and a lucky promoter (who ships far below it) play every kind of decision, crises included; for each one, the three readings must agree with each other and with what the
// team's own view showed just before it (GAME.md §9: a team sees its own fleet on its own clock).
import * as fmt from '../../src/lib/format.js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TeamPart2 as TeamPart2View } from '../../shared/protocol/views.js';
import type { Action } from '../../shared/sim/actions.js';
import { CANARY_TRACKS } from '../../shared/sim/constants.js';
import { part2TalkingPoints } from '../../shared/sim/debrief/part2-reading.js';
import { observe, startWalk, type Walk } from '../../shared/sim/debrief/timeline.js';
import { shipDecision } from '../../shared/sim/parts/part2/evidence.js';
import { runConfidence } from '../../shared/sim/parts/part2/metrics.js';
import { activeRun } from '../../shared/sim/parts/part2/run.js';
import type { Part2State } from '../../shared/sim/parts/part2/types.js';
import { NOBODY_ONLINE, projectTeam } from '../../shared/sim/project.js';
import { createGame, reduce } from '../../shared/sim/reducer.js';
import type { GameConfig, GameState } from '../../shared/sim/state.js';
import { decisionOf } from '../../server/exports/decisions.js';
import { join, next, promoteAs, setSettings, start, startRunAs, tick } from '../support/actions.js';
import { runFuzzGame } from '../support/fuzz/runner.js';

const SEEDS = 25;
const golden = JSON.parse(readFileSync(new URL('./golden/game-log.json', import.meta.url), 'utf8')) as { config: GameConfig; log: Action[] };
const CANARY = new Set<Action['type']>(['team/promote', 'team/extend', 'team/rollback']);
const pct = (x: number) => `${Math.round(x * 1000) / 10} %`;
// A reached confidence reads as the team's phone wrote it: rounded down, never "100 %".
const reached = fmt.confidence;

interface Reading {
  hour: number;
  confidence: number;
  target: number;
  sprt: string | null;
  failures: number;
  sprtLlr?: number | null;
  alertsPerDay?: number;
  pagesPerDay?: number;
  storm?: boolean;
}

/** A lucky promoter (GAME.md §5): a team that ships after minutes of evidence, far below its target, while
 *  the other team watches on; to the debrief. */
function luckyGame(): { config: GameConfig; log: Action[] } {
  const config: GameConfig = { code: 'PRMTER', seed: 20261130, teamCount: 2, askStudentId: false };
  const log: Action[] = [join('Ada'), join('Grace'), setSettings({ timerMinutes: null }), start()];
  for (let i = 0; i < 4; i++) log.push(next());
  for (const p of ['p1', 'p2']) log.push({ type: 'team/lock-prediction', by: { role: 'player', playerId: p }, part: 2, value: 3000 }, startRunAs(p));
  for (let stage = 0; stage < 5; stage++) log.push(tick(0.01), promoteAs('p1'));
  for (let i = 0; i < 6; i++) log.push(next());
  return { config, log };
}

/** Every Part 2 canary decision of a game's log, read four ways; a list of the disagreements. */
function disagreements(config: GameConfig, log: readonly Action[]): { kinds: string[]; problems: string[]; storms: number } {
  let state: GameState = createGame(config);
  let walk: Walk = startWalk(config);
  const problems: string[] = [];
  const kinds: string[] = [];
  let storms = 0;
  for (const action of log) {
    const before = state;
    const result = reduce(before, action);
    if (!result.ok) throw new Error(`${action.type} refused on replay: ${result.code}`);
    const after = result.state;
    const previous = walk.entries.length;
    walk = observe(walk, action, after);
    state = after;
    if (before.phase !== 'part2' || action.by.role !== 'player') continue;
    const playerId = action.by.playerId;
    const team = before.teams.find((t) => t.id === before.players.find((p) => p.id === playerId)?.teamId);
    if (!team) continue;
    const row = decisionOf(before, after, action, after.version, null)!;
    const view = projectTeam(before, team.id, NOBODY_ONLINE)!.part2 as TeamPart2View;
    // Every Part 2 row of the CSV is on the team's own clock, the one its phone showed.
    if (row.simHour !== view.hours) problems.push(`${config.code} v${after.version} ${action.type}: CSV hour ${row.simHour} ≠ view ${view.hours}`);
    if (!CANARY.has(action.type)) continue;
    const fleetBefore = (before.parts['part2'] as Part2State).teams[team.id]!;
    const run = activeRun(fleetBefore)!;
    const where = `game ${config.code} v${after.version} ${action.type} team ${team.id} run ${run.number}`;

    // 1. The ops score's record: the decision this action added to the run.
    const runAfter = (after.parts['part2'] as Part2State).teams[team.id]!.runs.find((r) => r.number === run.number)!;
    expect(runAfter.decisions.length, where).toBe(run.decisions.length + 1);
    const d = runAfter.decisions.at(-1)!;
    kinds.push(d.kind === 'promote' && d.stage === 3 ? 'ship' : d.kind, ...(d.evidence.sprt ? ['sprt'] : []));
    const recorded: Reading = { hour: d.at, confidence: d.evidence.confidence, target: d.evidence.target, sprt: d.evidence.sprt, failures: d.evidence.failures };

    // 2. The CSV's row.
    const e = row.evidence;
    const exported: Reading = {
      hour: row.simHour!,
      confidence: e.confidence!,
      target: e.targetConfidence!,
      sprt: e.sprtVerdict,
      failures: e.failures!,
      sprtLlr: e.sprtLlr,
      alertsPerDay: e.alertsPerDay!,
      pagesPerDay: e.pagesPerDay!,
      storm: e.alertStorm!,
    };

    // 3. The team's own view just before.
    const shown = view.fleet!.runs.at(-1)!;
    const seen: Reading = {
      hour: view.hours,
      confidence: shown.confidence,
      target: shown.config.confidence,
      sprt: shown.sprt?.decision ?? null,
      failures: shown.failures,
      sprtLlr: shown.sprt?.llr ?? null,
      alertsPerDay: view.fleet!.monitor.alertsPerDay,
      pagesPerDay: view.fleet!.monitor.pagesPerDay,
      storm: view.fleet!.monitor.storm,
    };
    if (seen.storm) storms++;

    // 4. The debrief's timeline entry: its hour, and the evidence its label quotes.
    const entry = walk.entries.slice(previous).find((x) => x.kind === 'decision' && x.teamId === team.id)!;
    const cohort = action.type === 'team/rollback' && action.cohortId;
    const quoted = `confidence ${reached(recorded.confidence)} of ${pct(recorded.target)}`;

    for (const key of ['hour', 'confidence', 'target', 'sprt', 'failures'] as const) {
      if (recorded[key] !== seen[key]) problems.push(`${where}: ${key} recorded ${recorded[key]} ≠ view ${seen[key]}`);
      if (exported[key] !== seen[key]) problems.push(`${where}: ${key} exported ${exported[key]} ≠ view ${seen[key]}`);
    }
    for (const key of ['sprtLlr', 'alertsPerDay', 'pagesPerDay', 'storm'] as const) {
      if (exported[key] !== seen[key]) problems.push(`${where}: ${key} exported ${exported[key]} ≠ view ${seen[key]}`);
    }
    if (entry.hour !== seen.hour) problems.push(`${where}: hour on the timeline ${entry.hour} ≠ view ${seen.hour}`);
    if (!cohort && !entry.label.includes(`(${quoted})`)) problems.push(`${where}: label "${entry.label}" does not quote ${quoted}`);
  }
  // The talking point on a ship below the stakeholder's target quotes the confidence the team shipped at (and
  // the run's clock stood still after shipping: reading the run at the end would have said the same).
  const p2 = state.parts['part2'] as Part2State | undefined;
  for (const team of state.teams) {
    const shipped = p2?.teams[team.id]?.runs.find((r) => r.outcome === 'shipped');
    if (!shipped) continue;
    const ship = shipDecision(shipped.decisions)!;
    const where = `game ${config.code} team ${team.id} shipped run ${shipped.number}`;
    if (runConfidence(shipped) !== ship.evidence.confidence) problems.push(`${where}: clock ${runConfidence(shipped)} ≠ shipped at ${ship.evidence.confidence}`);
    const point = part2TalkingPoints(state, (id) => id).find((p) => p.text.includes(`shipped run ${shipped.number} at`));
    const below = ship.evidence.confidence < CANARY_TRACKS[team.track].targetConfidence;
    if (below !== (point !== undefined)) problems.push(`${where}: at ${ship.evidence.confidence}, talking point ${point?.text ?? 'none'}`);
    if (point && !point.text.includes(` at ${reached(ship.evidence.confidence)} confidence`)) problems.push(`${where}: "${point.text}"`);
    kinds.push(below ? 'ship below target' : 'ship at target');
  }
  return { kinds, problems, storms };
}

describe('the evidence in hand at a Part 2 canary decision', () => {
  it('reads the same in the ops score, the per-decision CSV and the debrief, and is what the team saw', () => {
    const kinds: string[] = [];
    let storms = 0;
    const problems: string[] = [];
    const games = [golden, luckyGame(), ...Array.from({ length: SEEDS }, (_, i) => runFuzzGame(i + 1))];
    for (const game of games) {
      const found = disagreements(game.config, game.log);
      kinds.push(...found.kinds);
      storms += found.storms;
      problems.push(...found.problems);
    }
    // The games really decide, and some decide during an alert storm (when the alert load changes).
    expect(problems.slice(0, 40)).toEqual([]);
    // The games decide every way (shipping, one cohort, under the SPRT), some during an alert storm.
    expect(kinds.length).toBeGreaterThan(40);
    expect(new Set(kinds)).toEqual(new Set(['promote', 'ship', 'extend', 'rollback', 'rollback-cohort', 'sprt', 'ship at target', 'ship below target']));
    expect(storms).toBeGreaterThan(0);
    // CPU-bound: it took 32 s on a loaded 2-core machine; the limit only catches a hang.
  }, 300_000);
});
