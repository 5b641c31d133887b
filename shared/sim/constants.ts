// Every number of the game's model in one place (GAME.md §2, §4; documented in docs/model.md).
// *chapter*: from the textbook chapter. *teaching*: chosen for the game.
import { ALERT_K_MAX, ALERT_K_MIN, ALERT_METRICS, SKEW_REGIONS } from '../protocol/limits.js';
import type { TrackId } from './tracks.js';

/** Engineer cost in dollars per hour (*chapter*). */
export const ENGINEER_COST_PER_HOUR = 150;

/** One-time cost of the ML platform in dollars, counted in the first year (*chapter*; a host setting). */
export const PLATFORM_CAPEX = 500_000;

/** Engineer-hours a team can spend on operations in a year without a platform (*chapter*). */
export const TEAM_CAPACITY_HOURS = 2_500;

/** Part 1 cost-model coefficients, engineer-hours per year (GAME.md §4). */
export const MANUAL_HOURS = {
  /** Alerts: O(N) (*chapter*). */
  perModelAlerts: 20,
  /** Deployment: O(N log N), natural log (*chapter*). */
  deploymentLogFactor: 1,
  /** Dependencies: O(N²) scaled by heterogeneity h (*chapter*). */
  dependencyQuadratic: 0.5,
} as const;

export const PLATFORM_HOURS = {
  /** Alerts aggregated (*teaching*). */
  perModelAlerts: 2,
  /** Deployment automated (*teaching*). */
  deploymentLogFactor: 3,
} as const;

/** The number of models each track runs today, N0 (*teaching*). */
export const TRACK_MODEL_COUNT: Readonly<Record<TrackId, number>> = {
  'cloud-titan': 50,
  'edge-guardian': 60,
  'mobile-nomad': 40,
  'tiny-pioneer': 30,
};

/** Points for a submitted reflection (*teaching*; GAME.md §8 "a fixed amount"). */
export const REFLECTION_POINTS = 50;

/** A numeric prediction counts as close when |actual/predicted − 1| is below this (GAME.md §3). */
export const CLOSE_PREDICTION_TOLERANCE = 0.3;

// ── Part 2: canary duration and the live fleet (GAME.md §5) ────────────────────────────────────────────

/** A slice of a track's fleet that a stratified canary watches separately. */
export interface CohortSpec {
  id: string;
  name: string;
  /** Share of the track's judged requests (the shares of a track add up to 1). */
  share: number;
  /** Whether the candidate can run in shadow mode there (not on Edge Guardian's oldest hardware). */
  shadow: boolean;
}

export interface CanaryTrackSpec {
  /** Judged requests per hour across the fleet (*teaching*). */
  requestsPerHour: number;
  /** The stakeholder's safety target: confidence C that the failure rate is below p. */
  targetConfidence: number;
  targetRate: number;
  /** The largest shadow fraction f the fleet allows. */
  maxShadowFraction: number;
  /** Hours to roll a candidate back from 100 % of the fleet (scaled by the live stage). */
  rollbackHoursAtFull: number;
  /** Drift time-constant τ in hours: staleness = 1 − exp(−T_release/τ). */
  driftTauHours: number;
  /** Dollars per hour of shadowing at f = 1 (shadow traffic runs a second model). */
  shadowCostPerHour: number;
  /** The candidate's latency budget per request in ms: a request served later is a failure (Edge Guardian's
   *  10 ms safety loop). Latency is measured on every frame the candidate runs, judged or not. */
  latencyBudgetMs: number;
  /** The fleet's cohorts. The candidate's hidden failure rates live apart, in parts/part2/candidate.ts, so
   *  that no page that imports these public numbers ever ships them. */
  cohorts: CohortSpec[];
}

const tenRegions: CohortSpec[] = Array.from({ length: 10 }, (_, i) => ({
  id: `region-${i + 1}`,
  name: `Region ${i + 1}`,
  share: 0.1,
  shadow: true,
}));

