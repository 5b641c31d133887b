// Part 2's ops score (GAME.md §5 "the ops score rewards evidence, not luck"; docs/scoring.md). Each decision on
// a run is judged against the evidence the team had when it made it (recorded on the decision: confidence
// against the run's target C, the SPRT's verdict, failures seen), the hidden outcome second. Exploring within
// the 10 runs never loses a result already earned: the best ended run counts — until a ship, which commits the
// fleet to what it shipped. Exposure and shadow cost are normalized per track (a day of failures at the track's
// target rate, a week of full shadowing), so the same path scores the same on every track. No speed bonus.
import type { OpsBreakdown, OpsLine, RunScore } from '../../../protocol/views.js';
import { ALERT_STORM, APP_OS_SKEW, CANARY_TRACKS, OPS_SCORE } from '../../constants.js';
import { alertOps } from './alerts/monitor.js';
import { othersExposure } from './exposure.js';
import { blendOps } from './ops-blend.js';
import { skewOps } from './slices/monitor.js';
import { skewTruth } from './slices/truth.server.js';
import type { TrackId } from '../../tracks.js';
import { RELEASE_LIMIT_HOURS } from './canary-stats.js';
import type { Team } from '../../state.js';
import type { PartContext } from '../part.js';
import { baseCohortRates, cohortRates, isBadCohort } from './truth.server.js';
import type { TeamEffects } from '../../crises/effects.js';
import { promoteBacked, promoteShips, rollbackJudgement } from './evidence.js';
import type { Part2State, Run, RunDecision, TeamPart2 } from './types.js';

/** A decision's line: its judgement against its evidence and its points. */
function decisionLine(d: RunDecision): OpsLine {
  const line = { kind: d.kind, stage: d.stage, cohortId: d.cohortId, at: d.at, evidence: { ...d.evidence } };
  const { evidence: E } = OPS_SCORE;
  switch (d.kind) {
    case 'promote': {
      const backed = promoteBacked(d.evidence);
      const ships = promoteShips(d.stage);
      if (ships) return { ...line, kind: 'ship', judgement: backed ? 'backed' : 'without-evidence', points: backed ? E.shipBacked : E.shipUnbacked };
      return { ...line, judgement: backed ? 'backed' : 'without-evidence', points: backed ? 0 : -OPS_SCORE.unbackedStep };
    }
    case 'rollback': {
      const judgement = rollbackJudgement(d.evidence);
      const points = { backed: E.rollbackBacked, cautious: E.rollbackCautious, 'against-evidence': E.rollbackAgainst }[judgement];
      return { ...line, judgement, points };
    }
    // Watching on gathers evidence; rolling back one cohort narrows the fleet the run can ship to.
    case 'extend':
    case 'rollback-cohort':
      return { ...line, judgement: 'neutral', points: 0 };
  }
}

/** A line that is not a decision: the hidden outcome, or a normalized penalty. */
function plainLine(kind: 'outcome' | 'exposure' | 'cost' | 'undecided', judgement: OpsLine['judgement'], points: number): OpsLine {
  return { kind, stage: null, cohortId: null, at: null, evidence: null, judgement, points };
}

/** One run's points: its decisions against their evidence, its hidden outcome, its exposure and its cost. */
export function runScore(run: Run, track: TrackId, bad: readonly boolean[]): RunScore {
  const spec = CANARY_TRACKS[track];
  const lines = (run.decisions ?? []).map(decisionLine);
  const ended = run.outcome === 'shipped' || run.outcome === 'rolled-back' || run.outcome === 'rolling-back';
  if (run.outcome === 'shipped') {
    const servesBad = run.cohorts.some((c, i) => !c.excluded && bad[i]);
    lines.push(plainLine('outcome', servesBad ? 'bad' : 'good', servesBad ? OPS_SCORE.outcome.shippedBad : OPS_SCORE.outcome.shippedGood));
  } else if (ended) {
    const caught = bad.some(Boolean);
    lines.push(plainLine('outcome', caught ? 'good' : 'bad', caught ? OPS_SCORE.outcome.caughtBad : OPS_SCORE.outcome.rolledBackGood));
  } else {
    lines.push(plainLine('undecided', 'neutral', OPS_SCORE.undecided));
  }
  const exposureRef = spec.requestsPerHour * spec.targetRate * 24;
  const costRef = spec.shadowCostPerHour * RELEASE_LIMIT_HOURS;
  const exposure = -OPS_SCORE.exposure * Math.min(1, run.exposure / exposureRef);
  const cost = -OPS_SCORE.cost * Math.min(1, run.shadowCost / costRef);
  if (exposure < 0) lines.push(plainLine('exposure', 'bad', exposure));
  if (cost < 0) lines.push(plainLine('cost', 'neutral', cost));
  const sum = lines.reduce((total, line) => total + line.points, 0);
  const result = run.outcome === 'shipped' ? 'shipped' : ended ? 'rolled-back' : 'testing';
  return { run: run.number, result, points: Math.round(Math.min(100, Math.max(0, sum))), lines, counts: false };
}

