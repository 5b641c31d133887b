// How a team's ensemble is wired, derived from its decisions (GAME.md §6): which features the serving
// downstream reads, how many feature pipelines run, and the entries of its governance ledger.
import type { FeatureVersion, PsiComparison } from '../../../protocol/views.js';
import { ENSEMBLE_TRACKS } from '../../constants.js';
import type { TrackId } from '../../tracks.js';
import { featurePsi } from './psi.js';
import type { CheckRecord, LedgerRecord, TeamPart3 } from './types.js';

type Wiring = Pick<TeamPart3, 'upstream' | 'policy' | 'model'>;

/** Loose: the downstream reads whatever the upstream serves. Strict: the features its model was trained on. */
export function readsOf(team: Wiring): FeatureVersion {
  return team.policy === 'strict' ? team.model : team.upstream;
}

/** A strict contract keeps the pinned version's pipeline running beside the upstream's own. */
export function pipelinesOf(team: Wiring): number {
  return readsOf(team) === team.upstream ? 1 : 2;
}

/** The upstream's own metric as it reports it: v2 is better. */
export function upstreamMetricOf(track: TrackId, version: FeatureVersion): number {
  const spec = ENSEMBLE_TRACKS[track];
  return version === 'v2' ? spec.upstreamV2 : spec.upstreamV1;
}

/** The PSI a check showed as the evidence for a decision, and what it compares: the v1 → v2 PSI while the
 *  downstream is on v1 features (the question every decision of this part turns on), else the training-serving
 *  PSI. */
export function evidencePsi(check: CheckRecord): { psi: number; compares: PsiComparison } {
  return check.trainedOn === 'v1'
    ? { psi: featurePsi('v1', 'v2'), compares: 'v1-v2' }
    : { psi: featurePsi(check.trainedOn, check.serving), compares: 'training-serving' };
}

/** The latest check a team ran at or before simulated hour `at`. */
export function checkBefore(team: Pick<TeamPart3, 'checks'>, at: number): CheckRecord | null {
  for (let i = team.checks.length - 1; i >= 0; i--) if (team.checks[i]!.at <= at) return team.checks[i]!;
  return null;
}

/** The team with one more ledger entry. */
export function logged<T extends Pick<TeamPart3, 'ledger'>>(team: T, entry: LedgerRecord): T {
  return { ...team, ledger: [...team.ledger, entry] };
}

/** Where the downstream reads from, in the ledger's words. */
export function readsText(team: Wiring): string {
  return `the downstream (trained on ${team.model}) reads features_${readsOf(team)}`;
}