/** Part 2's numbers per track (*teaching*, except the safety targets of GAME.md §5). */
export const CANARY_TRACKS: Readonly<Record<TrackId, CanaryTrackSpec>> = {
  'cloud-titan': {
    requestsPerHour: 20_000,
    targetConfidence: 0.95,
    targetRate: 1 / 1000,
    maxShadowFraction: 1,
    rollbackHoursAtFull: 0.5,
    driftTauHours: 72,
    shadowCostPerHour: 2_000,
    // Time to first token of an interactive answer.
    latencyBudgetMs: 500,
    cohorts: [
      { id: 'enterprise', name: 'Enterprise tenants', share: 0.5, shadow: true },
      { id: 'pro', name: 'Pro tenants', share: 0.3, shadow: true },
      { id: 'free', name: 'Free tier', share: 0.2, shadow: true },
    ],
  },
  'edge-guardian': {
    requestsPerHour: 600,
    targetConfidence: 0.99,
    targetRate: 1 / 10_000,
    maxShadowFraction: 0.8,
    // Over the air at 50,000 vehicles per hour for 500,000 vehicles.
    rollbackHoursAtFull: 10,
    driftTauHours: 240,
    shadowCostPerHour: 150,
    // The deterministic safety loop (GAME.md §2).
    latencyBudgetMs: 10,
    cohorts: [
      { id: 'gen-3', name: 'Hardware gen 3 (newest)', share: 0.5, shadow: true },
      { id: 'gen-2', name: 'Hardware gen 2', share: 0.3, shadow: true },
      { id: 'gen-1', name: 'Hardware gen 1 (oldest)', share: 0.2, shadow: false },
    ],
  },
  'mobile-nomad': {
    requestsPerHour: 50_000,
    targetConfidence: 0.95,
    targetRate: 1 / 1000,
    maxShadowFraction: 1,
    rollbackHoursAtFull: 24,
    driftTauHours: 120,
    shadowCostPerHour: 400,
    // One frame at 60 FPS.
    latencyBudgetMs: 1000 / 60,
    cohorts: tenRegions,
  },
  'tiny-pioneer': {
    requestsPerHour: 2_000,
    targetConfidence: 0.9,
    targetRate: 1 / 500,
    maxShadowFraction: 1,
    rollbackHoursAtFull: 48,
    driftTauHours: 168,
    shadowCostPerHour: 50,
    // Neural isolation in under 10 ms (GAME.md §2).
    latencyBudgetMs: 10,
    cohorts: [
      { id: 'buds-a', name: 'Earbuds model A', share: 0.6, shadow: true },
      { id: 'buds-b', name: 'Earbuds model B', share: 0.4, shadow: true },
    ],
  },
};

/**
 * Rollout jitter (*teaching*, GAME.md §7): on a track's last cohort (its oldest or most fragile hardware) this
 * share of the candidate's frames stall, their latency log-normal around this many latency budgets. Half the
 * tail lies past its median, so 1 % of the frames take longer than 10 budgets: the cohort's p99 is 10 budgets
 * (100 ms against Edge Guardian's 10 ms loop), and nearly the whole tail misses the budget (a failure).
 */
export const ROLLOUT_JITTER = {
  tailShare: 0.02,
  tailMedianBudgets: 10,
  tailSigma: 0.5,
} as const;
/** The latency percentile the run view reports per cohort (p99). */
export const LATENCY_PERCENTILE = 0.99;
/** The world drifted multiplies τ by this. */
export const DRIFT_CRISIS_FACTOR = 0.25;
/** A traffic spike multiplies R by this, for this many simulated hours. */
export const TRAFFIC_SPIKE = { multiplier: 3, hours: 12 } as const;

/** The rollout plan after shadow mode, in percent of live traffic (*chapter*). */
export const CANARY_STAGES = [1, 5, 25, 50, 100] as const;

/** Hours a live stage is watched before it holds for a decision (*teaching*). */
export const LIVE_STAGE_HOURS = 6;

/** At most this many runs per team in Part 2 (the 10-iteration rule). */
export const MAX_RUNS_PER_TEAM = 10;

/** Simulated hours per real second, the host's speed setting (GAME.md: default 1, range 0.25–8): bounds the
 *  wire checks too, so they live with the protocol's limits. */
export { SIM_SPEED_DEFAULT, SIM_SPEED_MAX, SIM_SPEED_MIN } from '../protocol/limits.js';

/** Part 2's ops score (docs/scoring.md): each decision judged against the evidence the team had when it made it,
 *  the hidden outcome second, normalized per track by the references below. No speed bonus (GAME.md §5). */
