// What each audience sees of Part 3 (GAME.md §9). A team: its own ensemble once it locked, with the system
// metric as measured on labelled requests, never the hidden sensitivity or the true metric until the reveal.
// The projector: per-team tiles of decisions and measurements, then the answers and every outcome. The host:
// everything, the truth included.
import type {
  ConsistencyCheck,
  Ensemble,
  EnsembleOutcome,
  EnsembleTile,
  HostPart3,
  ScreenPart3,
  TeamPart3 as TeamPart3View,
} from '../../../protocol/views.js';
import { revealChoice } from '../../calibration.js';
import { ENSEMBLE_TRACKS, FEATURE_BINS, TRACE_WINDOW_HOURS } from '../../constants.js';
import type { Team } from '../../state.js';
import type { TrackId } from '../../tracks.js';
import { reflectedTeams, reflectionView, type PartContext } from '../part.js';
import { checkBefore, evidencePsi, pipelinesOf, readsOf, upstreamMetricOf } from './ensemble.js';
import { featurePsi, psiReading } from './psi.js';
import { hoursPerSecond, settle } from './clock.js';
import { isUpgraded, liveOps, teamOps } from './score.js';
import { PART3_ANSWER, reportedMetric, sensitivity, systemMetric } from './truth.server.js';
import type { CheckRecord, Part3State, TeamPart3 } from './types.js';

const choiceLock = (team: TeamPart3) => (typeof team.prediction === 'string' ? team.prediction : null);

/** The system metric measured over the trace's window, in percent (null before any labelled request). */
function measurement(team: TeamPart3, now: number) {
  const since = Math.floor(now) - TRACE_WINDOW_HOURS + 1;
  let labelled = 0;
  let correct = 0;
  for (const e of team.evaluations) {
    if (e.hour < since) continue;
    labelled += e.labelled;
    correct += e.correct;
  }
  return { measured: labelled > 0 ? (100 * correct) / labelled : null, labelled, correct, windowHours: TRACE_WINDOW_HOURS };
}

function checkView(ctx: PartContext, check: CheckRecord): ConsistencyCheck {
  return {
    at: check.at,
    byNickname: ctx.nickname(check.by) ?? '',
    trainedOn: check.trainedOn,
    serving: check.serving,
    training: [...FEATURE_BINS[check.trainedOn]],
    served: [...FEATURE_BINS[check.serving]],
    psi: psiReading(featurePsi(check.trainedOn, check.serving)),
    againstV2: check.trainedOn === 'v1' ? psiReading(featurePsi('v1', 'v2')) : null,
    validated: check.validated,
  };
}

export function ensembleView(team: TeamPart3, track: TrackId, ctx: PartContext, now: number): Ensemble {
  const spec = ENSEMBLE_TRACKS[track];
  const reads = readsOf(team);
  const system = measurement(team, now);
  const last = team.checks.at(-1);
  const challenge = team.challenge;
  return {
    spec: {
      upstream: spec.upstream,
      downstream: spec.downstream,
      metric: spec.metric,
      upstreamMetric: spec.upstreamMetric,
      upstreamUnit: spec.upstreamUnit,
      trained: spec.trained,
      floor: spec.floor,
      retrainHours: spec.retrainHours,
      pipelineCostPerHour: spec.pipelineCostPerHour,
      labelledPerHour: spec.labelledPerHour,
    },
    upstream: team.upstream,
    policy: team.policy,
    model: team.model,
    reads,
    retrain: team.retrain && { ...team.retrain },
    pipelines: pipelinesOf(team),
    pipelineCost: team.pipelineCost,
    trace: {
      upstreamMetric: upstreamMetricOf(track, team.upstream),
      psi: psiReading(featurePsi(team.model, reads)),
      downstreamReported: reportedMetric(track, team.model),
      system,
      silent: system.measured !== null && system.measured < spec.floor,
    },
    check: last ? checkView(ctx, last) : null,
    challenge: challenge && {
      at: challenge.at,
      secondsLeft: challenge.secondsLeft,
      answer: challenge.answer && {
        answer: challenge.answer.answer,
        at: challenge.answer.at,
        byNickname: ctx.nickname(challenge.answer.by) ?? '',
        evidence: challenge.answer.evidence,
      },
      lapsed: challenge.lapsed,
    },
    samples: team.evaluations.map((e) => ({ hour: e.hour, measured: e.labelled > 0 ? (100 * e.correct) / e.labelled : null })),
    ledger: team.ledger.map((entry) => {
      const evidence = checkBefore(team, entry.at);
      return {
        at: entry.at,
        kind: entry.kind,
        byNickname: ctx.nickname(entry.by),
        text: entry.text,
        evidence: evidence && { at: evidence.at, ...evidencePsi(evidence) },
      };
    }),
  };
}

