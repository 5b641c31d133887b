// A seeded fuzz of valid play (in the spirit of tldraw's sync fuzz): for each seed, random legal actions (and a
// small share of well-formed illegal ones) from the host, players of several teams, guests and the server's
// clocks, from the lobby to the debrief; after every step the invariants of tests/support/fuzz/invariants.ts
// must hold. A failure names the seed, step, actor and action; keep such a seed in fuzz-regressions.test.ts.
// More seeds: `npm run fuzz` (tests/bench/fuzz-nightly.ts).
import { describe, expect, it } from 'vitest';
import { CRISIS_IDS, type LeaderboardRow } from '../../shared/protocol/views.js';
import { ActionSchema } from '../../shared/sim/actions.js';
import { enterPart } from '../../shared/sim/flow.js';
import { part3 } from '../../shared/sim/parts/part3/index.js';
import type { TeamPart3 } from '../../shared/sim/parts/part3/types.js';
import { createGame } from '../../shared/sim/reducer.js';
import type { GameState } from '../../shared/sim/state.js';
import { AT, answerAs, applyAll, crisisAt, deployAs, join, lock3, newGame, tick } from '../support/actions.js';
import { checkAction, checkStep, leaderboardProblems } from '../support/fuzz/invariants.js';
import { part3Of } from '../support/slices.js';
import { runFuzzGame, type FuzzReport } from '../support/fuzz/runner.js';

const SEEDS = 200;
const PART_STAGES = (part: string) => [`${part}/play`, `${part}/reveal`, `${part}/reflect`];
/** Refusals the Part 3 play must provoke: the lock's rules, the workbench before the lock, the ensemble's own. */
const PART3_CODES = [
  'lock/out-of-range',
  'lock/already-locked',
  'lock/required',
  'ensemble/no-change',
  'ensemble/retraining',
  'ensemble/retrained',
  'ensemble/no-retrain',
  'challenge/none',
  'challenge/closed',
];
const STAGES = ['lobby', 'briefing', ...PART_STAGES('part1'), ...PART_STAGES('part2'), ...PART_STAGES('part3'), 'debrief'];

describe('seeded game fuzz', () => {
  // About 50 s of CPU for the 200 games: beside the other projects on a loaded 2-core runner it took 156 s, so
  // the limit only catches a hang.
  it(`plays ${SEEDS} seeded games through every phase with the invariants holding after every step`, () => {
    const reports: FuzzReport[] = [];
    for (let seed = 1; seed <= SEEDS; seed++) reports.push(runFuzzGame(seed));

    // The generator really covers the game: every seed reaches the debrief through every stage, and across
    // the seeds every action type is both accepted and refused, and crises fire.
    for (const report of reports) expect(report.stages, `seed ${report.seed}`).toEqual(STAGES);
    const byType = new Map<string, { accepted: number; refused: number }>();
    for (const report of reports) {
      for (const [type, counts] of Object.entries(report.byType)) {
        const total = byType.get(type) ?? { accepted: 0, refused: 0 };
        byType.set(type, { accepted: total.accepted + counts.accepted, refused: total.refused + counts.refused });
      }
    }
    const never = (kind: 'accepted' | 'refused') => [...byType].filter(([, c]) => c[kind] === 0).map(([type]) => type);
    expect([...byType.keys()].sort()).toEqual(ActionSchema.options.map((o) => o.shape.type.value).sort());
    expect(never('accepted')).toEqual([]);
    // Locking the room and asking for student ids are the only actions the host may always take.
    expect(never('refused').sort()).toEqual(['host/lock-room', 'host/set-ask-student-id']);
    expect(reports.reduce((sum, r) => sum + r.crises.fired, 0)).toBeGreaterThan(SEEDS);
    // Every crisis of the catalog is aimed, and the rules' refusals of Part 3 (and of locks) all come up.
    const aimed = new Set(reports.flatMap((r) => r.log.flatMap((a) => (a.type === 'host/crisis' ? [a.crisis] : []))));
    expect([...aimed].sort()).toEqual([...CRISIS_IDS].sort());
    const codes = new Set(reports.flatMap((r) => Object.keys(r.byCode)));
    for (const code of PART3_CODES) expect(codes, code).toContain(code);
  }, 600_000);

  it('plays the same game from the same seed', () => {
    for (const seed of [7, 8]) {
      const a = runFuzzGame(seed);
      const b = runFuzzGame(seed);
      expect(b.finalHash).toBe(a.finalHash);
      expect(JSON.stringify(b.log)).toBe(JSON.stringify(a.log));
    }
    expect(runFuzzGame(7).finalHash).not.toBe(runFuzzGame(8).finalHash);
  });
});