export const OPS_SCORE = {
  /** The decision that ends a run, against its evidence (confidence vs the run's target C, the SPRT, failures). */
  evidence: {
    /** Shipped (promoted to 100 %) at or above the target, or on the SPRT's "promote". */
    shipBacked: 50,
    /** Shipped below the target without the SPRT's "promote": shipped without evidence. */
    shipUnbacked: 10,
    /** Rolled back on failures seen or on the SPRT's "roll back". */
    rollbackBacked: 50,
    /** Rolled back below the target with no failure seen: cautious, but no evidence either way. */
    rollbackCautious: 30,
    /** Rolled back at or above the target with no failure seen: against the evidence. */
    rollbackAgainst: 15,
  },
  /** The hidden outcome of that decision. */
  outcome: {
    /** Shipped a candidate within the target on every cohort it serves. */
    shippedGood: 50,
    /** Shipped a regression. */
    shippedBad: 0,
    /** Rolled back a candidate worse than the target somewhere. */
    caughtBad: 40,
    /** Rolled back a good candidate: safe, but the improvement is lost. */
    rolledBackGood: 10,
  },
  /** Each promotion to a live stage below 100 % below the target (and without the SPRT's "promote"): users
   *  served an unproven candidate. Off the run's points. */
  unbackedStep: 5,
  /** No run ended yet (nothing shipped or rolled back). */
  undecided: 10,
  /** Up to this much off a run for exposure: failures served to users, against a day at the target rate. */
  exposure: 20,
  /** Up to this much off a run for shadow cost, against a week of full shadowing. */
  cost: 10,
} as const

// ——— Part 3, the ensemble lockdown (GAME.md §6). The metric of a downstream served untrained v2 features is a
// hidden truth and lives in parts/part3/truth.server.ts, with the answer of the lock. ———

/** A track's upstream → downstream pair and its public numbers (*teaching*, GAME.md §6). */
export interface EnsembleTrackSpec {
  upstream: string;
  downstream: string;
  /** The downstream's (and the system's) metric, in percent. */
  metric: string;
  /** The upstream's own metric: v2 is better on it. */
  upstreamMetric: string;
  upstreamUnit: '%' | 'dB';
  upstreamV1: number;
  upstreamV2: number;
  /** The downstream's metric trained on v1 features and served v1 features, in percent. */
  trained: number;
  /** Below this system metric the stakeholder's product fails. */
  floor: number;
  /** Simulated hours to retrain the downstream on v2 features. */
  retrainHours: number;
  /** Dollars per simulated hour for each feature pipeline the feature store runs. */
  pipelineCostPerHour: number;
  /** Labelled requests per simulated hour that measure the system metric end to end. */
  labelledPerHour: number;
}

export const ENSEMBLE_TRACKS: Readonly<Record<TrackId, EnsembleTrackSpec>> = {
  'cloud-titan': {
    upstream: 'Embedding model',
    downstream: 'Reranker',
    metric: 'relevance',
    upstreamMetric: 'recall@10',
    upstreamUnit: '%',
    upstreamV1: 81,
    upstreamV2: 86,
    trained: 92,
    floor: 88,
    retrainHours: 12,
    pipelineCostPerHour: 40,
    labelledPerHour: 600,
  },
  'edge-guardian': {
    upstream: 'Perception backbone',
    downstream: 'Trajectory planner',
    metric: 'safe-trajectory rate',
    upstreamMetric: 'mAP',
    upstreamUnit: '%',
    upstreamV1: 72,
    upstreamV2: 76,
    trained: 99,
    floor: 98.5,
    retrainHours: 24,
    pipelineCostPerHour: 25,
    // Its floor sits half a point under its metric: it takes more labels to see the gap through the noise.
    labelledPerHour: 2_000,
  },
  'mobile-nomad': {
    upstream: 'Text detector',
    downstream: 'Translator',
    metric: 'translation accuracy',
    upstreamMetric: 'detection F1',
    upstreamUnit: '%',
    upstreamV1: 88,
    upstreamV2: 92,
    trained: 90,
    floor: 85,
    retrainHours: 8,
    pipelineCostPerHour: 15,
    labelledPerHour: 600,
  },
  'tiny-pioneer': {
    upstream: 'Noise isolation',
    downstream: 'Wake-word detector',
    metric: 'wake-word accuracy',
    upstreamMetric: 'SI-SDR',
    upstreamUnit: 'dB',
    upstreamV1: 11.5,
    upstreamV2: 13,
    trained: 95,
    floor: 90,
    retrainHours: 6,
    pipelineCostPerHour: 5,
    labelledPerHour: 600,
  },
};

