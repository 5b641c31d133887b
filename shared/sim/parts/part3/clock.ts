// Part 3's simulated clock for one team's ensemble: the events that fall due (a retraining that finishes, a
// challenge that opens or lapses, the dependency domino's auto-update), the outcome on the true system metric
// (silent-failure hours, points below the floor, pipeline cost) and the labelled requests that measure it.
import { CHALLENGE_HOURS, ENSEMBLE_TRACKS } from '../../constants.js';
import type { TeamEffects } from '../../crises/effects.js';
import { binomial, poisson } from '../../sampling.js';
import type { TrackId } from '../../tracks.js';
import { logged, pipelinesOf, readsOf } from './ensemble.js';
import { systemMetric } from './truth.server.js';
import type { Evaluation, TeamPart3 } from './types.js';
import type { LedgerKind } from '../../../protocol/views.js';

/** The ensemble keeps this many hours of evaluations (the trace's window and the chart's history). */
export const MAX_EVALUATIONS = 240;

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
          text: next.challenge.answer || next.challenge.lapsed ? 'The software lead asks again; the team’s answer stands.' : 'The software lead asks again; the deadline stands.',
        })
      : logged(
          { ...next, challenge: { at: challengeAt, deadline: challengeAt + CHALLENGE_HOURS, answer: null, lapsed: false } },
          {
            at: challengeAt,
            kind: 'challenge',
            by: null,
            text: `The software lead wants to deploy the new extractor tonight: answer within ${CHALLENGE_HOURS} h.`,
          },
        );
  }
  const retrain = next.retrain;
  if (retrain && !retrain.done && retrain.until <= at) next = retrained(next, retrain.until);
  const challenge = next.challenge;
  if (challenge && !challenge.answer && !challenge.lapsed && challenge.deadline <= at) {
    next = { ...next, challenge: { ...challenge, lapsed: true } };
    next = forcedV2(next, challenge.deadline, 'deadline', 'Nobody answered the challenge in time, so the software lead deployed v2.');
  }
  return next;
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
/** The next hour after `t` at which something changes: an event, or the start of the next evaluation hour. */
function nextBreak(team: TeamPart3, t: number, end: number): number {
  let next = Math.min(end, Math.floor(t) + 1);
  if (team.retrain && !team.retrain.done && team.retrain.until > t) next = Math.min(next, team.retrain.until);
  const c = team.challenge;
  if (c && !c.answer && !c.lapsed && c.deadline > t) next = Math.min(next, c.deadline);
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

/** A team's ensemble after `hours` more simulated hours from `from`. */
export function advanceEnsemble(team: TeamPart3, track: TrackId, effects: TeamEffects, from: number, hours: number): TeamPart3 {
  const end = from + hours;
  let t = from;
  let next = settle(team, effects, t);
  while (t < end) {
    const until = nextBreak(next, t, end);
    next = run(next, track, t, until - t);
    t = until;
    next = settle(next, effects, t);
  }
  return next;
}
