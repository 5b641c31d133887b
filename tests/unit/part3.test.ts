// Part 3 through its model and the reducer: the designed PSI, every track's metric table, the silent-failure
// rule, both versioning policies under the dependency domino, the challenge's scoring, and what each
// audience sees.
import { describe, expect, it } from 'vitest';
import { CHALLENGE_SECONDS, ENSEMBLE_TRACKS, FEATURE_BINS, PART3_PACE } from '../../shared/sim/constants.js';
import { effectsOf } from '../../shared/sim/crises/effects.js';
import { enterPart } from '../../shared/sim/flow.js';
import { stateHash } from '../../shared/sim/hash.js';
import { part3 } from '../../shared/sim/parts/part3/index.js';
import { featurePsi, psi, psiBand } from '../../shared/sim/parts/part3/psi.js';
import { part3OpsScore } from '../../shared/sim/parts/part3/score.js';
import { systemMetric } from '../../shared/sim/parts/part3/truth.server.js';
import { NOBODY_ONLINE, projectHost, projectScreen, projectTeam } from '../../shared/sim/project.js';
import { reduce } from '../../shared/sim/reducer.js';
import type { GameState } from '../../shared/sim/state.js';
import { TRACK_IDS } from '../../shared/sim/tracks.js';
import {
  AT,
  answerAs,
  applyAll,
  checkAs,
  crisisAt,
  deployAs,
  join,
  lock3,
  newGame,
  outcome,
  pause,
  policyAs,
  retrainAs,
  reveal,
  setSpeed,
  tick,
} from '../support/actions.js';
import { part3Of } from '../support/slices.js';

/** Four teams, one per track (t1 Cloud Titan … t4 Tiny Pioneer), one player each (p1..p4), in Part 3's play step. */
function inPart3(): GameState {
  const lobby = applyAll(newGame(), ['ada', 'bob', 'cy', 'dee'].map((n) => join(n)));
  return { ...enterPart({ ...lobby, phase: 'briefing' }, part3, AT), version: lobby.version };
}

const ensembleOf = (state: GameState, teamId: string) => part3Of(state)!.teams[teamId]!;
const opsOf = (state: GameState, teamId: string) => projectHost(state, NOBODY_ONLINE).part3!.teams.find((t) => t.teamId === teamId)!.ops;

