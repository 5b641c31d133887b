import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { projectHost, projectScreen, projectTeam, NOBODY_ONLINE } from '../../shared/sim/project.js';
import { calibrationScore, revealNumeric } from '../../shared/sim/calibration.js';
import { leaderboard } from '../../shared/sim/scoring.js';
import { join, lock, newGame, next, reflectAs, reveal, setSettings, start, applyAll } from '../support/actions.js';

const inPlay = (settings = {}) =>
  applyAll(newGame(), [...['a1', 'b1', 'c1', 'd1'].map((n) => join(n)), setSettings(settings), start(), next()]);

describe('learning score (GAME.md §8)', () => {
  it('scores round(100 · max(0, 1 − |log10(predicted/actual)|))', () => {
    expect(calibrationScore(73, 73)).toBe(100);
    expect(calibrationScore(146, 73)).toBe(70); // a factor of two costs 30 points
    expect(calibrationScore(36.5, 73)).toBe(70);
    expect(calibrationScore(730, 73)).toBe(0);
    expect(calibrationScore(500, 39)).toBe(0);
  });

  it('is symmetric in over- and under-prediction and stays within 0–100', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 500 }), (p, a) => {
        const s = calibrationScore(p, a);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(100);
        expect(calibrationScore(a * a / p, a)).toBeCloseTo(s, -0.5);
      }),
    );
  });

  it('reveals the ratio actual/predicted and the within-30 % badge', () => {
    expect(revealNumeric(60, 73)).toMatchObject({ ratio: 73 / 60, within30: true, score: 91 });
    expect(revealNumeric(50, 73)).toMatchObject({ within30: false }); // ratio 1.46
    expect(revealNumeric(null, 73)).toEqual({ predicted: null, actual: 73, ratio: null, within30: false, score: 0 });
  });
});

describe('the leaderboard', () => {
  it('ranks by how well teams predicted, only once revealed, and counts reflections', () => {
    const locked = applyAll(inPlay(), [lock('p1', 73), lock('p2', 100), lock('p3', 44), lock('p4', 200)]);
    expect(leaderboard(locked).every((row) => row.total === 0)).toBe(true);
    const revealed = applyAll(locked, [reveal()]);
    expect(leaderboard(revealed).map((r) => [r.teamId, r.learning])).toEqual([
      ['t1', 100], // Cloud Titan, exact
      ['t3', 100], // Mobile Nomad, exact
      ['t2', 72], // Edge Guardian 100 vs 53
      ['t4', 29], // Tiny Pioneer 200 vs 39
    ]);
    const reflected = applyAll(revealed, [next(), reflectAs('p4')]);
    expect(leaderboard(reflected).find((r) => r.teamId === 't4')!.learning).toBe(29 + 50);
  });

  it('gives tied teams one rank, overall and in their track, and lists them in team order', () => {
    const state = applyAll(newGame({ teamCount: 8 }), [start(), next()]);
    const rows = leaderboard(state);
    expect(rows.map((r) => r.rank)).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
    expect(rows.map((r) => r.teamId)).toEqual(['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8']);
    expect(rows.map((r) => r.trackRank)).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
    // Part 1 locked by three teams: t1 and t5 (both Cloud Titan, N* = 73) exact, t2 off; the rest never locked.
    const eight = applyAll(newGame({ teamCount: 8 }), [...['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((n) => join(n)), start(), next()]);
    const member = (teamId: string) => eight.players.find((p) => p.teamId === teamId)!.id;
    const locked = applyAll(eight, [lock(member('t1'), 73), lock(member('t5'), 73), lock(member('t2'), 100), reveal()]);
    const ranked = leaderboard(locked);
    const of = (id: string) => ranked.find((r) => r.teamId === id)!;
    expect([of('t1').rank, of('t5').rank, of('t2').rank, of('t3').rank]).toEqual([1, 1, 3, 4]);
    expect([of('t1').trackRank, of('t5').trackRank]).toEqual([1, 1]);
    expect(ranked.slice(0, 2).map((r) => r.teamId)).toEqual(['t1', 't5']);
  });

  it("follows the host's capex: the truth of every team changes with it", () => {
    const cheap = applyAll(inPlay({ capex: 100_000 }), [lock('p1', 73), reveal()]);
    const t1 = projectTeam(cheap, 't1', NOBODY_ONLINE)!.part1!.reveal!;
    expect(t1.actual).toBeLessThan(73);
    expect(t1.score).toBeLessThan(100);
  });
});

describe('what each audience sees of Part 1', () => {
  it("keeps a team's workbench until it has locked, and the truth until the reveal", () => {
    const state = inPlay();
    expect(projectTeam(state, 't1', NOBODY_ONLINE)!.part1).toEqual({
      prediction: null,
      lockedByNickname: null,
      workbench: null,
      reveal: null,
      reflection: null,
    });
    const locked = applyAll(state, [lock('p1', 80)]);
    const part = projectTeam(locked, 't1', NOBODY_ONLINE)!.part1!;
    expect(part).toMatchObject({ prediction: 80, lockedByNickname: 'a1', reveal: null });
    expect(part.workbench).toEqual({ n0: 50, h: 1, capex: 500_000, engineerCost: 150, capacityHours: 2500 });
    expect(projectTeam(locked, 't2', NOBODY_ONLINE)!.part1!.workbench).toBeNull();
  });

  it('shows the screen who has locked, never what, until the reveal', () => {
    const locked = applyAll(inPlay(), [lock('p1', 411), lock('p3', 422)]);
    const screen = projectScreen(locked).part1!;
    expect(screen.locked.map((l) => l.locked)).toEqual([true, false, true, false]);
    expect(screen.results).toBeNull();
    expect(JSON.stringify(projectScreen(locked))).not.toMatch(/411|422/);
    expect(JSON.stringify(projectTeam(locked, 't2', NOBODY_ONLINE))).not.toMatch(/411|422/);
    const after = projectScreen(applyAll(locked, [reveal()])).part1!;
    expect(after.results!.map((r) => [r.reveal.predicted, r.reveal.actual])).toEqual([[411, 73], [null, 53], [422, 44], [null, 39]]);
  });

  it('shows the host every prediction and the hidden truths live', () => {
    const host = projectHost(applyAll(inPlay(), [lock('p2', 99)]), NOBODY_ONLINE).part1!;
    expect(host.truths.map((t) => t.nStar)).toEqual([73, 53, 44, 39]);
    expect(host.teams[1]).toMatchObject({ prediction: 99, lockedByNickname: 'b1', reveal: { actual: 53 } });
    expect(host.revealed).toBe(false);
  });
});

describe('the workbench after the reveal', () => {
  it('opens for a team that never locked, so it can explore the truth too', () => {
    const revealed = applyAll(inPlay(), [reveal()]);
    const part = projectTeam(revealed, 't2', NOBODY_ONLINE)!.part1!;
    expect(part.prediction).toBeNull();
    expect(part.workbench).not.toBeNull();
    expect(part.reveal).toMatchObject({ predicted: null, actual: 53, score: 0 });
  });
});
