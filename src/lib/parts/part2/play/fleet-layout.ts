// Which crisis instruments a team's live fleet shows, and where (GAME.md §7): every fleet has monitoring, so the
// alert-noise panel is always there — on top while a storm rages, after the canary's instruments otherwise. The
// FPS-by-slice instrument plays on the glasses' fleet shape: Mobile Nomad sees it (and chooses its monitors)
// from the start, any other team once the app-OS skew struck it, on top from then on.
// Relative imports only: unit tests load this file without Vite.
import type { TeamPart2 } from '../../../../../shared/protocol/views.js';
import type { TrackId } from '../../../../../shared/sim/tracks.js';

type Fleet = NonNullable<TeamPart2['fleet']>;

export interface FleetLayout {
  /** Crisis instruments above the canary runs (struck now), then below them (calm), each in order. */
  top: ('alerts' | 'slices')[];
  bottom: ('alerts' | 'slices')[];
}

export function fleetLayout(fleet: Pick<Fleet, 'monitor' | 'slices'>, track: TrackId): FleetLayout {
  const top: FleetLayout['top'] = [];
  const bottom: FleetLayout['bottom'] = [];
  (fleet.monitor.storm ? top : bottom).push('alerts');
  if (fleet.slices.updateAt !== null) top.push('slices');
  else if (track === 'mobile-nomad') bottom.push('slices');
  return { top, bottom };
}

export type InstrumentTab = 'alerts' | 'slices' | 'clock' | 'radar' | 'shadow';

const TAB_LABELS: Record<InstrumentTab, string> = {
  alerts: 'Alert noise',
  slices: 'FPS by slice',
  clock: 'Confidence',
  radar: 'Risk radar',
  shadow: 'Shadow',
};

/** The instrument tabs in order: the struck crisis instruments (flagged), the run's three, the calm ones. */
export function instrumentTabs(layout: FleetLayout, hasRun: boolean): { id: InstrumentTab; label: string; flag: boolean }[] {
  const run: InstrumentTab[] = hasRun ? ['clock', 'radar', 'shadow'] : [];
  return [
    ...layout.top.map((id) => ({ id, label: TAB_LABELS[id], flag: true })),
    ...[...run, ...layout.bottom].map((id) => ({ id, label: TAB_LABELS[id], flag: false })),
  ];
}

/** The tab shown: the one the team chose while it exists, else the first (a struck crisis's, or the clock). */
export function shownTab(tabs: readonly { id: InstrumentTab }[], chosen: InstrumentTab | null): InstrumentTab | null {
  if (chosen !== null && tabs.some((t) => t.id === chosen)) return chosen;
  return tabs[0]?.id ?? null;
}
