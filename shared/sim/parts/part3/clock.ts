// Part 3's simulated clock for one team's ensemble: the events that fall due (a retraining that finishes, a
// challenge that opens or lapses, the dependency domino's auto-update), the outcome on the true system metric
// (silent-failure hours, points below the floor, pipeline cost) and the labelled requests that measure it.
// The challenge's time to answer counts seconds of play, not simulated hours (CHALLENGE_SECONDS): a tick of
// `hours` at the speed in force stands for hours / hoursPerSecond seconds.
import { CHALLENGE_SECONDS, ENSEMBLE_TRACKS, PART3_PACE } from '../../constants.js';
import type { TeamEffects } from '../../crises/effects.js';
import { binomial, poisson } from '../../sampling.js';
import type { TrackId } from '../../tracks.js';
import type { PartContext } from '../part.js';
import { CHALLENGE_TIME } from './content.js';
import { logged, pipelinesOf, readsOf } from './ensemble.js';
import { systemMetric } from './truth.server.js';
import type { Evaluation, TeamPart3 } from './types.js';
import type { LedgerKind } from '../../../protocol/views.js';

/** The ensemble keeps this many hours of evaluations (the trace's window and the chart's history). */
export const MAX_EVALUATIONS = 240;

/** Part 3's simulated hours per second of play at the host's speed. */
export const hoursPerSecond = (ctx: Pick<PartContext, 'settings'>): number => PART3_PACE * ctx.settings.simSpeed;

/** The team's challenge while it waits for an answer, or null. */
function openChallenge(team: TeamPart3) {
  const c = team.challenge;
  return c && !c.answer && !c.lapsed ? c : null;
}

/** The upstream serving `version`, entered in the ledger as `kind` (a decision, or an event with `by` null). */
export function deployed(
  team: TeamPart3,
  version: 'v1' | 'v2',
  entry: { at: number; by: string | null; kind: LedgerKind; why: string },
): TeamPart3 {
  const next = { ...team, upstream: version };
  const reads = readsOf(next);
  const held = version === 'v2' && reads === 'v1' ? ' The contract holds: the downstream still reads features_v1.' : '';
  const text = `${entry.why} The upstream serves ${version}; the downstream (trained on ${next.model}) reads features_${reads}.${held}`;
  return logged(next, { at: entry.at, kind: entry.kind, by: entry.by, text });
}

/** The upstream goes to v2 by an event (the domino, a lapsed challenge), or notes that it already serves v2. */
function forcedV2(team: TeamPart3, at: number, kind: LedgerKind, why: string): TeamPart3 {
  if (team.upstream === 'v2') return logged(team, { at, kind, by: null, text: `${why} v2 was already serving.` });
  return deployed(team, 'v2', { at, by: null, kind, why });
}

/** The events due by simulated hour `at`, each entered in the ledger at its own hour. */
export function settle(team: TeamPart3, effects: TeamEffects, at: number): TeamPart3 {
  let next = team;
  const { dominoAt, challengeAt } = effects;
  if (dominoAt !== null && dominoAt <= at && next.dominoSeen !== dominoAt) {
    next = forcedV2({ ...next, dominoSeen: dominoAt }, dominoAt, 'auto-update', 'Dependency domino: the upstream auto-updated itself.');
  }
  if (challengeAt !== null && challengeAt <= at && next.challengeSeen !== challengeAt) {
    next = { ...next, challengeSeen: challengeAt };
    // One challenge per team: put again, it is the same question, and an answer given (or a deadline missed) stands.
    next = next.challenge
      ? logged(next, {
          at: challengeAt,
          kind: 'challenge',
          by: null,
          text: next.challenge.answer || next.challenge.lapsed ? 'The software lead asks again; the team’s answer stands.' : 'The software lead asks again; the time to answer stands.',
        })
      : logged(
          { ...next, challenge: { at: challengeAt, secondsLeft: CHALLENGE_SECONDS, answer: null, lapsed: false } },
          {
            at: challengeAt,
            kind: 'challenge',
            by: null,
            text: `The software lead wants to deploy the new extractor tonight: answer within ${CHALLENGE_TIME} (real time, whatever the speed).`,
          },
        );
  }
  const retrain = next.retrain;
  if (retrain && !retrain.done && retrain.until <= at) next = retrained(next, retrain.until);
  const challenge = openChallenge(next);
  if (challenge && challenge.secondsLeft <= 0) {
    next = { ...next, challenge: { ...challenge, secondsLeft: 0, lapsed: true } };
    next = forcedV2(next, at, 'deadline', 'Nobody answered the challenge in time, so the software lead deployed v2.');
  }
  return next;
}

