// The hidden truth of the app-OS skew: which regions the update throttles below 60 FPS, every region's FPS on
// each OS version, and how fast each region takes the update. Drawn from the track's seed, so every team on a
// track faces the same skew. Server-side only: only the host's view carries it.
import { APP_OS_SKEW } from '../../../constants.js';
import { memoized } from '../../../memo.js';
import { deriveSeed, nextFloat, nextInt, rngFromSeed, type RngState } from '../../../rng.js';
import type { TrackId } from '../../../tracks.js';
import type { RegionTruth } from './model.js';

function uniform(rng: RngState, range: { min: number; max: number }): [number, RngState] {
  const [u, next] = nextFloat(rng);
  return [range.min + u * (range.max - range.min), next];
}

/** Every region's truth on a track's fleet, in region order (memoized: every view of every team reads it). */
export const skewTruth = memoized(256, (gameSeed: number, track: TrackId) => `${gameSeed}:${track}`, drawSkewTruth);

function drawSkewTruth(gameSeed: number, track: TrackId): readonly RegionTruth[] {
  let rng = rngFromSeed(deriveSeed(gameSeed, `skew:${track}`));
  const bad = new Set<number>();
  while (bad.size < APP_OS_SKEW.badRegions) {
    const [region, next] = nextInt(rng, 0, APP_OS_SKEW.regions - 1);
    rng = next;
    bad.add(region);
  }
  return Array.from({ length: APP_OS_SKEW.regions }, (_, region) => {
    const [baseFps, r1] = uniform(rng, APP_OS_SKEW.baseFps);
    const [update, r2] = uniform(r1, bad.has(region) ? APP_OS_SKEW.badFps : APP_OS_SKEW.goodLoss);
    const [hoursToCap, r3] = uniform(r2, APP_OS_SKEW.hoursToCap);
    rng = r3;
    return { baseFps, updateFps: bad.has(region) ? update : baseFps - update, bad: bad.has(region), hoursToCap };
  });
}
