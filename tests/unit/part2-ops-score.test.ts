// Part 2's ops score rewards evidence, not luck (GAME.md §5, docs/scoring.md): each decision is judged against
// the evidence recorded with it, the hidden outcome second; exploring never loses a result already earned; the
// same path scores the same on every track.
import { describe, expect, it } from 'vitest';
import { CANARY_TRACKS, OPS_SCORE } from '../../shared/sim/constants.js';
import { NO_EFFECTS } from '../../shared/sim/crises/effects.js';
import { RELEASE_LIMIT_HOURS, requiredCleanRequests } from '../../shared/sim/parts/part2/canary-stats.js';
import { extendRun, promoteRun, rollbackRun, startRun } from '../../shared/sim/parts/part2/run.js';
import { promoteBacked } from '../../shared/sim/parts/part2/evidence.js';
import { canaryScore, runScore } from '../../shared/sim/parts/part2/score.js';
import { newTeamPart2 } from '../../shared/sim/parts/part2/start.js';
import type { RunConfig, TeamPart2 } from '../../shared/sim/parts/part2/types.js';
import { TRACK_IDS, type TrackId } from '../../shared/sim/tracks.js';

const ok = (r: TeamPart2 | string): TeamPart2 => {
  if (typeof r === 'string') throw new Error(r);
  return r;
};
const configOf = (track: TrackId, sprt = false): RunConfig => ({
  confidence: CANARY_TRACKS[track].targetConfidence,
  rate: CANARY_TRACKS[track].targetRate,
  shadowFraction: 0.5,
  cohortMode: 'random',
  sprt,
});
/** The latest run's evidence set by hand: `clean` clean requests since the last of `failures` failures. */
function withEvidence(team: TeamPart2, clean: number, failures = 0, llr = 0): TeamPart2 {
  const run = team.runs.at(-1)!;
  const cohorts = run.cohorts.map((c, i) => (i === 0 ? { ...c, failures, requests: clean + failures } : c));
  return { ...team, runs: [...team.runs.slice(0, -1), { ...run, pooledClean: clean, cohorts, llr }] };
}
/** Clean requests behind confidence `c` at the track's target rate. */
const cleanFor = (track: TrackId, c: number) => Math.ceil(Math.log1p(-c) / Math.log1p(-CANARY_TRACKS[track].targetRate));
const promoteAll = (team: TeamPart2, from: number) => [0, 1, 2, 3, 4].reduce((t, i) => ok(promoteRun(t, from + i)), team);
/** Hidden truths: a candidate good everywhere, or bad everywhere (rates only compare with the target). */
const GOOD = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
const BAD = GOOD.map(() => 1);
const score = (team: TeamPart2, track: TrackId, rates: number[]) => canaryScore(team, track, rates, NO_EFFECTS);

