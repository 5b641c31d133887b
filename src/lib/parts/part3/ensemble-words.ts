// How Part 3's ensemble reads in words (GAME.md §6), the same on the phone, the console and the projector: the
// names of its two PSIs, PSI bands, what each versioning decision does and costs, the challenge's countdown and answer, the ledger's
// evidence, and a team's status (healthy or silent failure). Pure, so the words are tested.
// Relative imports (not `$shared`): unit tests and `tsc -p tsconfig.node.json` load this file without Vite.
import type {
  ChallengeAnswer,
  ChallengeView,
  Ensemble,
  EnsembleTile,
  FeatureVersion,
  LedgerEntry,
  LedgerKind,
  PsiBand,
  PsiComparison,
  VersioningPolicy,
} from '../../../../shared/protocol/views.js';
import { PSI_BANDS } from '../../../../shared/sim/constants.js';
import { CHALLENGE_ANSWERS, CHALLENGE_TIME, PSI_NAMES } from '../../../../shared/sim/parts/part3/content.js';
import { formatClock, spokenDuration } from '../../clock.js';
import { pipelinesOf, readsOf } from '../../../../shared/sim/parts/part3/ensemble.js';
import * as fmt from '../../format.js';

/** A PSI band as the chapter names it, with its range: "act (≥ 0.25)". */
export const PSI_BAND_WORDS: Readonly<Record<PsiBand, { word: string; range: string }>> = {
  stable: { word: 'stable', range: `< ${fmt.psi(PSI_BANDS.stable)}` },
  watch: { word: 'watch', range: `${fmt.psi(PSI_BANDS.stable)}–${fmt.psi(PSI_BANDS.act)}` },
  act: { word: 'act', range: `≥ ${fmt.psi(PSI_BANDS.act)}` },
};

/** A PSI's name, saying what it compares (PSI_NAMES), with a capital when it starts a sentence:
 *  "Training-serving PSI"; "v1 → v2 PSI" keeps its version's small v. */
export function psiName(compares: PsiComparison, start = false): string {
  const name = PSI_NAMES[compares];
  return start && !/^v\d/.test(name) ? name.charAt(0).toUpperCase() + name.slice(1) : name;
}

/** "training-serving PSI 0.00 · stable (< 0.10)", "v1 → v2 PSI 0.32 · act (≥ 0.25)". */
export function psiReading(compares: PsiComparison, psi: { value: number; band: PsiBand }): string {
  const band = PSI_BAND_WORDS[psi.band];
  return `${psiName(compares)} ${fmt.psi(psi.value)} · ${band.word} (${band.range})`;
}

export const POLICY_WORDS: Readonly<Record<VersioningPolicy, { label: string; short: string; does: string }>> = {
  loose: {
    label: 'Loose versioning',
    short: 'Loose',
    does: 'The downstream reads whatever the upstream serves: one feature pipeline, no gate.',
  },
  strict: {
    label: 'Strict immutable contract',
    short: 'Strict',
    does: 'The downstream reads the features it was trained on (pinned); the pin moves only after a retraining passes the consistency check.',
  },
};

/** An upstream reading with its unit: "86 %", "13 dB". */
export function upstreamValue(value: number, unit: string): string {
  return unit === '%' ? fmt.percentValue(value) : `${fmt.decimal(value, 1)} ${unit}`;
}

type Wiring = Pick<Ensemble, 'upstream' | 'policy' | 'model' | 'spec'>;

/** What a second feature pipeline costs, in words: "$5/h". */
const pipelineCost = (e: Wiring) => `${fmt.dollars(e.spec.pipelineCostPerHour)}/h`;

/** The wiring after a change, in words: "reads features_v2 (trained on v1), 1 pipeline". */
function wiringAfter(e: Wiring, change: Partial<Pick<Ensemble, 'upstream' | 'policy' | 'model'>>): string {
  const next = { upstream: e.upstream, policy: e.policy, model: e.model, ...change };
  const reads = readsOf(next);
  const pipelines = pipelinesOf(next);
  const skew = reads !== next.model ? ` — features it was not trained on (trained on ${next.model})` : '';
  const cost = pipelines > 1 ? `; ${pipelines} feature pipelines (+${pipelineCost(e)})` : '';
  return `the ${e.spec.downstream.toLowerCase()} reads features_${reads}${skew}${cost}`;
}