/**
 * The upstream's output, binned in 10 bins (shares summing to 1): v1 is a standard normal, v2 the same shifted
 * by 0.575 standard deviations, so that PSI(v1 → v2) = 0.32 (*teaching*, GAME.md §6).
 */
export const FEATURE_BINS = {
  v1: [0.023, 0.044, 0.092, 0.15, 0.191, 0.191, 0.15, 0.092, 0.044, 0.023],
  v2: [0.005, 0.014, 0.039, 0.084, 0.141, 0.187, 0.195, 0.158, 0.1, 0.077],
} as const;

/** How a PSI reads (*chapter*): below `stable` the distributions match; from `act` on, act. */
export const PSI_BANDS = { stable: 0.1, act: 0.25 } as const;

/** Part 3's simulated hours per real second at the host's speed ×1: a retraining of 6–24 h takes 30–120 s, so
 *  a team can watch it (*teaching*). */
export const PART3_PACE = 0.2;

/** The system metric on the Ensemble Trace is measured over the last this many simulated hours. */
export const TRACE_WINDOW_HOURS = 3;

/**
 * The stakeholder challenge: seconds of play a team has to answer "deploy the new extractor tonight" (*teaching*,
 * GAME.md §6). Counted in real seconds of play, not simulated hours, so that the host's speed never shortens the
 * time to read the three answers, talk them over and run the consistency check first (at 4× a 12-hour deadline
 * left 15 s). The server's ticks carry simulated hours at the speed in force, so each tick stands for
 * hours / (PART3_PACE × speed) seconds: the count stays a pure function of the logged ticks, and holds while
 * the game is paused (no ticks).
 */
export const CHALLENGE_SECONDS = 150;

/** Part 3's ops score (docs/scoring.md), 0–100 per team; references scale with the track's retrain time. */
export const PART3_OPS = {
  /** The team runs the upgraded ensemble at the end: upstream v2, downstream retrained on v2 features. */
  upgraded: 30,
  /** Up to this much for no silent-failure hours; none left at 2 × the track's retrain hours. */
  silent: 30,
  /** Up to this much for how deep the metric fell below the floor; none left at the depth of a downstream served
   *  v2 features untrained, for 2 × T. */
  depth: 15,
  /** Up to this much for pipeline cost: none left at a second pipeline for 4 × T. */
  cost: 10,
  /** Up to this much for the answer to the stakeholder challenge (full when none was asked). */
  challenge: 15,
} as const;

/** The quality of a challenge answer, 0–1, before the evidence factor (docs/scoring.md). */
export const CHALLENGE_QUALITY = {
  /** Approve behind a pinned contract, or approve when the downstream already runs on v2 features. */
  safeApproval: 1,
  /** Refuse: safe, but the better extractor waits. */
  refusal: 0.6,
  /** Approve while the downstream would read features it was not trained on; or no answer in time. */
  unsafe: 0,
  /** An answer given without a consistency check before it counts this fraction. */
  withoutEvidence: 0.5,
} as const;

// ——— The fleet's monitoring and the alert storm (GAME.md §7, Cloud Titan's crisis). ———

/** How every fleet is monitored in Part 2: each of its N0 models × 10 metrics, checked every 5 simulated
 *  minutes. */
export const MONITORING = {
  metricsPerModel: ALERT_METRICS,
  /** Every 5 minutes (*chapter*). */
  checksPerDay: 288,
  /** The static thresholds every fleet starts with: 3σ of the metric's noise when they were set (*chapter*). */
  staticK: 3,
  /** False alerts per check at 3σ on real metric noise (*chapter*: ~0.003; real noise is heavier-tailed than a
   *  Gaussian's 0.0027). Other thresholds scale by the Gaussian tail ratio. */
  fprAt3Sigma: 0.003,
  /** Pages a human on-call can handle a day (*chapter*). */
  capacityPerDay: 50,
  /** Threshold discovery: the k a team may choose for its per-model k·σ thresholds. */
  kMin: ALERT_K_MIN,
  kMax: ALERT_K_MAX,
  /** Minutes of toil per page, by how pages are aggregated: a model or fleet page takes finding the metric. */
  minutesPerPage: { metric: 5, model: 10, fleet: 30 },
  /** Minutes an investigation of one model × metric cell takes. */
  minutesPerInvestigation: 20,
} as const;

