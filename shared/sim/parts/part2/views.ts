// What each audience sees of Part 2 (GAME.md §9). A team: its own fleet and runs once it locked, the crises
// that hit it, the truth of its lock after the reveal — never the candidate's hidden rates. The screen: fleet
// health tiles and banners. The host: everything, hidden rates included.
import type { CrisisBanner, FleetTile, HostPart2, RunView, ScreenPart2, TeamPart2 } from '../../../protocol/views.js';
import { CANARY_TRACKS, MAX_RUNS_PER_TEAM } from '../../constants.js';
import type { GameState, Team } from '../../state.js';
import type { TrackId } from '../../tracks.js';
import { requiredCleanRequests, sprtPlan } from '../canary-stats.js';
import { revealNumeric } from '../../calibration.js';
import { PART2_ACTUAL, opsScore } from '../../scoring.js';
import { CRISIS_TITLES, crisisText } from './content.js';
import { hits } from './crises.js';
import { cohortConfidences, runConfidence, runFailures, runReleaseHours, runSprtDecision, runStaleness, stageCovers } from './metrics.js';
import { baseCohortRates, cohortRates, isBadCohort } from './truth.js';
import type { CrisisRecord, FleetEffects, Run, TeamPart2 as TeamFleet } from './types.js';

function nicknameOf(state: GameState, playerId: string | null): string | null {
  return playerId === null ? null : (state.players.find((p) => p.id === playerId)?.nickname ?? null);
}

function reflectionView(state: GameState, fleet: TeamFleet) {
  const r = fleet.reflection;
  return r ? { choice: r.choice, text: r.text, byNickname: nicknameOf(state, r.by) ?? '' } : null;
}

export function runView(track: TrackId, run: Run, effects: FleetEffects, now: number): RunView {
  const spec = CANARY_TRACKS[track];
  const plan = sprtPlan(run.config.confidence, run.config.rate);
  const confidences = cohortConfidences(run);
  return {
    number: run.number,
    config: { ...run.config },
    stage: run.stage,
    outcome: run.outcome,
    startedAt: run.startedAt,
    windowEndsAt: run.windowEndsAt,
    endedAt: run.endedAt,
    rollbackUntil: run.rollbackUntil,
    confidence: runConfidence(run),
    requiredClean: requiredCleanRequests(run.config.confidence, run.config.rate),
    requests: run.cohorts.reduce((sum, c) => sum + c.requests, 0),
    failures: runFailures(run),
    cohorts:
      run.config.cohortMode === 'stratified'
        ? run.cohorts.map((c, i) => ({
            id: c.id,
            name: spec.cohorts[i]!.name,
            requests: c.requests,
            failures: c.failures,
            confidence: confidences[i]!,
            excluded: c.excluded,
            covered: stageCovers(track, run, i),
          }))
        : null,
    exposure: run.exposure,
    shadowCost: run.shadowCost,
    releaseHours: runReleaseHours(run, now),
    staleness: runStaleness(track, run, effects, now),
    sprt: run.config.sprt
      ? { llr: run.llr, promoteAt: plan.promoteAt, rollbackAt: plan.rollbackAt, decision: runSprtDecision(run) }
      : null,
    samples: run.samples,
  };
}

function bannersFor(crises: readonly CrisisRecord[], team: Team): CrisisBanner[] {
  return crises
    .filter((c) => c.fired && hits(c.target, team))
    .map((c) => ({ id: c.id, title: CRISIS_TITLES[c.id], text: crisisText(c.id, team.track), at: c.at }));
}



