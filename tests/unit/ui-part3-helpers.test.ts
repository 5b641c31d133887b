// The pure rules behind Part 3's pages (src/lib/parts/part3), read off real views of the core: the words a
// team reads for each versioning decision, the ledger's evidence, the challenge's countdown, the Math Peeks whose
// numbers must be the check's and the trace's own, the charts, the host's rows and the projector's answers.
import { describe, expect, it } from 'vitest';
import type { ChallengeView, Ensemble, TeamPart3 } from '../../shared/protocol/views.js';
import { ENSEMBLE_TRACKS, FEATURE_BINS } from '../../shared/sim/constants.js';
import { enterPart } from '../../shared/sim/flow.js';
import { part3 } from '../../shared/sim/parts/part3/index.js';
import { NOBODY_ONLINE, projectHost, projectScreen, projectTeam } from '../../shared/sim/project.js';
import type { GameState } from '../../shared/sim/state.js';
import { AT, answerAs, applyAll, checkAs, crisisAt, deployAs, join, lock3, newGame, policyAs, retrainAs, reveal, tick } from '../support/actions.js';
import * as fmt from '../../src/lib/format.js';
import { checkMath, psiTerms, traceMath } from '../../src/lib/parts/part3/charts/ensemble-math.js';
import { histogramNames, histogramOptions, traceBounds, traceOptions, tracePoints } from '../../src/lib/parts/part3/charts/ensemble-options.js';
import {
  challengeAnswerLine,
  challengeCountdown,
  challengeEffects,
  challengeState,
  deployAction,
  evidenceWords,
  ledgerWho,
  newestFirst,
  policyEffect,
  psiName,
  psiReading,
  retrainBlocked,
  retrainDoes,
  retrainProgress,
  tileChallengeWords,
  tileHealth,
  upstreamValue,
} from '../../src/lib/parts/part3/ensemble-words.js';
import { part3Counts, part3Rows } from '../../src/lib/parts/part3/host/part3-rows.js';
import { answerBars, unanswered } from '../../src/lib/parts/part3/screen/part3-results.js';
import { phaseLabel } from '../../src/lib/phase.js';

/** Four teams, one per track (t1 Cloud Titan … t4 Tiny Pioneer), one player each (p1..p4), in Part 3's play step. */
function inPart3(): GameState {
  const lobby = applyAll(newGame(), ['ada', 'bob', 'cy', 'dee'].map((n) => join(n)));
  return { ...enterPart({ ...lobby, phase: 'briefing' }, part3, AT), version: lobby.version };
}
const teamView = (state: GameState, teamId: string): TeamPart3 => projectTeam(state, teamId, NOBODY_ONLINE)!.part3!;
const ensembleOf = (state: GameState, teamId: string): Ensemble => teamView(state, teamId).ensemble!;

describe('Part 3 formats', () => {
  it('writes metrics already in percent, PSIs with two decimals and real seconds roughly', () => {
    expect(fmt.percentValue(81.734)).toBe('81.7 %');
    expect(fmt.percentValue(95)).toBe('95 %');
    expect(fmt.percentValue(null)).toBe('—');
    expect(fmt.psi(0.3197)).toBe('0.32');
    expect(fmt.psi(0)).toBe('0.00');
    expect(fmt.aboutSeconds(30)).toBe('≈ 30 s');
    expect(fmt.aboutSeconds(120)).toBe('≈ 2 min');
    expect(upstreamValue(13, 'dB')).toBe('13 dB');
    expect(upstreamValue(86, '%')).toBe('86 %');
  });

  it("names Part 3's play step for the host", () => {
    expect(phaseLabel('part3', 'play', 'host')).toBe('Part 3 · Lock and live ensemble');
    expect(phaseLabel('part3', 'play', 'player')).toBe('Part 3 · Ensemble lockdown');
  });
});

