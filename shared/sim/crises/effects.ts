// What crises do to a team's hidden truth (GAME.md §7): one record per team, changed by the crises that strike
// it and read by the parts that simulate a fleet. A crisis changes the truth, never the rules.
export interface TeamEffects {
  /** Rollout jitter: the latency tail on the oldest hardware counts as failures there. */
  jitter: boolean;
  /** Traffic spike: judged requests are multiplied until the simulated hour `trafficUntil`. */
  trafficMultiplier: number;
  trafficUntil: number;
  /** The world drifted: the drift time-constant τ is multiplied by this (< 1: evidence goes stale faster). */
  driftFactor: number;
  /** Alert storm: the simulated hour of Part 2 it began (metric noise ×4, real drifts hidden in it), or null. */
  stormAt: number | null;
  /** App-OS skew: the simulated hour of Part 2 the OS update began rolling out, or null. */
  skewAt: number | null;
  /** Dependency domino: the simulated hour of Part 3 at which the upstream auto-updated to v2, or null. */
  dominoAt: number | null;
  /** The stakeholder challenge "deploy tonight": the simulated hour of Part 3 it was put, or null. */
  challengeAt: number | null;
}

/** A team no crisis has struck. */
export const NO_EFFECTS: TeamEffects = {
  jitter: false,
  trafficMultiplier: 1,
  trafficUntil: 0,
  driftFactor: 1,
  stormAt: null,
  skewAt: null,
  dominoAt: null,
  challengeAt: null,
};

/** What crises did to a team so far. */
export function effectsOf(state: { effects: Readonly<Record<string, TeamEffects>> }, teamId: string): TeamEffects {
  return state.effects[teamId] ?? NO_EFFECTS;
}
