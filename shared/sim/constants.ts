// Every number of the game's model in one place (GAME.md §2, §4; documented in docs/model.md).
// *chapter*: from the textbook chapter. *teaching*: chosen for the game.
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

/** Track heterogeneity h (*teaching*). */
export const TRACK_HETEROGENEITY: Readonly<Record<TrackId, number>> = {
  'cloud-titan': 1,
  'edge-guardian': 2,
  'mobile-nomad': 3,
  'tiny-pioneer': 4,
};

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