describe('the ensemble model', () => {
  it('designs v1 → v2 at PSI 0.32 from 10 binned shares, and reads it as "act"', () => {
    for (const bins of Object.values(FEATURE_BINS)) {
      expect(bins).toHaveLength(10);
      expect(bins.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    }
    expect(Math.abs(psi(FEATURE_BINS.v2, FEATURE_BINS.v1) - 0.32)).toBeLessThanOrEqual(0.01);
    expect(featurePsi('v1', 'v1')).toBe(0);
    expect(featurePsi('v2', 'v1')).toBeCloseTo(featurePsi('v1', 'v2'), 12);
    expect([psiBand(0.05), psiBand(0.1), psiBand(0.2), psiBand(0.25), psiBand(0.32)]).toEqual(['stable', 'watch', 'watch', 'act', 'act']);
  });

  it("pins every track's metric table: trained, served v2 untrained, retrained, floor", () => {
    const table = TRACK_IDS.map((track) => ({
      track,
      trained: systemMetric(track, 'v1', 'v1'),
      untrained: Number(systemMetric(track, 'v1', 'v2').toFixed(6)),
      retrained: systemMetric(track, 'v2', 'v2'),
      floor: ENSEMBLE_TRACKS[track].floor,
      retrainHours: ENSEMBLE_TRACKS[track].retrainHours,
    }));
    expect(table).toEqual([
      { track: 'cloud-titan', trained: 92, untrained: 85, retrained: 94, floor: 88, retrainHours: 12 },
      { track: 'edge-guardian', trained: 99, untrained: 96.5, retrained: 99.5, floor: 98.5, retrainHours: 24 },
      { track: 'mobile-nomad', trained: 90, untrained: 81, retrained: 92, floor: 85, retrainHours: 8 },
      { track: 'tiny-pioneer', trained: 95, untrained: 82, retrained: 97, floor: 90, retrainHours: 6 },
    ]);
    // A model retrained on v2 that is served v1 features is skewed too: the invariant cuts both ways.
    for (const track of TRACK_IDS) expect(systemMetric(track, 'v2', 'v1')).toBeLessThan(ENSEMBLE_TRACKS[track].floor);
  });
});

describe('Part 3 in the reducer', () => {
  it('takes a choice lock, and opens the workbench only after it', () => {
    const state = inPart3();
    expect(outcome(reduce(state, deployAs('p1', 'v2')))).toBe('lock/required');
    expect(outcome(reduce(state, { type: 'team/lock-prediction', by: { role: 'player', playerId: 'p1' }, part: 3, value: 3000 }))).toBe('lock/out-of-range');
    const locked = applyAll(state, [lock3('p1', 'b')]);
    expect(outcome(reduce(locked, lock3('p1', 'a')))).toBe('lock/already-locked');
    expect(projectTeam(state, 't1', NOBODY_ONLINE)!.part3!.ensemble).toBeNull();
    expect(projectTeam(locked, 't1', NOBODY_ONLINE)!.part3!.ensemble!.upstream).toBe('v1');
  });

  it('counts a silent failure: v2 served to a downstream trained on v1, every component healthy', () => {
    const state = applyAll(inPart3(), [lock3('p1', 'b'), deployAs('p1', 'v2'), tick(5)]);
    const t1 = ensembleOf(state, 't1');
    expect(t1.silentHours).toBeCloseTo(5, 9);
    expect(t1.belowFloorPointHours).toBeCloseTo((88 - 85) * 5, 6);
    const trace = projectTeam(state, 't1', NOBODY_ONLINE)!.part3!.ensemble!.trace;
    expect(trace.upstreamMetric).toBe(86); // the upstream reports better than ever
    expect(trace.downstreamReported).toBe(92); // the downstream reports its offline metric: no error
    expect(trace.psi.band).toBe('act');
    expect(trace.system.measured!).toBeLessThan(88);
    expect(trace.silent).toBe(true);
    // Another team that did nothing is healthy.
    expect(ensembleOf(state, 't2').silentHours).toBe(0);
  });

  it('under loose versioning the domino fails silently; under a strict contract it holds', () => {
    const state = applyAll(inPart3(), [
      lock3('p3', 'b'),
      lock3('p4', 'b'),
      policyAs('p4', 'strict'),
      tick(1),
      crisisAt('dependency-domino', { kind: 'all' }),
      tick(4),
    ]);
    expect(effectsOf(state, 't3').dominoAt).toBe(1);
    const loose = ensembleOf(state, 't3');
    const strict = ensembleOf(state, 't4');
    expect([loose.upstream, strict.upstream]).toEqual(['v2', 'v2']);
    expect(loose.silentHours).toBeCloseTo(4, 9);
    expect(strict.silentHours).toBe(0);
    expect(projectTeam(state, 't4', NOBODY_ONLINE)!.part3!.ensemble!.reads).toBe('v1');
    expect(strict.ledger.at(-1)!.text).toMatch(/contract holds/);
    expect(projectTeam(state, 't4', NOBODY_ONLINE)!.part3!.ensemble!.pipelines).toBe(2);
  });

  it('plays the safe upgrade: strict, deploy v2, retrain, validate by consistency check', () => {
    const hours = ENSEMBLE_TRACKS['cloud-titan'].retrainHours;
    const state = applyAll(inPart3(), [
      lock3('p1', 'b'),
      policyAs('p1', 'strict'),
      checkAs('p1'),
      deployAs('p1', 'v2'),
      retrainAs('p1'),
      tick(hours),
    ]);
    expect(ensembleOf(state, 't1').retrain).toMatchObject({ done: true });
    expect(ensembleOf(state, 't1').model).toBe('v1'); // waiting for validation
    const validated = applyAll(state, [checkAs('p1'), tick(1)]);
    const t1 = ensembleOf(validated, 't1');
    expect([t1.model, t1.upstream, t1.silentHours]).toEqual(['v2', 'v2', 0]);
    expect(t1.checks.at(-1)!.validated).toBe(true);
    expect(projectTeam(validated, 't1', NOBODY_ONLINE)!.part3!.ensemble!.pipelines).toBe(1);
    expect(t1.extraPipelineHours).toBeCloseTo(hours, 9);
    expect(opsOf(validated, 't1')).toBeGreaterThanOrEqual(90);
    expect(t1.ledger.map((e) => e.kind)).toEqual(['policy', 'check', 'deploy', 'retrain-start', 'retrain-done', 'validated']);
  });

  it('scores the careless path below the careful one on every track', () => {
    for (const [i, track] of TRACK_IDS.entries()) {
      const p = `p${i + 1}`;
      const t = ENSEMBLE_TRACKS[track].retrainHours;
      const careless = applyAll(inPart3(), [lock3(p, 'b'), deployAs(p, 'v2'), retrainAs(p), tick(t + 1)]);
      const careful = applyAll(inPart3(), [lock3(p, 'b'), policyAs(p, 'strict'), deployAs(p, 'v2'), retrainAs(p), tick(t), checkAs(p), tick(1)]);
      const team = `t${i + 1}`;
      expect(ensembleOf(careless, team).model).toBe('v2');
      expect(ensembleOf(careless, team).silentHours).toBeCloseTo(t, 9);
      expect(opsOf(careful, team)).toBeGreaterThan(opsOf(careless, team));
      // Normalized per track: the same path scores the same on every track.
      expect(opsOf(careless, team)).toBe(opsOf(applyAll(inPart3(), [lock3('p1', 'b'), deployAs('p1', 'v2'), retrainAs('p1'), tick(13)]), 't1'));
    }
  });

  it('refuses decisions that change nothing, with their codes', () => {
    const locked = applyAll(inPart3(), [lock3('p1', 'b')]);
    expect(outcome(reduce(locked, deployAs('p1', 'v1')))).toBe('ensemble/no-change');
    expect(outcome(reduce(locked, policyAs('p1', 'loose')))).toBe('ensemble/no-change');
    expect(outcome(reduce(locked, retrainAs('p1', false)))).toBe('ensemble/no-retrain');
    const retraining = applyAll(locked, [retrainAs('p1')]);
    expect(outcome(reduce(retraining, retrainAs('p1')))).toBe('ensemble/retraining');
    expect(outcome(reduce(locked, answerAs('p1', 'refuse')))).toBe('challenge/none');
    const done = applyAll(retraining, [tick(12)]);
    expect(outcome(reduce(done, retrainAs('p1')))).toBe('ensemble/retrained');
  });
});

describe('the stakeholder challenge', () => {
  const challenged = (...before: ReturnType<typeof checkAs>[]) =>
    applyAll(inPart3(), [lock3('p1', 'b'), ...before, crisisAt('deploy-tonight', { kind: 'team', teamId: 't1' }), tick(1)]);
  const quality = (state: GameState) => ensembleOf(state, 't1').challenge!.answer!.quality;

  it('scores approve-behind-a-contract with evidence highest, and reckless approval zero', () => {
    const pinnedWithEvidence = applyAll(challenged(checkAs('p1')), [answerAs('p1', 'approve-pinned')]);
    const pinnedBlind = applyAll(challenged(), [answerAs('p1', 'approve-pinned')]);
    const refusal = applyAll(challenged(checkAs('p1')), [answerAs('p1', 'refuse')]);
    const reckless = applyAll(challenged(checkAs('p1')), [answerAs('p1', 'approve')]);
    expect([quality(pinnedWithEvidence), quality(pinnedBlind), quality(refusal), quality(reckless)]).toEqual([1, 0.5, 0.6, 0]);
    expect(ensembleOf(pinnedWithEvidence, 't1').policy).toBe('strict');
    expect(ensembleOf(pinnedWithEvidence, 't1').upstream).toBe('v2');
    expect(ensembleOf(refusal, 't1').upstream).toBe('v1');
    const after = applyAll(reckless, [tick(2)]);
    expect(ensembleOf(after, 't1').silentHours).toBeGreaterThan(0);
    expect(outcome(reduce(reckless, answerAs('p1', 'refuse')))).toBe('challenge/closed');
  });

  it('lets the software lead deploy when nobody answers in time', () => {
    // At the speed ×1, the 150 seconds of play to answer are 30 simulated hours; the challenge was put at hour 0.
    const state = applyAll(challenged(), [tick(24), tick(6)]);
    const t1 = ensembleOf(state, 't1');
    expect(t1.challenge).toMatchObject({ lapsed: true, secondsLeft: 0 });
    expect(t1.upstream).toBe('v2');
    expect(t1.ledger.at(-1)!.kind).toBe('deadline');
    expect(t1.ledger.at(-1)!.at).toBeCloseTo(CHALLENGE_SECONDS * PART3_PACE, 9);
    expect(outcome(reduce(state, answerAs('p1', 'refuse')))).toBe('challenge/closed');
    expect(part3OpsScore(t1, 'cloud-titan')).toBeLessThan(part3OpsScore(ensembleOf(challenged(), 't1'), 'cloud-titan'));
  });

  it("gives a team the same seconds of play to answer at any speed of the host's (the play-through had 15 s at 4×)", () => {
    expect(CHALLENGE_SECONDS).toBeGreaterThanOrEqual(120);
    for (const speed of [0.25, 1, 4, 8]) {
      const perSecond = PART3_PACE * speed;
      // The server ticks about once a second: each tick carries that second's simulated hours at this speed.
      const seconds = (n: number) => Array.from({ length: n }, () => tick(perSecond));
      let state = applyAll(inPart3(), [setSpeed(speed), lock3('p1', 'b'), crisisAt('deploy-tonight', { kind: 'team', teamId: 't1' })]);
      // The phone shows it at once, with the whole time to answer (the next tick settles it into the state).
      expect(projectTeam(state, 't1', NOBODY_ONLINE)!.part3!.ensemble!.challenge).toMatchObject({ secondsLeft: CHALLENGE_SECONDS, lapsed: false });
      state = applyAll(state, seconds(CHALLENGE_SECONDS - 5));
      const open = ensembleOf(state, 't1').challenge!;
      expect(open.lapsed).toBe(false);
      expect(open.secondsLeft).toBeCloseTo(5, 6);
      // A pause holds the count (the server sends no ticks while paused); the answer is still taken after it.
      const answered = applyAll(state, [pause(), { type: 'host/resume', by: { role: 'host' }, at: AT }, answerAs('p1', 'refuse')]);
      expect(ensembleOf(answered, 't1').challenge!.answer).toMatchObject({ answer: 'refuse' });
      // Unanswered, it lapses after exactly CHALLENGE_SECONDS of play, whatever simulated hours they were.
      const lapsed = ensembleOf(applyAll(state, seconds(5)), 't1');
      expect(lapsed.challenge).toMatchObject({ lapsed: true, secondsLeft: 0 });
      expect(lapsed.ledger.at(-1)!.kind).toBe('deadline');
      expect(lapsed.ledger.at(-1)!.at).toBeCloseTo(CHALLENGE_SECONDS * perSecond, 6);
    }
  });

  it('keeps counting the time to answer from where it stood when the host changes the speed', () => {
    // 50 s at ×1 (10 h), then 100 s at ×4 (80 h): the 150 s run out at hour 90, not at 10 + 12 or 10 + 4 · 12.
    const challengedAt = applyAll(inPart3(), [lock3('p1', 'b'), crisisAt('deploy-tonight', { kind: 'team', teamId: 't1' }), tick(10)]);
    expect(ensembleOf(challengedAt, 't1').challenge!.secondsLeft).toBeCloseTo(100, 9);
    const faster = applyAll(challengedAt, [setSpeed(4), tick(24), tick(24), tick(24)]);
    expect(ensembleOf(faster, 't1').challenge).toMatchObject({ lapsed: false });
    expect(ensembleOf(faster, 't1').challenge!.secondsLeft).toBeCloseTo(10, 9);
    const lapsed = ensembleOf(applyAll(faster, [tick(10)]), 't1');
    expect(lapsed.challenge!.lapsed).toBe(true);
    expect(lapsed.ledger.at(-1)!.at).toBeCloseTo(90, 9);
  });
});

describe('what each audience sees of Part 3', () => {
  const played = () => applyAll(inPart3(), [lock3('p1', 'b'), lock3('p2', 'a'), deployAs('p1', 'v2'), tick(4)]);

  it('never gives a team or the projector the hidden sensitivity or the true metric before the reveal', () => {
    const state = played();
    for (const view of [projectTeam(state, 't1', NOBODY_ONLINE), projectScreen(state)]) {
      const text = JSON.stringify(view);
      expect(text).not.toMatch(/"outcome":\{|"s":|"actual":"b"|"system":85/);
    }
    const team = projectTeam(state, 't1', NOBODY_ONLINE)!.part3!;
    expect(team.outcome).toBeNull();
    expect(team.reveal).toBeNull();
    const host = projectHost(state, NOBODY_ONLINE).part3!;
    expect(host.actual).toBe('b');
    expect(host.teams[0]!.outcome.system).toBeCloseTo(85, 9);
    expect(host.teams[0]!.outcome.silentNow).toBe(true);
  });

  it('reveals the answer, the distribution of answers and every outcome', () => {
    const state = applyAll(played(), [reveal()]);
    const team = projectTeam(state, 't2', NOBODY_ONLINE)!.part3!;
    expect(team.reveal).toEqual({ predicted: 'a', actual: 'b', correct: false, score: 0 });
    expect(team.outcome!.silentHours).toBe(0);
    const screen = projectScreen(state).part3!.results!;
    expect(screen.counts).toEqual({ a: 1, b: 1, c: 0, d: 0 });
    expect(screen.teams[0]!.outcome.silentHours).toBeCloseTo(4, 9);
    const board = projectHost(state, NOBODY_ONLINE).leaderboard;
    // The right lock scores 100 learning points; the wrong one none.
    expect(board.find((r) => r.teamId === 't1')!.learning - board.find((r) => r.teamId === 't2')!.learning).toBe(100);
  });

  it('shows a crisis struck while paused at once: the domino updates the upstream in every view', () => {
    const state = applyAll(inPart3(), [lock3('p1', 'b'), tick(1), pause(), crisisAt('dependency-domino', { kind: 'all' })]);
    expect(projectTeam(state, 't1', NOBODY_ONLINE)!.part3!.ensemble!.upstream).toBe('v2');
    expect(projectScreen(state).part3!.tiles[0]!.upstream).toBe('v2');
    expect(projectTeam(state, 't1', NOBODY_ONLINE)!.part3!.ensemble!.ledger.at(-1)!.kind).toBe('auto-update');
  });

  it('adds Part 3 ops to the leaderboard only at the reveal: a silent failure stays silent on the board', () => {
    const failing = applyAll(inPart3(), [lock3('p1', 'b'), lock3('p2', 'b'), deployAs('p1', 'v2'), tick(10)]);
    const board = (state: GameState) => projectScreen(state).leaderboard.find((r) => r.teamId === 't1')!.ops;
    expect(board(failing)).toBe(0);
    expect(opsOf(failing, 't1')).toBeLessThan(opsOf(failing, 't2')); // the host sees it live
    expect(board(applyAll(failing, [reveal()]))).toBe(opsOf(failing, 't1'));
  });

  it('replays to the same state and hash from the same actions', () => {
    const actions = [lock3('p1', 'b'), deployAs('p1', 'v2'), tick(2), crisisAt('dependency-domino', { kind: 'all' }), tick(3), checkAs('p1')];
    expect(stateHash(applyAll(inPart3(), actions))).toBe(stateHash(applyAll(inPart3(), actions)));
  });
});