describe('what each versioning decision does, in words', () => {
  it('offers "Deploy v2" while v1 serves and says the downstream will read features it was not trained on', () => {
    const e = ensembleOf(applyAll(inPart3(), [lock3('p4', 'b')]), 't4');
    const action = deployAction(e);
    expect(action).toMatchObject({ version: 'v2', label: 'Deploy v2' });
    expect(action.does).toMatch(/wake-word detector reads features_v2 — features it was not trained on \(trained on v1\)/);
  });

  it('under a strict contract, deploying v2 keeps the pin and costs a second pipeline at the track price', () => {
    const e = ensembleOf(applyAll(inPart3(), [lock3('p4', 'b'), policyAs('p4', 'strict')]), 't4');
    expect(deployAction(e).does).toMatch(/reads features_v1; 2 feature pipelines \(\+\$5\/h\)/);
    expect(policyEffect(e, 'strict')).toMatch(/^In force/);
    expect(policyEffect(e, 'loose')).toMatch(/^Switching/);
  });

  it('offers "Roll back to v1" once v2 serves', () => {
    const e = ensembleOf(applyAll(inPart3(), [lock3('p1', 'b'), deployAs('p1', 'v2')]), 't1');
    expect(deployAction(e)).toMatchObject({ version: 'v1', label: 'Roll back to v1' });
    expect(deployAction(e).does).toMatch(/reads features_v1\.$/);
  });

  it('says what each answer to the challenge would do: only the pinned approval keeps the downstream on its features', () => {
    const e = ensembleOf(applyAll(inPart3(), [lock3('p1', 'b')]), 't1');
    const effects = challengeEffects(e);
    expect(effects.refuse).toBe('The extractor waits: Embedding model stays on v1.');
    expect(effects.approve).toMatch(/^v2 goes live under your loose versioning: .*not trained on/);
    expect(effects['approve-pinned']).toMatch(/strict contract: the reranker reads features_v1; 2 feature pipelines/);
  });

  it("says what a retraining costs from the track's own hours, and why it cannot start", () => {
    const e = ensembleOf(applyAll(inPart3(), [lock3('p4', 'b')]), 't4');
    expect(retrainDoes(e, 0.2)).toMatch(/6 h simulated \(≈ 30 s at this pace\)/);
    expect(retrainBlocked(e)).toBeNull();
    const retrained = ensembleOf(applyAll(inPart3(), [lock3('p4', 'b'), retrainAs('p4'), tick(7)]), 't4');
    expect(retrained.model).toBe('v2');
    expect(retrainBlocked(retrained)).toMatch(/already runs on a model trained on v2/);
    const waiting = ensembleOf(applyAll(inPart3(), [lock3('p4', 'b'), policyAs('p4', 'strict'), retrainAs('p4'), tick(7)]), 't4');
    expect(retrainBlocked(waiting)).toMatch(/run the consistency check to validate/);
    // Loose versioning has no gate: switching now would serve the retrained model at once, on the v1 features.
    expect(policyEffect(waiting, 'loose')).toBe('Switching: the retrained model serves without validation, and the wake-word detector reads features_v1 — features it was not trained on (trained on v2).');
    const switched = ensembleOf(applyAll(inPart3(), [lock3('p4', 'b'), policyAs('p4', 'strict'), retrainAs('p4'), tick(7), policyAs('p4', 'loose')]), 't4');
    expect([switched.model, switched.reads]).toEqual(['v2', 'v1']);
  });

  it('shows a retraining in progress as a share, hours left and real seconds at the current pace', () => {
    const state = applyAll(inPart3(), [lock3('p4', 'b'), retrainAs('p4'), tick(1.5)]);
    const e = ensembleOf(state, 't4');
    const progress = retrainProgress(e.retrain!, teamView(state, 't4').hours, 0.2);
    expect(progress.share).toBeCloseTo(0.25, 9);
    expect(progress.hoursLeft).toBeCloseTo(4.5, 9);
    expect(progress.secondsLeft).toBeCloseTo(22.5, 9);
    expect(retrainProgress(e.retrain!, 1.5, 0).secondsLeft).toBeNull();
  });
});

