// Each crisis' state on a team's projector tile, in a few words (GAME.md §7, §9): alerts a day against the
// on-call's capacity and drifts found in a storm; the worst slice the team's monitors read in an app-OS skew;
// the p99 against the budget under rollout jitter. Only crises that struck the team, only its own readings.
// Relative imports only: unit tests load this file without Vite.
import type { FleetTile } from '../../../../../shared/protocol/views.js';
import { ALERT_STORM, APP_OS_SKEW, MONITORING } from '../../../../../shared/sim/constants.js';

const MONITORING_CAPACITY = MONITORING.capacityPerDay;
import * as fmt from '../../../format.js';
import { ms } from '../play/latency-words.js';

export type CrisisKind = 'storm' | 'skew' | 'jitter';

export interface TileCrisisFact {
  kind: CrisisKind;
  /** A short label ("Alerts", "Lowest", "p99") and the reading, its unit apart ("/day"; "" when the reading
   * carries it, as "58.3 FPS" and "100 ms" do): a 40-team table row drops the label and a unit apart, so a reading
   * whose number alone says nothing carries its unit. */
  label: string;
  value: string;
  unit: string;
  /** A second, smaller reading ("cap 50 · 2/2 drifts", "3 below 60"), and its shortest form for a table row. */
  detail: string;
  brief: string;
  /** There is a reading at all (a team without a run reads no p99). */
  measured: boolean;
  /** The team is on top of it (green), failing at it (red), or neither yet. */
  tone: 'ok' | 'bad' | 'neutral';
  /** The whole fact in words, for assistive technology and the table's title. */
  words: string;
}

const SHORT: Record<FleetTile['skew']['level'], string> = { global: 'global only', region: 'per region', os: 'per OS', slice: 'region × OS' };

/** Alerts a day, compact: "72k", "432", "9.6". */
export function perDayShort(value: number): string {
  if (value >= 10_000) return `${fmt.decimal(value / 1000, 0)}k`;
  if (value >= 100) return fmt.count(value);
  return fmt.decimal(value, 1);
}

function stormFact(alerts: FleetTile['alerts']): TileCrisisFact {
  const over = alerts.alertsPerDay > alerts.capacityPerDay;
  const all = alerts.driftsFound >= ALERT_STORM.drifts;
  return {
    kind: 'storm',
    label: 'Alerts',
    value: perDayShort(alerts.alertsPerDay),
    unit: '/day',
    detail: `cap ${alerts.capacityPerDay} · ${alerts.driftsFound}/${ALERT_STORM.drifts} drifts`,
    brief: `${alerts.driftsFound}/${ALERT_STORM.drifts}`,
    measured: true,
    tone: over ? 'bad' : all ? 'ok' : 'neutral',
    words: `Alert storm: ${fmt.count(alerts.alertsPerDay)} alerts a day against a capacity of ${alerts.capacityPerDay}${over ? ' (over)' : ''}; ${alerts.driftsFound} of ${ALERT_STORM.drifts} drifts found`,
  };
}

function skewFact(skew: FleetTile['skew']): TileCrisisFact {
  const target = APP_OS_SKEW.targetFps;
  const worst = skew.worstFps;
  const blind = skew.level === 'global';
  return {
    kind: 'skew',
    // "58.3 FPS", not "58.3": in a table row's short chip the reading is all the room reads.
    label: 'Lowest',
    value: worst === null ? '—' : `${fmt.decimal(worst, 1)} FPS`,
    unit: '',
    brief: blind ? 'global' : `${skew.below} below`,
    measured: worst !== null,
    detail: blind ? `global only${skew.remedies > 0 ? ` · ${skew.remedies} treated` : ''}` : `${skew.below} below ${target}${skew.remedies > 0 ? ` · ${skew.remedies} treated` : ''}`,
    tone: skew.below > 0 ? 'bad' : blind ? 'neutral' : 'ok',
    words: `App-OS skew, monitors ${SHORT[skew.level]}: worst reading ${worst === null ? 'none' : `${fmt.decimal(worst, 1)} FPS`}, global ${skew.globalFps === null ? 'none' : `${fmt.decimal(skew.globalFps, 1)} FPS`}; ${skew.below} series below ${target}; ${skew.remedies} slices treated`,
  };
}

function jitterFact(latency: FleetTile['latency']): TileCrisisFact {
  const past = latency.p99Ms !== null && latency.p99Ms > latency.budgetMs;
  const back = latency.rolledBack.length;
  return {
    kind: 'jitter',
    label: 'p99',
    value: latency.p99Ms === null ? '—' : ms(latency.p99Ms),
    unit: '',
    brief: back > 0 ? `↩ ${back}` : '',
    measured: latency.p99Ms !== null,
    detail: `budget ${ms(latency.budgetMs)}${back > 0 ? ` · ↩ ${latency.rolledBack.join(', ')}` : ''}`,
    tone: past ? 'bad' : back > 0 ? 'ok' : 'neutral',
    words: `Rollout jitter: p99 ${latency.p99Ms === null ? 'not measured' : ms(latency.p99Ms)} against a ${ms(latency.budgetMs)} budget${back > 0 ? `; rolled back ${latency.rolledBack.join(', ')}` : ''}`,
  };
}

/** What the chips mean, under the projector's fleets: one line of a 720p projector (a crisis leaves no more). */
export const CRISIS_LEGEND =
  `Crises · Alerts a day vs the on-call's ${MONITORING_CAPACITY}, drifts found of ${ALERT_STORM.drifts} · p99 vs budget · FPS: lowest series · ✗ hurting, ✓ handled`;

/** The crises that struck a team, each as one compact fact, in the catalog's order. */
export function tileCrisisFacts(tile: Pick<FleetTile, 'alerts' | 'skew' | 'latency'>): TileCrisisFact[] {
  const facts: TileCrisisFact[] = [];
  if (tile.alerts.storm) facts.push(stormFact(tile.alerts));
  if (tile.latency.jitter) facts.push(jitterFact(tile.latency));
  if (tile.skew.struck) facts.push(skewFact(tile.skew));
  return facts;
}

/** The most crisis chips a locked team's tile or row carries (an unlocked team's row shows none). */
export function mostCrisisChips(tiles: readonly Pick<FleetTile, 'locked' | 'alerts' | 'skew' | 'latency'>[]): number {
  return Math.max(0, ...tiles.filter((t) => t.locked).map((t) => tileCrisisFacts(t).length));
}