/** The simulated hour at which an open challenge's time runs out, were the clock to run on from `t` at this
 *  pace (Infinity when none is open). */
function lapseHour(team: TeamPart3, t: number, perSecond: number): number {
  const c = openChallenge(team);
  // A clock that does not move (no speed) never reaches it; the schema keeps the speed above 0 anyway.
  return c && perSecond > 0 ? t + c.secondsLeft * perSecond : Infinity;
}

/** Below this many seconds left, the time is up: hours / perSecond rarely divides exactly, and a residue of
 *  1e-13 s must not put the lapse off to the next tick. */
const SECONDS_EPSILON = 1e-9;

/** The open challenge's time to answer after the clock ran from `t` to `until` (exactly 0 at its lapse hour). */
function countDown(team: TeamPart3, t: number, until: number, perSecond: number): TeamPart3 {
  const c = openChallenge(team);
  if (!c) return team;
  const left = c.secondsLeft - (until - t) / perSecond;
  const secondsLeft = until >= lapseHour(team, t, perSecond) || left < SECONDS_EPSILON ? 0 : left;
  return { ...team, challenge: { ...c, secondsLeft } };
}

/** A retraining finished at `at`: loose, the new model serves at once; strict, it waits for validation. */
function retrained(team: TeamPart3, at: number): TeamPart3 {
  if (team.policy === 'strict') {
    return logged(
      { ...team, retrain: { ...team.retrain!, done: true } },
      { at, kind: 'retrain-done', by: null, text: 'Retraining on v2 features finished. Under the strict contract the new model waits for a consistency check before it serves.' },
    );
  }
  const next = { ...team, model: 'v2' as const, retrain: null };
  return logged(next, { at, kind: 'retrain-done', by: null, text: `Retraining on v2 features finished: the new model serves at once, and reads features_${readsOf(next)}.` });
}
/** The next hour after `t` at which something changes: an event (a retraining's end, the challenge's lapse),
 *  or the start of the next evaluation hour. */
function nextBreak(team: TeamPart3, t: number, end: number, perSecond: number): number {
  let next = Math.min(end, Math.floor(t) + 1, lapseHour(team, t, perSecond));
  if (team.retrain && !team.retrain.done && team.retrain.until > t) next = Math.min(next, team.retrain.until);
  return next;
}

/** The outcome and the measurement of `hours` simulated hours from `from` with the ensemble unchanged. */
function run(team: TeamPart3, track: TrackId, from: number, hours: number): TeamPart3 {
  const spec = ENSEMBLE_TRACKS[track];
  const reads = readsOf(team);
  const metric = systemMetric(track, team.model, reads);
  const pipelines = pipelinesOf(team);
  const below = metric < spec.floor;
  const [labelled, r1] = poisson(team.rng, spec.labelledPerHour * hours);
  const [correct, r2] = binomial(r1, labelled, Math.min(1, metric / 100));
  const hour = Math.floor(from);
  const last = team.evaluations.at(-1);
  const evaluations: Evaluation[] =
    last?.hour === hour
      ? [...team.evaluations.slice(0, -1), { hour, labelled: last.labelled + labelled, correct: last.correct + correct }]
      : [...team.evaluations, { hour, labelled, correct }].slice(-MAX_EVALUATIONS);
  return {
    ...team,
    rng: r2,
    evaluations,
    silentHours: team.silentHours + (below ? hours : 0),
    belowFloorPointHours: team.belowFloorPointHours + (below ? (spec.floor - metric) * hours : 0),
    pipelineCost: team.pipelineCost + pipelines * spec.pipelineCostPerHour * hours,
    extraPipelineHours: team.extraPipelineHours + (pipelines - 1) * hours,
  };
}

/** A team's ensemble after `hours` more simulated hours from `from`, run at `perSecond` simulated hours per
 *  second of play (the pace × the host's speed). */
export function advanceEnsemble(
  team: TeamPart3,
  track: TrackId,
  effects: TeamEffects,
  from: number,
  hours: number,
  perSecond: number,
): TeamPart3 {
  const end = from + hours;
  let t = from;
  let next = settle(team, effects, t);
  while (t < end) {
    const until = nextBreak(next, t, end, perSecond);
    next = countDown(run(next, track, t, until - t), t, until, perSecond);
    t = until;
    next = settle(next, effects, t);
  }
  return next;
}
