// The crisis catalog (GAME.md §7): one module per crisis. A new crisis is a module in this folder, its id in
// shared/protocol/crises.ts and one line here.
import type { CrisisId } from '../../protocol/views.js';
import { alertStorm } from './alert-storm.js';
import { appOsSkew } from './app-os-skew.js';
import { dependencyDomino } from './dependency-domino.js';
import { deployTonight } from './deploy-tonight.js';
import { rolloutJitter } from './rollout-jitter.js';
import { trafficSpike } from './traffic-spike.js';
import type { CrisisModule } from './types.js';
import { worldDrifted } from './world-drifted.js';

/** Every crisis, in the order the host's catalog lists them. */
export const CRISES: readonly CrisisModule[] = [alertStorm, rolloutJitter, appOsSkew, worldDrifted, trafficSpike, dependencyDomino, deployTonight];

const BY_ID = new Map(CRISES.map((crisis) => [crisis.id, crisis]));

/** The catalog's module of a crisis id. */
export function crisisById(id: CrisisId): CrisisModule {
  const crisis = BY_ID.get(id);
  if (!crisis) throw new Error(`crisis ${id} is not in the catalog`);
  return crisis;
}
