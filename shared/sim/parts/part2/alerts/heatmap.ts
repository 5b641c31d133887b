// The alert heatmap of a fleet: alerts per model × metric in the last simulated hour (12 checks a cell). Noise
// alerts are Poisson at the false-alert rate, a drifting cell fires at its drift's rate; the draws come from a
// stream seeded by the track and the hour, so a view is a pure function of the state and every team on a track
// sees the same noise under the same thresholds. Uses the storm's hidden drifts: server-side views only.
import { ALERT_STORM, MONITORING, TRACK_MODEL_COUNT } from '../../../constants.js';
import type { TeamEffects } from '../../../crises/effects.js';
import { deriveSeed, nextFloat, rngFromSeed } from '../../../rng.js';
import type { TrackId } from '../../../tracks.js';
import type { MonitorState } from '../types.js';
import { driftsOf, type Drift } from './drifts.server.js';
import { memoized } from '../../../memo.js';
import { driftAlertRate, effectiveK, falseAlertRate } from './model.js';
import { noiseAt } from './monitor.js';

const CHECKS_PER_HOUR = MONITORING.checksPerDay / 24;

/** The smallest count whose Poisson(mean) distribution function reaches u. */
function poissonQuantile(mean: number, u: number, cap: number): number {
  let count = 0;
  let p = Math.exp(-mean);
  let cdf = p;
  while (u > cdf && count < cap) {
    count += 1;
    p *= mean / count;
    cdf += p;
  }
  return count;
}

export function heatmapOf(
  monitor: Pick<MonitorState, 'k'>,
  ctx: { seed: number; track: TrackId; effects: TeamEffects; now: number },
): number[][] {
  const stormAt = ctx.effects.stormAt;
  const drifts = stormAt === null ? [] : driftsOf(ctx.seed, ctx.track, stormAt).filter((d) => d.at <= ctx.now);
  return heatmap(ctx.seed, ctx.track, Math.floor(ctx.now), effectiveK(monitor.k, noiseAt(ctx.effects, ctx.now)), drifts);
}

/** The heatmap of one hour: every team on the track with the same thresholds and drifts reads the same one, and
 *  every view of the hour asks for it again, so it is memoized on what it depends on. */
const heatmap = memoized(
  512,
  (seed: number, track: TrackId, hour: number, kEff: number, drifts: readonly Drift[]) =>
    `${seed}:${track}:${hour}:${kEff}:${drifts.map((d) => `${d.model}.${d.metric}`).join(',')}`,
  (seed: number, track: TrackId, hour: number, kEff: number, drifts: readonly Drift[]): number[][] => drawHeatmap(seed, track, hour, kEff, drifts),
);

function drawHeatmap(seed: number, track: TrackId, hour: number, kEff: number, drifts: readonly Drift[]): number[][] {
  const noiseMean = falseAlertRate(kEff) * CHECKS_PER_HOUR;
  const drifting = new Map<string, number>();
  for (const d of drifts) drifting.set(`${d.model}:${d.metric}`, driftAlertRate(kEff, ALERT_STORM.driftSigma) * CHECKS_PER_HOUR);
  let rng = rngFromSeed(deriveSeed(seed, `alerts:${track}:${hour}`));
  const rows: number[][] = [];
  for (let model = 0; model < TRACK_MODEL_COUNT[track]; model++) {
    const row: number[] = [];
    for (let metric = 0; metric < MONITORING.metricsPerModel; metric++) {
      const [u, next] = nextFloat(rng);
      rng = next;
      const mean = drifting.get(`${model}:${metric}`) ?? noiseMean;
      row.push(poissonQuantile(mean, u, CHECKS_PER_HOUR));
    }
    rows.push(row);
  }
  return rows;
}