/**
 * The canary's score and every run's lines. A shipped run counts: the fleet runs what the team shipped. Until
 * then the best ended run counts, so exploring never loses a result already earned; with none ended, the run
 * still testing counts (the first run's, when several). Failures served to users are harm whichever run served
 * them: every other run's exposure is taken off too, so a run left live on a bad candidate costs what it serves
 * (exploring in shadow mode serves nobody and costs nothing).
 */
export function canaryScore(team: TeamPart2, track: TrackId, baseRates: readonly number[], effects: TeamEffects) {
  const bad = cohortRates(baseRates, effects).map((rate) => isBadCohort(track, rate));
  const runs = team.runs.map((run) => runScore(run, track, bad));
  const shipped = runs.find((r) => r.result === 'shipped');
  const ended = runs.filter((r) => r.result !== 'testing');
  const best = ended.reduce<RunScore | null>((top, r) => (top === null || r.points > top.points ? r : top), null);
  const counted = shipped ?? best ?? runs[0] ?? null;
  const score = counted ? Math.round(Math.max(0, counted.points + othersExposure(runs, counted))) : 0;
  return { score, runs: runs.map((r) => (r === counted ? { ...r, counts: true } : r)) };
}

/** A team's canary score for Part 2, 0–100. */
export function part2OpsScore(team: TeamPart2, track: TrackId, baseRates: readonly number[], effects: TeamEffects): number {
  return canaryScore(team, track, baseRates, effects).score;
}

/** The crises whose outcome counts in a team's ops score once they struck it, scored at the team's hour `now`. */
function crisisOutcomes(fleet: TeamPart2, track: TrackId, effects: TeamEffects, seed: number, now: number): OpsBreakdown['crises'] {
  const outcomes: OpsBreakdown['crises'] = [];
  // The alert storm judges the team's monitoring.
  if (effects.stormAt !== null && now >= effects.stormAt) {
    outcomes.push({ crisis: 'alert-storm', weight: ALERT_STORM.opsWeight, score: alertOps(fleet.monitor, track, effects, seed, now) });
  }
  // The app-OS skew judges its slice monitors and remedies.
  if (effects.skewAt !== null && now >= effects.skewAt) {
    outcomes.push({ crisis: 'app-os-skew', weight: APP_OS_SKEW.opsWeight, score: skewOps(fleet.slices, skewTruth(seed, track), effects.skewAt, now) });
  }
  return outcomes;
}

/** A team's Part 2 ops score and how it is made (the team's phone and the host show the lines). */
export function opsBreakdown(slice: Part2State, ctx: PartContext, team: Team): OpsBreakdown {
  const fleet = slice.teams[team.id];
  if (!fleet) return { total: 0, canary: 0, runs: [], crises: [] };
  const effects = ctx.effects(team.id);
  const canary = canaryScore(fleet, team.track, baseCohortRates(ctx.seed, team.track), effects);
  // A team that never locked could use none of its tools: the crises that struck it score nothing either.
  const crises = fleet.prediction === null ? [] : crisisOutcomes(fleet, team.track, effects, ctx.seed, fleet.hours);
  return { total: blendOps(canary.score, crises), canary: canary.score, runs: canary.runs, crises };
}

/** A team's Part 2 ops score now, in the part's context. */
export function teamOps(slice: Part2State, ctx: PartContext, team: Team): number {
  return opsBreakdown(slice, ctx, team).total;
}
