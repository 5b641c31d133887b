// Part 1's hidden truth: each track's heterogeneity h. With the public cost model (roi-model.ts) it gives a
// track's N*, so it lives apart from the constants every page loads: only the server's projections and the
// host's settings preview import it, and the phones' and the projector's pages never load it (a team learns
// its h with its workbench, after its lock; tests/e2e/bundle.test.ts checks the chunks).
import type { TrackId } from '../../tracks.js';

/** Track heterogeneity h (*teaching*). */
export const TRACK_HETEROGENEITY: Readonly<Record<TrackId, number>> = {
  'cloud-titan': 1,
  'edge-guardian': 2,
  'mobile-nomad': 3,
  'tiny-pioneer': 4,
};