describe('the ledger and the challenge', () => {
  it("writes each entry's evidence from the latest check before it", () => {
    const state = applyAll(inPart3(), [lock3('p1', 'b'), deployAs('p1', 'v2'), tick(3), checkAs('p1'), deployAs('p1', 'v1')]);
    const ledger = ensembleOf(state, 't1').ledger;
    expect(ledger.map((e) => evidenceWords(e.evidence))).toEqual(['no check yet', 'v1 → v2 PSI 0.32 from the check at 3 h', 'v1 → v2 PSI 0.32 from the check at 3 h']);
    // A check while the downstream reads its own v1 features: its training-serving PSI is 0 (the CSV's), and the
    // ledger quotes the v1 → v2 PSI; each under its own name, so that neither reads as the other one wrong.
    const early = applyAll(inPart3(), [lock3('p1', 'b'), checkAs('p1'), deployAs('p1', 'v2')]);
    const checked = ensembleOf(early, 't1');
    expect(checked.check!.psi.value).toBe(0);
    expect(evidenceWords(checked.ledger.at(-1)!.evidence)).toBe('v1 → v2 PSI 0.32 from the check at 0 h');
    // Retrained on v2 and validated, the evidence is the training-serving PSI of the new model.
    const retrained = applyAll(inPart3(), [lock3('p4', 'b'), policyAs('p4', 'strict'), retrainAs('p4'), tick(7), checkAs('p4'), deployAs('p4', 'v2')]);
    expect(evidenceWords(ensembleOf(retrained, 't4').ledger.at(-1)!.evidence)).toBe('training-serving PSI 0.00 from the check at 7 h');
    expect(newestFirst(ledger)[0]!.kind).toBe('rollback');
    expect(ledgerWho(ledger[0]!)).toBe('ada');
    expect(ledgerWho({ byNickname: null })).toBe('event');
  });

  it('counts the challenge down in seconds of play, and words the answer with its evidence', () => {
    // 2 simulated hours at ×1 are 10 s of the 150 to answer.
    const open = applyAll(inPart3(), [lock3('p1', 'b'), checkAs('p1'), crisisAt('deploy-tonight', { kind: 'team', teamId: 't1' }), tick(2)]);
    const c = ensembleOf(open, 't1').challenge!;
    expect(challengeState(c)).toBe('open');
    expect(challengeCountdown(c)).toEqual({ clock: '02:20', spoken: '2 minutes 20 seconds', last: false });
    expect(challengeAnswerLine(c)).toBe('Open: 2 minutes 20 seconds left to answer.');
    expect(challengeCountdown({ secondsLeft: 29.2 })).toEqual({ clock: '00:30', spoken: '30 seconds', last: true });
    expect(tileChallengeWords(projectScreen(open).part3!.tiles[0]!)).toBe('Challenge open · 02:20 left');
    expect(projectScreen(open).part3!.tiles[1]!.challengeSecondsLeft).toBeNull();
    const answered = ensembleOf(applyAll(open, [answerAs('p1', 'approve-pinned')]), 't1').challenge!;
    expect(challengeState(answered)).toBe('answered');
    expect(challengeAnswerLine(answered)).toBe('Approve behind a pinned contract — ada at 2 h, with the consistency check in hand.');
    const lapsed = ensembleOf(applyAll(open, [tick(24), tick(4)]), 't1').challenge!;
    expect(challengeState(lapsed)).toBe('lapsed');
    expect(challengeAnswerLine(lapsed)).toBe('Lapsed: nobody answered within 2½ minutes, so the software lead deployed v2.');
    const blind: ChallengeView = { ...answered, answer: { ...answered.answer!, evidence: false } };
    expect(challengeAnswerLine(blind)).toMatch(/without a consistency check first/);
  });
});