describe('the Part 2 ops score judges decisions against their evidence', () => {
  const track = 'edge-guardian'; // 99 % against 1 in 10,000
  const started = () => ok(startRun(newTeamPart2(1, track), track, configOf(track), 0));

  it('records on each decision the evidence in hand: confidence, target, SPRT verdict, failures', () => {
    let team = withEvidence(started(), cleanFor(track, 0.08), 2);
    team = ok(extendRun(team, track, 5));
    team = ok(promoteRun(team, 7));
    expect(team.runs[0]!.decisions.map((d) => [d.kind, d.at, d.stage])).toEqual([['extend', 5, -1], ['promote', 7, -1]]);
    const { evidence } = team.runs[0]!.decisions[1]!;
    expect(evidence.confidence).toBeCloseTo(0.08, 3);
    expect(evidence).toMatchObject({ target: 0.99, sprt: null, failures: 2 });
  });

  it('scores the lucky promoter (100 % at 8 % against a 99 % target, candidate good) below the evidence-based teams', () => {
    const lucky = score(promoteAll(withEvidence(started(), cleanFor(track, 0.08)), 1), track, GOOD);
    const ship = lucky.runs[0]!.lines.find((l) => l.kind === 'ship')!;
    expect(ship.judgement).toBe('without-evidence');
    expect(ship.points).toBe(OPS_SCORE.evidence.shipUnbacked);
    // Four promotions to live stages below target, then an unbacked ship; the candidate happened to be good.
    expect(lucky.score).toBe(OPS_SCORE.evidence.shipUnbacked + OPS_SCORE.outcome.shippedGood - 4 * OPS_SCORE.unbackedStep);

    const careful = score(promoteAll(withEvidence(started(), requiredCleanRequests(0.99, 1e-4)), 1), track, GOOD);
    expect(careful.runs[0]!.lines.find((l) => l.kind === 'ship')!.judgement).toBe('backed');
    expect(careful.score).toBe(100);
    // The team that saw failures and rolled back a bad candidate also beats the lucky promoter.
    const caught = score(ok(rollbackRun(withEvidence(started(), 10, 3), track, 1, null)), track, BAD);
    expect(caught.score).toBe(OPS_SCORE.evidence.rollbackBacked + OPS_SCORE.outcome.caughtBad);
    expect(lucky.score).toBeLessThan(caught.score);
    expect(lucky.score).toBeLessThan(careful.score);
  });

  it('keeps the result a team earned when it rolls back and explores a second run', () => {
    const first = ok(rollbackRun(withEvidence(started(), 10, 3), track, 1, null));
    const earned = score(first, track, BAD).score;
    const exploring = ok(startRun(first, track, configOf(track, true), 2));
    expect(score(exploring, track, BAD).score).toBe(earned);
    expect(score(exploring, track, BAD).runs.map((r) => [r.result, r.counts])).toEqual([['rolled-back', true], ['testing', false]]);
    // A cautious second rollback (no failure seen) scores lower, and does not replace the first.
    const second = ok(rollbackRun(withEvidence(exploring, 5), track, 3, null));
    expect(score(second, track, BAD).runs[1]!.lines[0]!.judgement).toBe('cautious');
    expect(score(second, track, BAD).score).toBe(earned);
  });

  it('lets a shipped run commit the score: the fleet runs what the team shipped', () => {
    const first = ok(rollbackRun(withEvidence(started(), 10, 3), track, 1, null));
    const shipped = promoteAll(withEvidence(ok(startRun(first, track, configOf(track), 2)), 20), 3);
    // Shipped without evidence, and it was a regression: 10 + 0 − 4 × 5, floored at 0.
    expect(score(shipped, track, BAD).score).toBe(0);
    expect(score(shipped, track, BAD).runs.find((r) => r.counts)!.run).toBe(2);
  });

  it('judges a promotion by every failure seen, not only by the clock that climbed back after the last one', () => {
    const atTarget = requiredCleanRequests(0.99, 1e-4); // 46,050 clean since the last failure: the clock at 99 %
    // Twenty failures in 46,070 requests: 4.6 were to be expected at 1 in 10,000. Not backed, clock or not.
    const tooMany = score(ok(promoteRun(withEvidence(started(), atTarget, 20), 1)), track, BAD);
    expect(tooMany.runs[0]!.lines[0]).toMatchObject({ kind: 'promote', judgement: 'without-evidence', points: -OPS_SCORE.unbackedStep });
    expect(tooMany.runs[0]!.lines[0]!.evidence).toMatchObject({ failures: 20, requests: atTarget + 20, rate: 1e-4 });
    // One failure among them is what the target rate gives: backed.
    const one = score(ok(promoteRun(withEvidence(started(), atTarget, 1), 1)), track, GOOD);
    expect(one.runs[0]!.lines[0]).toMatchObject({ judgement: 'backed', points: 0 });
    // A decision recorded before rules v6 has no requests: it is judged as it was, by the clock.
    const old = tooMany.runs[0]!.lines[0]!.evidence!;
    const { requests: _requests, rate: _rate, ...recorded } = old;
    expect(promoteBacked(recorded)).toBe(true);
  });

  it('takes off what a run left live on a bad candidate served to users, whichever run counts', () => {
    const first = ok(rollbackRun(withEvidence(started(), 10, 3), track, 1, null));
    const earned = score(first, track, BAD).score;
    // A second run promoted to 25 % and left there, serving a day's worth of failures at the target rate.
    let live = ok(startRun(first, track, configOf(track), 2));
    live = [0, 1, 2].reduce((t, i) => ok(promoteRun(t, 3 + i)), withEvidence(live, 20));
    const spec = CANARY_TRACKS[track];
    const run = { ...live.runs[1]!, exposure: Math.ceil(spec.requestsPerHour * spec.targetRate * 24) };
    const harmed = score({ ...live, runs: [live.runs[0]!, run] }, track, BAD);
    expect(harmed.runs.map((r) => [r.result, r.counts])).toEqual([['rolled-back', true], ['testing', false]]);
    expect(harmed.score).toBe(earned - OPS_SCORE.exposure);
  });

  it('takes the SPRT’s verdict as evidence, and marks a rollback against the evidence', () => {
    // The SPRT says promote below the zero-failure target: a backed promotion.
    const sprtTeam = withEvidence(ok(startRun(newTeamPart2(1, track), track, configOf(track, true), 0)), 100, 0, -1e9);
    const promoted = score(ok(promoteRun(sprtTeam, 1)), track, GOOD);
    expect(promoted.runs[0]!.lines[0]).toMatchObject({ kind: 'promote', judgement: 'backed', points: 0 });
    expect(promoted.runs[0]!.lines[0]!.evidence!.sprt).toBe('promote');
    // Clean past the target and no failure, yet rolled back: against the evidence, and the improvement is lost.
    const against = score(ok(rollbackRun(withEvidence(started(), requiredCleanRequests(0.99, 1e-4)), track, 1, null)), track, GOOD);
    expect(against.runs[0]!.lines[0]!.judgement).toBe('against-evidence');
    expect(against.score).toBe(OPS_SCORE.evidence.rollbackAgainst + OPS_SCORE.outcome.rolledBackGood);
  });
});

describe('the Part 2 ops score compares the tracks', () => {
  it('scores the same path the same on every track (exposure and cost normalized per track, no speed bonus)', () => {
    const scores = TRACK_IDS.map((track) => {
      const spec = CANARY_TRACKS[track];
      let team = ok(startRun(newTeamPart2(1, track), track, configOf(track), 0));
      team = promoteAll(withEvidence(team, requiredCleanRequests(spec.targetConfidence, spec.targetRate)), 10 * spec.requestsPerHour);
      const run = team.runs[0]!;
      // A day of failures at the track's target rate, half a week of full shadowing, whatever the hours taken.
      const judged = { ...run, exposure: Math.ceil(spec.requestsPerHour * spec.targetRate * 24), shadowCost: 0.5 * spec.shadowCostPerHour * RELEASE_LIMIT_HOURS };
      return runScore(judged, track, GOOD.slice(0, spec.cohorts.length).map(() => false)).points;
    });
    expect(new Set(scores).size).toBe(1);
    expect(scores[0]).toBe(100 - OPS_SCORE.exposure - 0.5 * OPS_SCORE.cost);
  });
});