export function teamPart2(state: GameState, team: Team): TeamPart2 | null {
  const part2 = state.part2;
  const fleet = part2?.teams[team.id];
  if (!part2 || !fleet) return null;
  const spec = CANARY_TRACKS[team.track];
  const open = fleet.prediction !== null || part2.revealed;
  return {
    prediction: fleet.prediction,
    lockedByNickname: nicknameOf(state, fleet.lockedBy),
    hours: part2.hours,
    fleet: open
      ? {
          spec: {
            requestsPerHour: spec.requestsPerHour,
            targetConfidence: spec.targetConfidence,
            targetRate: spec.targetRate,
            maxShadowFraction: spec.maxShadowFraction,
            rollbackHoursAtFull: spec.rollbackHoursAtFull,
            driftTauHours: spec.driftTauHours,
            cohorts: spec.cohorts.map(({ id, name, share, shadow }) => ({ id, name, share, shadow })),
          },
          runs: fleet.runs.map((run) => runView(team.track, run, fleet.effects, part2.hours)),
          runsLeft: MAX_RUNS_PER_TEAM - fleet.runs.length,
          driftTauHours: spec.driftTauHours * fleet.effects.driftFactor,
          trafficMultiplier: part2.hours < fleet.effects.trafficUntil ? fleet.effects.trafficMultiplier : 1,
        }
      : null,
    crises: bannersFor(part2.crises, team),
    reveal: part2.revealed ? revealNumeric(fleet.prediction, PART2_ACTUAL) : null,
    reflection: reflectionView(state, fleet),
    ops: opsScore(state, team),
  };
}

function tileOf(state: GameState, team: Team): FleetTile {
  const part2 = state.part2!;
  const fleet = part2.teams[team.id]!;
  const run = fleet.runs.at(-1);
  return {
    teamId: team.id,
    locked: fleet.prediction !== null,
    runsUsed: fleet.runs.length,
    stage: run ? run.stage : null,
    outcome: run ? run.outcome : null,
    confidence: run ? runConfidence(run) : 0,
    targetConfidence: run ? run.config.confidence : null,
    failures: run ? runFailures(run) : 0,
    exposure: fleet.runs.reduce((sum, r) => sum + r.exposure, 0),
    releaseHours: run ? runReleaseHours(run, part2.hours) : 0,
    samples: run ? run.samples : [],
  };
}

function targetName(state: GameState, c: CrisisRecord): string {
  if (c.target.kind === 'all') return 'all teams';
  if (c.target.kind === 'track') return c.target.track;
  const teamId = c.target.teamId;
  return state.teams.find((t) => t.id === teamId)?.name ?? teamId;
}

export function screenPart2(state: GameState): ScreenPart2 | null {
  const part2 = state.part2;
  if (!part2) return null;
  return {
    hours: part2.hours,
    tiles: state.teams.map((team) => tileOf(state, team)),
    crises: part2.crises
      .filter((c) => c.fired)
      .map((c) => {
        const teams = state.teams.filter((t) => hits(c.target, t));
        const voice = c.target.kind === 'all' ? null : (teams[0]?.track ?? null);
        return { id: c.id, title: CRISIS_TITLES[c.id], text: crisisText(c.id, voice), at: c.at, teamIds: teams.map((t) => t.id) };
      }),
    results: part2.revealed
      ? state.teams.map((team) => ({
          teamId: team.id,
          track: team.track,
          prediction: part2.teams[team.id]!.prediction,
          actual: PART2_ACTUAL,
        }))
      : null,
    reflected: state.teams.map((team) => ({ teamId: team.id, reflected: part2.teams[team.id]!.reflection !== null })),
  };
}

export function hostPart2(state: GameState): HostPart2 | null {
  const part2 = state.part2;
  if (!part2) return null;
  return {
    hours: part2.hours,
    actual: PART2_ACTUAL,
    teams: state.teams.map((team) => {
      const fleet = part2.teams[team.id]!;
      const rates = cohortRates(baseCohortRates(state.seed, team.track), fleet.effects);
      return {
        teamId: team.id,
        prediction: fleet.prediction,
        lockedByNickname: nicknameOf(state, fleet.lockedBy),
        runs: fleet.runs.map((run) => runView(team.track, run, fleet.effects, part2.hours)),
        truth: CANARY_TRACKS[team.track].cohorts.map((cohort, i) => ({
          cohort: cohort.name,
          rate: rates[i]!,
          bad: isBadCohort(team.track, rates[i]!),
        })),
        ops: opsScore(state, team),
        reflection: reflectionView(state, fleet),
      };
    }),
    crises: part2.crises.map((c) => ({ id: c.id, target: targetName(state, c), at: c.at, fired: c.fired })),
  };
}