export function outcomeOf(team: TeamPart3, track: TrackId): EnsembleOutcome {
  const system = systemMetric(track, team.model, readsOf(team));
  return {
    s: sensitivity(track),
    system,
    silentNow: system < ENSEMBLE_TRACKS[track].floor,
    silentHours: team.silentHours,
    belowFloorPointHours: team.belowFloorPointHours,
    upgraded: isUpgraded(team),
  };
}

/** A team's ensemble as of the part's clock: events a crisis set off since the last tick (the domino's update, a
 *  challenge) show at once, even while the game is paused; the next tick settles them into the state alike. */
function settled(slice: Part3State, ctx: PartContext, team: Team): TeamPart3 {
  return settle(slice.teams[team.id]!, ctx.effects(team.id), slice.hours);
}

export function teamPart3(slice: Part3State, ctx: PartContext, team: Team): TeamPart3View {
  const mine = settled(slice, ctx, team);
  const open = mine.prediction !== null || slice.revealed;
  return {
    prediction: choiceLock(mine),
    lockedByNickname: ctx.nickname(mine.lockedBy),
    hours: slice.hours,
    hoursPerSecond: hoursPerSecond(ctx),
    ensemble: open ? ensembleView(mine, team.track, ctx, slice.hours) : null,
    reveal: slice.revealed ? revealChoice(choiceLock(mine), PART3_ANSWER) : null,
    outcome: slice.revealed ? outcomeOf(mine, team.track) : null,
    reflection: reflectionView(ctx, mine),
    ops: teamOps(slice, ctx, team),
  };
}

function tileOf(slice: Part3State, ctx: PartContext, team: Team): EnsembleTile {
  const mine = settled(slice, ctx, team);
  const { measured } = measurement(mine, slice.hours);
  const floor = ENSEMBLE_TRACKS[team.track].floor;
  const c = mine.challenge;
  return {
    teamId: team.id,
    locked: mine.prediction !== null,
    policy: mine.policy,
    upstream: mine.upstream,
    model: mine.model,
    retraining: mine.retrain !== null && !mine.retrain.done,
    measured,
    floor,
    silent: measured !== null && measured < floor,
    challenge: !c ? 'none' : c.answer ? 'answered' : c.lapsed ? 'lapsed' : 'open',
    challengeSecondsLeft: c && !c.answer && !c.lapsed ? c.secondsLeft : null,
  };
}

export function screenPart3(slice: Part3State, ctx: PartContext): ScreenPart3 {
  const counts = { a: 0, b: 0, c: 0, d: 0 };
  for (const team of ctx.teams) {
    const choice = choiceLock(slice.teams[team.id]!);
    if (choice) counts[choice] += 1;
  }
  return {
    hours: slice.hours,
    hoursPerSecond: hoursPerSecond(ctx),
    tiles: ctx.teams.map((team) => tileOf(slice, ctx, team)),
    results: slice.revealed
      ? {
          actual: PART3_ANSWER,
          counts,
          teams: ctx.teams.map((team) => ({
            teamId: team.id,
            track: team.track,
            reveal: revealChoice(choiceLock(slice.teams[team.id]!), PART3_ANSWER),
            outcome: outcomeOf(settled(slice, ctx, team), team.track),
          })),
        }
      : null,
    reflected: reflectedTeams(slice, ctx),
  };
}

export function hostPart3(slice: Part3State, ctx: PartContext): HostPart3 {
  return {
    hours: slice.hours,
    hoursPerSecond: hoursPerSecond(ctx),
    revealed: slice.revealed,
    actual: PART3_ANSWER,
    teams: ctx.teams.map((team) => {
      const mine = settled(slice, ctx, team);
      return {
        teamId: team.id,
        prediction: choiceLock(mine),
        lockedByNickname: ctx.nickname(mine.lockedBy),
        reveal: revealChoice(choiceLock(mine), PART3_ANSWER),
        ensemble: ensembleView(mine, team.track, ctx, slice.hours),
        outcome: outcomeOf(mine, team.track),
        ops: liveOps(slice, ctx, team),
        reflection: reflectionView(ctx, mine),
      };
    }),
  };
}

