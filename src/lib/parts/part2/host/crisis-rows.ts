// Part 2's crises on the host console, per team: the tools the team chose (public to it: thresholds, paging,
// slice monitors) and, behind "Show hidden truth", what the crises really did — the storm's drift cells with
// their onsets and when the team found them, the slices the OS update throttles, every cohort's true p99.
// Relative imports (not `$shared`/`$lib`): unit tests and `tsc -p tsconfig.node.json` load this file without Vite.
import type { HostView } from '../../../../../shared/protocol/views.js';
import * as fmt from '../../../format.js';
import { cellName } from '../alerts/alert-words.js';
import { ms } from '../play/latency-words.js';
import { REMEDY_LABELS, sliceName } from '../slices/slice-words.js';

type Entry = NonNullable<HostView['part2']>['teams'][number];

export interface ToolsSummary {
  /** "k = 4σ · per model · 9.6 alerts/day", or null before the lock. */
  alerts: string | null;
  /** Alerts a day over the on-call's capacity now (only meaningful in a storm). */
  overCapacity: boolean;
  storm: boolean;
  /** "Region × OS · $40/h · 2 treated", or null before the lock. */
  slices: string | null;
}

const LEVEL: Record<NonNullable<Entry['slices']>['level'], string> = { global: 'global mean', region: 'per region', os: 'per OS', slice: 'region × OS' };
const PAGING: Record<NonNullable<Entry['monitor']>['aggregation'], string> = { metric: 'page per metric', model: 'page per model', fleet: 'page per fleet' };

/** What the team set up against the storm and the skew, in one line each. */
export function toolsSummary(entry: Pick<Entry, 'monitor' | 'slices'>): ToolsSummary {
  const m = entry.monitor;
  const s = entry.slices;
  return {
    alerts: m
      ? `${m.k === null ? 'static 3σ' : `k = ${fmt.decimal(m.k, 1)}σ`} · ${PAGING[m.aggregation]} · ${fmt.count(m.alertsPerDay)} alerts/day`
      : null,
    overCapacity: m !== null && m.alertsPerDay > m.capacityPerDay,
    storm: m?.storm ?? false,
    slices: s ? `${LEVEL[s.level]}${s.costPerHour > 0 ? ` · ${fmt.dollars(s.costPerHour)}/h` : ''}${s.remedies.length > 0 ? ` · ${fmt.plural(s.remedies.length, 'slice')} treated` : ''}` : null,
  };
}

export interface DriftLine {
  name: string;
  /** "Day 1 · 07:12", and when found with the delay, or "not found". */
  onset: string;
  found: string | null;
  begun: boolean;
}

/** The storm's hidden drifts: cell, onset, found at (host only). */
export function driftLines(drifts: Entry['drifts'], hours: number): DriftLine[] {
  return drifts.map((d) => ({
    name: cellName(d.model, d.metric),
    onset: fmt.simClock(d.at),
    begun: d.at <= hours,
    found: d.foundAt === null ? null : `found ${fmt.simClock(d.foundAt)} (+${fmt.duration(d.foundAt - d.at)})`,
  }));
}

export interface BadSliceLine {
  name: string;
  /** True FPS now after the remedy, and its users. */
  fps: string;
  below: boolean;
  remedy: string | null;
}

export interface SkewTruthSummary {
  globalFps: string;
  bad: BadSliceLine[];
  /** "found after 3.2 h" or "not treated (5 h so far)". */
  detection: string;
  score: number;
}

/** The skew's hidden truth in brief: the slices the update throttles, their true FPS now and the remedy. */
export function skewTruthSummary(skew: NonNullable<Entry['skew']>): SkewTruthSummary {
  return {
    globalFps: `${fmt.decimal(skew.globalFps, 1)} FPS`,
    bad: skew.slices
      .filter((s) => s.bad)
      .map((s) => ({
        name: sliceName(s.region, s.os),
        fps: s.users < 1 ? 'no users' : `${fmt.decimal(s.fps, 1)} FPS · ${fmt.count(s.users)} users`,
        below: s.below,
        remedy: s.remedy === null ? null : REMEDY_LABELS[s.remedy],
      })),
    detection: skew.detectedAt === null ? `not treated yet (${fmt.duration(skew.delayHours)} so far)` : `first treated after ${fmt.duration(skew.delayHours)}`,
    score: skew.score,
  };
}

export interface LatencyTruthLine {
  cohort: string;
  p99: string;
  past: boolean;
  /** Share of frames past the budget (each a failure): "0.0 %", "2.2 %". */
  pastShare: string;
}

/** Every cohort's true p99 against the budget (host only). Large fleets show only cohorts past the budget. */
export function latencyTruthLines(truth: Entry['truth'], budgetMs: number): LatencyTruthLine[] {
  const lines = truth.map((t) => ({ cohort: t.cohort, p99: ms(t.p99Ms), past: t.p99Ms > budgetMs, pastShare: fmt.percent(t.pastBudget, t.pastBudget < 0.001 ? 3 : 1) }));
  return lines.length > 4 ? lines.filter((l) => l.past) : lines;
}