describe('the fuzz invariants can fail', () => {
  const state = createGame({ code: 'FUZZ22', seed: 1, teamCount: 2, askStudentId: false });
  const action = { type: 'host/lock-room', by: { role: 'host' }, locked: true } as const;

  it('flags a refusal of an allowed action, an accepted forbidden one and a version that skips', () => {
    expect(checkStep(state, null, action, 'accept', { ok: false, code: 'phase/closed' })).toEqual([
      'refused an action the rules allow: phase/closed',
    ]);
    const next = { ...state, roomLocked: true, version: 2 };
    expect(checkStep(state, null, action, 'refuse', { ok: true, state: next, events: [] })).toEqual([
      'accepted an action the rules must refuse',
      'version went 0 → 2 on an accepted action (must rise by exactly 1)',
    ]);
  });

  it('flags a refusal with another code than the one the rules name', () => {
    expect(checkStep(state, null, action, 'refuse', { ok: false, code: 'phase/closed' }, 'game/paused')).toEqual([
      'refused with phase/closed, the rules say game/paused',
    ]);
  });

  it('flags leaderboard rows whose rank is not 1 + the teams ahead, tied teams out of team order, or fractional scores', () => {
    const row: LeaderboardRow = { rank: 1, trackRank: 1, teamId: 't1', name: 'A', track: 'cloud-titan', learning: 10, ops: 0, total: 10 };
    // Tied on total and learning: one rank, in team order.
    expect(leaderboardProblems([row, { ...row, teamId: 't2', track: 'edge-guardian' }], ['t1', 't2'])).toEqual([]);
    expect(leaderboardProblems([{ ...row, teamId: 't2', track: 'edge-guardian' }, row], ['t1', 't2'])).toEqual([
      'leaderboard not in rank, then team, order at row 1',
    ]);
    // Behind on learning at the same total: not a tie.
    expect(leaderboardProblems([row, { ...row, teamId: 't2', track: 'edge-guardian', learning: 5, ops: 5 }], ['t1', 't2'])).toEqual([
      'leaderboard row 1 has rank 1, expected 2',
    ]);
    expect(leaderboardProblems([{ ...row, ops: 0.5, total: 10.5 }], ['t1'])).toEqual([
      'leaderboard row t1: ops = 0.5 is not an integer',
      'leaderboard row t1: total = 10.5 is not an integer',
    ]);
  });
});

describe('the fuzz invariants of Part 3 can fail', () => {
  const lobby = applyAll(newGame(), [join('ada'), join('bob')]);
  const inPart3 = { ...enterPart({ ...lobby, phase: 'briefing' }, part3, AT), version: lobby.version };
  /** t1 served v2 features it was not trained on for an hour (silent), t2 healthy; a challenge put to t1. */
  const before = applyAll(inPart3, [lock3('p1', 'b'), lock3('p2', 'b'), deployAs('p1', 'v2'), crisisAt('deploy-tonight', { kind: 'team', teamId: 't1' }), tick(1)]);
  const step = tick(2);
  const after = applyAll(before, [step]);
  /** `state` with team `teamId`'s ensemble changed. */
  const forged = (state: GameState, teamId: string, change: (team: TeamPart3) => Partial<TeamPart3>): GameState => {
    const slice = part3Of(state)!;
    const team = slice.teams[teamId]!;
    return { ...state, parts: { ...state.parts, part3: { ...slice, teams: { ...slice.teams, [teamId]: { ...team, ...change(team) } } } } };
  };
  const problemsOf = (next: GameState) => checkAction(before, next, step);

  it('passes a real tick', () => {
    expect(problemsOf(after)).toEqual([]);
  });

  it('flags outcomes that fall, silent hours without skew, and silent hours that miss time with skew', () => {
    expect(problemsOf(forged(after, 't1', () => ({ pipelineCost: 0, silentHours: 0.5 })))).toEqual([
      expect.stringMatching(/t1's ensemble .*silentHours fell from 1 to 0.5/),
      expect.stringMatching(/t1's ensemble .*pipelineCost fell/),
      expect.stringMatching(/t1's ensemble .*belowFloorPointHours grew without silent hours/),
      expect.stringMatching(/t1's ensemble .*silentHours grew by -0.5 h in 2 h while the downstream \(trained on v1\) read v2/),
    ]);
    expect(problemsOf(forged(after, 't2', () => ({ silentHours: 1 })))).toEqual([
      expect.stringMatching(/t2's ensemble .*silentHours grew by 1 h in 2 h while the downstream \(trained on v1\) read v1/),
    ]);
  });

  it('flags a ledger rewritten or out of order, and a closed challenge opened again', () => {
    expect(problemsOf(forged(after, 't1', (t) => ({ ledger: t.ledger.slice(1) })))).toContainEqual(expect.stringMatching(/an entry of the ledger changed/));
    const late = { at: 0.5, kind: 'check' as const, by: 'p1', text: 'late' };
    const early = forged(after, 't1', (t) => ({ ledger: [...t.ledger, { ...late, at: 2.5 }, late] }));
    expect(checkAction(after, early, crisisAt('dependency-domino', { kind: 'all' }))).toContainEqual(expect.stringMatching(/ledger times go backwards/));
    const answered = applyAll(before, [answerAs('p1', 'refuse')]);
    const reopened = forged(answered, 't1', (t) => ({ challenge: { ...t.challenge!, answer: null } }));
    expect(checkAction(answered, reopened, step)).toContainEqual(expect.stringMatching(/a closed challenge .* became/));
  });
});