/** The upstream button that applies now and what it does: "Deploy v2" while v1 serves, else "Roll back to v1". */
export function deployAction(e: Wiring): { version: FeatureVersion; label: string; does: string } {
  if (e.upstream === 'v1') {
    return {
      version: 'v2',
      label: 'Deploy v2',
      does: `${e.spec.upstream} serves v2, better on its own ${e.spec.upstreamMetric}. Then ${wiringAfter(e, { upstream: 'v2' })}.`,
    };
  }
  return {
    version: 'v1',
    label: 'Roll back to v1',
    does: `${e.spec.upstream} goes back to v1. Then ${wiringAfter(e, { upstream: 'v1' })}.`,
  };
}

/** What switching to `policy` does to this ensemble now. Loose versioning has no validation gate: a retrained
 *  model waiting for one serves at once (as the core does). */
export function policyEffect(e: Wiring & Pick<Ensemble, 'retrain'>, policy: VersioningPolicy): string {
  if (policy === e.policy) return `In force: ${wiringAfter(e, {})}.`;
  if (policy === 'loose' && e.retrain?.done) return `Switching: the retrained model serves without validation, and ${wiringAfter(e, { policy, model: 'v2' })}.`;
  return `Switching: ${wiringAfter(e, { policy })}.`;
}

/** Why "Retrain" cannot start now, or null when it can. */
export function retrainBlocked(e: Pick<Ensemble, 'model' | 'retrain' | 'spec'>): string | null {
  if (e.model === 'v2') return `The ${e.spec.downstream.toLowerCase()} already runs on a model trained on v2 features.`;
  if (e.retrain?.done) return 'Retrained: run the consistency check to validate the new model and move the pin to features_v2.';
  return null;
}

/** What "Retrain" does and costs, with the wall-clock time at the current pace. */
export function retrainDoes(e: Pick<Ensemble, 'policy' | 'spec'>, hoursPerSecond: number): string {
  const hours = e.spec.retrainHours;
  const real = hoursPerSecond > 0 ? ` (${fmt.aboutSeconds(hours / hoursPerSecond)} at this pace)` : '';
  const then =
    e.policy === 'strict'
      ? 'it then waits for a consistency check to validate it before it serves'
      : 'under loose versioning it serves as soon as it is done';
  return `Retrains the ${e.spec.downstream.toLowerCase()} on v2 features: ${fmt.hours(hours)} simulated${real}. The old model serves meanwhile; ${then}.`;
}

export interface RetrainProgress {
  /** 0–1 of the retraining done. */
  share: number;
  hoursLeft: number;
  /** Real seconds left at the current pace, or null when the clock is stopped. */
  secondsLeft: number | null;
}

/** How far a retraining in progress is at simulated hour `now`. */
export function retrainProgress(retrain: NonNullable<Ensemble['retrain']>, now: number, hoursPerSecond: number): RetrainProgress {
  const span = Math.max(1e-9, retrain.until - retrain.startedAt);
  const hoursLeft = Math.max(0, retrain.until - now);
  return {
    share: Math.min(1, Math.max(0, (now - retrain.startedAt) / span)),
    hoursLeft,
    secondsLeft: hoursPerSecond > 0 ? hoursLeft / hoursPerSecond : null,
  };
}

/** What the consistency check does, for the button's description. */
export function checkDoes(e: Pick<Ensemble, 'policy' | 'retrain' | 'spec'>): string {
  const validates = e.policy === 'strict' && e.retrain?.done ? ' Now it also validates the retrained model and moves the pin to features_v2.' : '';
  return `Compares the features the ${e.spec.downstream.toLowerCase()} was trained on with the features it reads now (the training-serving PSI, over 10 bins). Costs nothing, and it is the evidence behind your decisions.${validates}`;
}

export type ChallengeState = 'open' | 'answered' | 'lapsed';

/** Where the stakeholder challenge stands: answered, lapsed, or open (also once its deadline has passed on this
 *  clock but the server has not yet said "lapsed"). */
export function challengeState(c: ChallengeView): ChallengeState {
  return c.answer ? 'answered' : c.lapsed ? 'lapsed' : 'open';
}

/** What each answer to the challenge would do to this ensemble now. */
export function challengeEffects(e: Wiring): Readonly<Record<ChallengeAnswer, string>> {
  const live = e.upstream === 'v2' ? 'v2 already serves' : 'v2 goes live';
  return {
    refuse: `The extractor waits: ${e.spec.upstream} stays on ${e.upstream}.`,
    approve: `${live} under your ${POLICY_WORDS[e.policy].label.toLowerCase()}: ${wiringAfter(e, { upstream: 'v2' })}.`,
    'approve-pinned': `${live} and your policy becomes a strict contract: ${wiringAfter(e, { upstream: 'v2', policy: 'strict' })}.`,
  };
}