describe('the Math Peeks carry the real numbers', () => {
  it("writes the check's PSI as ten terms from its own bins that add up to the PSI it shows", () => {
    const state = applyAll(inPart3(), [lock3('p1', 'b'), deployAs('p1', 'v2'), checkAs('p1')]);
    const check = ensembleOf(state, 't1').check!;
    const terms = psiTerms(check.served, check.training);
    expect(terms).toHaveLength(10);
    expect(terms.reduce((s, t) => s + t.value, 0)).toBeCloseTo(check.psi.value, 12);
    const lines = checkMath(check);
    expect(lines[0]!.result).toBe('0.32 → act (≥ 0.25)');
    expect(terms[0]).toMatchObject({ bin: 1, actual: FEATURE_BINS.v2[0], expected: FEATURE_BINS.v1[0] });
    // The printed terms (4 decimals) add up to the PSI within their rounding.
    const printed = lines[0]!.substituted.split(' + ').map(Number);
    expect(printed).toHaveLength(10);
    expect(Math.abs(printed.reduce((a, b) => a + b, 0) - check.psi.value)).toBeLessThan(0.0006);
    // Served v2 already: the sum against upstream v2 would repeat the same line.
    expect(lines).toHaveLength(1);
  });

  it('adds the sum against upstream v2, from the public v2 bins, while the model still reads its v1 features', () => {
    const check = ensembleOf(applyAll(inPart3(), [lock3('p1', 'b'), checkAs('p1')]), 't1').check!;
    const lines = checkMath(check);
    expect(lines.map((l) => l.name)).toEqual(['PSI(v1 → v1)', 'PSI(v1 → upstream v2)']);
    expect(lines[1]!.result).toBe('0.32 → act (≥ 0.25)');
    const printed = lines[1]!.substituted.split(' + ').map(Number);
    expect(Math.abs(printed.reduce((a, b) => a + b, 0) - check.againstV2!.value)).toBeLessThan(0.0006);
  });

  it('writes a check of identical features as zeros', () => {
    const check = ensembleOf(applyAll(inPart3(), [lock3('p1', 'b'), checkAs('p1')]), 't1').check!;
    expect(checkMath(check)[0]!.result).toBe('0.00 → stable (< 0.10)');
    expect(psiTerms(check.served, check.training).every((t) => t.value === 0)).toBe(true);
  });

  it("writes the trace's system metric as correct / labelled over the window, and s only after the reveal", () => {
    const state = applyAll(inPart3(), [lock3('p1', 'b'), deployAs('p1', 'v2'), tick(5)]);
    const e = ensembleOf(state, 't1');
    const [system] = traceMath(e, null);
    const { correct, labelled, measured } = e.trace.system;
    expect(system!.substituted).toBe(`${fmt.count(correct)} / ${fmt.count(labelled)}`);
    expect(system!.result).toBe(`${fmt.percentValue(measured)} < floor 88 %: silent failure`);
    expect(traceMath(e, null).some((l) => /s·PSI/.test(l.formula))).toBe(false);
    const revealed = teamView(applyAll(state, [reveal()]), 't1');
    const model = traceMath(revealed.ensemble!, revealed.outcome).at(-1)!;
    expect(model.formula).toBe('reported − s·PSI');
    expect(model.result).toBe('85 % (true, revealed)');
  });
});