/** The alert storm (*teaching*): metric noise ×4 on every model while real drifts hide in it. */
export const ALERT_STORM = {
  noiseFactor: 4,
  drifts: 2,
  /** A drift's shift of its metric, in σ of the noise at the time. */
  driftSigma: 3.5,
  /** Each drift begins this many simulated hours after the storm, drawn from the track's seed. */
  onsetHours: { min: 1, max: 12 },
  /** Detection delay at which a found drift scores nothing. */
  delayLimitHours: 24,
  /** In Part 2's ops score a team the storm hit counts its alert outcome with this weight. */
  opsWeight: 0.4,
} as const;

// ——— The app-OS skew (GAME.md §7, Mobile Nomad's crisis): an OS update changes the NPU power policy. Which regions
// it throttles, their FPS and how fast each region updates are hidden truths, drawn from the track's seed
// (parts/part2/slices/truth.server.ts). ———

/** The skew's fleet and model (*teaching*): Mobile Nomad's glasses in 10 regions, each on the current OS or on the
 *  update. The ranges are chosen so that the fleet's mean stays above 60 FPS on every seed (docs/model.md). */
export const APP_OS_SKEW = {
  regions: SKEW_REGIONS,
  /** Active glasses, the same number in every region. */
  users: 100_000,
  /** The UX Designer's floor: below 60 FPS the translated text swims. */
  targetFps: 60,
  /** A region's FPS on the current OS. */
  baseFps: { min: 64, max: 68 },
  /** Regions where the update's NPU power policy throttles the model, and their FPS on the update. */
  badRegions: 3,
  badFps: { min: 52, max: 57 },
  /** FPS the other regions lose on the update. */
  goodLoss: { min: 1, max: 2 },
  /** A region's share of devices on the update grows linearly from the strike to this cap, which it reaches after
   *  a number of hours drawn per region. */
  updateCap: 0.6,
  hoursToCap: { min: 6, max: 48 },
  /** Rolling a slice back returns its devices to the current OS over the air at this share of the region an hour
   *  (Mobile Nomad rolls a whole fleet back in 24 h). */
  rollbackSharePerHour: 1 / 24,
  /** The lighter model variant: frames 1.2× faster — 60 FPS or more on every slice — at 3 points of accuracy. */
  lighterFpsFactor: 1.2,
  lighterAccuracyPoints: 3,
  /** Measured FPS carries noise of up to ±noiseFps at noiseUsers users per series, growing as 1/√users, at most
   *  ±maxNoiseFps: a slice with few users reads noisily. */
  noiseFps: 0.5,
  noiseUsers: 1_000,
  maxNoiseFps: 5,
  /** Detection delay at which the first remedy on a bad slice scores nothing. */
  delayLimitHours: 24,
  /** In Part 2's ops score a team the skew hit counts its skew outcome with this weight. */
  opsWeight: 0.4,
} as const;

/** The skew's monitors (*teaching*): series each level adds to the always-on global one, and their cost. */
export const SLICE_MONITORING = {
  series: { global: 0, region: SKEW_REGIONS, os: 2, slice: SKEW_REGIONS * 2 },
  costPerSeriesHour: 2,
  /** The skew's outcome counts monitoring cost against this many hours of region × OS monitors (a week). */
  referenceHours: 168,
} as const;

/** The skew's outcome (docs/scoring.md), 0–100: points for each term, against the references there. */
export const SKEW_OPS = {
  /** User-hours below 60 FPS, against doing nothing since the strike. */
  userHours: 45,
  /** Detection delay: strike → the team's first remedy on a bad slice. */
  delay: 25,
  /** Accuracy given up, against the lighter variant on the whole fleet since the strike. */
  accuracy: 20,
  /** Monitoring cost, against a week of region × OS monitors. */
  monitoring: 10,
} as const;