/** Time left to answer, in seconds of play (real time whatever the host's speed, held while paused): as a clock
 *  ("02:30"), in words for screen readers, and whether it is the last 30 seconds. */
export function challengeCountdown(c: Pick<ChallengeView, 'secondsLeft'>): { clock: string; spoken: string; last: boolean } {
  const ms = Math.max(0, c.secondsLeft) * 1000;
  return { clock: formatClock(ms), spoken: spokenDuration(ms), last: c.secondsLeft <= 30 };
}

/** The team's answer in one line: "Approve behind a pinned contract — Ada at 4.5 h, with the consistency check in hand." */
export function challengeAnswerLine(c: ChallengeView): string {
  if (c.lapsed) return `Lapsed: nobody answered within ${CHALLENGE_TIME}, so the software lead deployed v2.`;
  if (!c.answer) return `Open: ${challengeCountdown(c).spoken} left to answer.`;
  const a = c.answer;
  const evidence = a.evidence ? 'with the consistency check in hand' : 'without a consistency check first (it counts less)';
  return `${CHALLENGE_ANSWERS[a.answer].label} — ${a.byNickname} at ${fmt.hours(a.at)}, ${evidence}.`;
}

export const LEDGER_KIND_WORDS: Readonly<Record<LedgerKind, string>> = {
  policy: 'Policy',
  deploy: 'Deploy',
  rollback: 'Rollback',
  'retrain-start': 'Retrain',
  'retrain-cancel': 'Retrain cancelled',
  'retrain-done': 'Retrained',
  check: 'Check',
  validated: 'Validated',
  challenge: 'Challenge',
  answer: 'Answer',
  'auto-update': 'Auto-update',
  deadline: 'Deadline',
};

/** The evidence a ledger entry was made with, named by what it compares: "v1 → v2 PSI 0.32 from the check at
 *  3 h", "training-serving PSI 0.00 from the check at 16 h", or "no check yet". */
export function evidenceWords(evidence: LedgerEntry['evidence']): string {
  return evidence ? `${psiName(evidence.compares)} ${fmt.psi(evidence.psi)} from the check at ${fmt.hours(evidence.at)}` : 'no check yet';
}

/** Who made a ledger entry: a nickname, or "event" for what happened to the team (a deadline, an auto-update). */
export function ledgerWho(entry: Pick<LedgerEntry, 'byNickname'>): string {
  return entry.byNickname ?? 'event';
}

/** The ledger newest first, as the phone and the console list it. */
export function newestFirst(ledger: readonly LedgerEntry[]): LedgerEntry[] {
  return [...ledger].reverse();
}

export type HealthKey = 'unlocked' | 'measuring' | 'healthy' | 'silent';

/** A team's system health as every audience reads it: the word says it, the colour only repeats it. */
export const HEALTH_WORDS: Readonly<Record<HealthKey, string>> = {
  unlocked: 'Locking a prediction…',
  measuring: 'Measuring…',
  healthy: 'Healthy',
  silent: 'Silent failure',
};

/** A tile's health: not locked yet, no labelled requests yet, healthy, or a silent failure. */
export function tileHealth(tile: Pick<EnsembleTile, 'locked' | 'measured' | 'silent'>): HealthKey {
  if (!tile.locked) return 'unlocked';
  if (tile.measured === null) return 'measuring';
  return tile.silent ? 'silent' : 'healthy';
}

const TILE_CHALLENGE_WORDS: Readonly<Record<EnsembleTile['challenge'], string>> = {
  none: '',
  open: 'Challenge open',
  answered: 'Challenge answered',
  lapsed: 'Challenge lapsed: v2 deployed',
};

/** The challenge on a projector tile: "Challenge open · 02:05 left" while open (the time to answer, real time). */
export function tileChallengeWords(tile: Pick<EnsembleTile, 'challenge' | 'challengeSecondsLeft'>): string {
  const left = tile.challengeSecondsLeft;
  if (tile.challenge === 'open' && left !== null) return `${TILE_CHALLENGE_WORDS.open} · ${challengeCountdown({ secondsLeft: left }).clock} left`;
  return TILE_CHALLENGE_WORDS[tile.challenge];
}