describe("Part 3's charts", () => {
  it('draws the check as two named distributions in percent, the served one hatched', () => {
    const check = ensembleOf(applyAll(inPart3(), [lock3('p1', 'b'), deployAs('p1', 'v2'), checkAs('p1')]), 't1').check!;
    const options = histogramOptions(check);
    const series = options.series as { name: string; data: number[]; itemStyle: { decal?: unknown } }[];
    expect(series.map((s) => s.name)).toEqual([histogramNames(check).training, histogramNames(check).served]);
    expect(series[0]!.data[0]).toBe(2.3);
    expect(series[1]!.itemStyle.decal).toBeDefined();
    expect(series[0]!.itemStyle.decal).toBeUndefined();
  });

  it('draws the measured metric with gaps for hours without labels, and a y range on round ticks that holds the floor and every point', () => {
    expect(tracePoints([{ hour: 2, measured: 90 }, { hour: 1, measured: null }])).toEqual([[1, null], [2, 90]]);
    // The hour the clock is in waits until it is complete.
    expect(tracePoints([{ hour: 2, measured: 70 }, { hour: 1, measured: 90 }], 2.4)).toEqual([[1, 90]]);
    expect(traceBounds([[0, 81.2], [1, 83]], 88, 92)).toEqual({ min: 80, max: 95, interval: 5 });
    expect(traceBounds([[0, 98.1]], 98.5, 99)).toEqual({ min: 97, max: 100, interval: 1 });
    const state = applyAll(inPart3(), [lock3('p1', 'b'), deployAs('p1', 'v2'), tick(4)]);
    const e = ensembleOf(state, 't1');
    const options = traceOptions(e.samples, e.spec);
    const [measured, floor] = options.series as { name: string; data: [number, number | null][] }[];
    expect(measured!.data.length).toBeGreaterThan(0);
    expect(floor!.name).toBe('Floor 88 %');
    expect(floor!.data.map(([, y]) => y)).toEqual([ENSEMBLE_TRACKS['cloud-titan'].floor, ENSEMBLE_TRACKS['cloud-titan'].floor]);
  });
});

describe("Part 3's health, host rows and projector results", () => {
  it("reads a tile's health in words: locking, measuring, healthy or silent failure", () => {
    expect(tileHealth({ locked: false, measured: null, silent: false })).toBe('unlocked');
    expect(tileHealth({ locked: true, measured: null, silent: false })).toBe('measuring');
    expect(tileHealth({ locked: true, measured: 93, silent: false })).toBe('healthy');
    expect(tileHealth({ locked: true, measured: 84, silent: true })).toBe('silent');
    const state = applyAll(inPart3(), [lock3('p1', 'b'), deployAs('p1', 'v2'), tick(3)]);
    const tiles = projectScreen(state).part3!.tiles;
    expect(tiles.map(tileHealth)).toEqual(['silent', 'unlocked', 'unlocked', 'unlocked']);
  });

  it("joins the host's rows with names and reads the class's tallies, the truth included", () => {
    const state = applyAll(inPart3(), [
      lock3('p1', 'b'),
      lock3('p4', 'a'),
      deployAs('p1', 'v2'),
      policyAs('p4', 'strict'),
      retrainAs('p4'),
      crisisAt('deploy-tonight', { kind: 'all' }),
      tick(2),
    ]);
    const view = projectHost(state, NOBODY_ONLINE);
    const rows = part3Rows(view, view.part3!);
    expect(rows.map((r) => r.name)).toEqual(view.teams.map((t) => t.name));
    expect(rows[3]!.retraining).toBe(true);
    expect(rows[0]!.challenge).toBe('open');
    expect(part3Counts(rows)).toMatchObject({ locked: 2, silentNow: 1, upgraded: 0, challengeOpen: 4 });
  });

  it('counts the answers a–d with the right one marked, and lists who did not answer', () => {
    const state = applyAll(inPart3(), [lock3('p1', 'b'), lock3('p2', 'a'), lock3('p3', 'b'), reveal()]);
    const results = projectScreen(state).part3!.results!;
    const bars = answerBars(results);
    expect(bars.map((b) => [b.choice, b.count, b.right])).toEqual([
      ['a', 1, false],
      ['b', 2, true],
      ['c', 0, false],
      ['d', 0, false],
    ]);
    expect(bars[1]!.share).toBeCloseTo(2 / 3, 9);
    expect(unanswered(results)).toEqual(['t4']);
    expect(psiReading('v1-v2', { value: 0.32, band: 'act' })).toBe('v1 → v2 PSI 0.32 · act (≥ 0.25)');
    expect(psiReading('training-serving', { value: 0, band: 'stable' })).toBe('training-serving PSI 0.00 · stable (< 0.10)');
    // At the start of a sentence: a capital, but never on a version's small v.
    expect([psiName('training-serving', true), psiName('v1-v2', true)]).toEqual(['Training-serving PSI', 'v1 → v2 PSI']);
  });
});
