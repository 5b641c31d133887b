// The host's crisis catalog (GAME.md §7), as pure rules: which crises a part may throw, what each does in
// words, the target chooser's values, and how a logged crisis reads. Titles, effects and the parts a crisis
// belongs to come from the crisis catalog the simulation runs. Game-level: every part with a clock uses it.
// Relative imports (not `$shared`/`$lib`): unit tests and `tsc -p tsconfig.node.json` load this file without Vite.
import { CRISIS_IDS, type CrisisTarget, type HostView, type PartId } from '../../../shared/protocol/views.js';
import { CRISES } from '../../../shared/sim/crises/catalog.js';
import { TRACK_IDS, TRACKS, type TrackId } from '../../../shared/sim/tracks.js';
import * as fmt from '../format.js';

export type CrisisId = (typeof CRISIS_IDS)[number];
export { CRISIS_IDS };

export interface CrisisInfo {
  /** What changes in the hidden truth. */
  effect: string;
  /** Whose story it is and what a good team does. */
  story: string;
}

/** Each crisis's button name and description, from the catalog the simulation runs. */
export const CRISIS_TITLES = Object.fromEntries(CRISES.map((c) => [c.id, c.title])) as Readonly<Record<CrisisId, string>>;
export const CRISIS_INFO = Object.fromEntries(CRISES.map((c) => [c.id, { effect: c.effect, story: c.story }])) as Readonly<
  Record<CrisisId, CrisisInfo>
>;

/** The crises the host may throw during `part`'s play, in catalog order (the server refuses the others). */
export function crisesOfPart(part: PartId): CrisisId[] {
  return CRISES.filter((c) => c.parts.includes(part)).map((c) => c.id);
}

/** The target chooser's value for a target: "all", "track:<id>", "team:<id>". */
export function encodeTarget(target: CrisisTarget): string {
  return target.kind === 'all' ? 'all' : target.kind === 'track' ? `track:${target.track}` : `team:${target.teamId}`;
}

/** The intent's target for a chooser value; null for a value that names no track (never sent). */
export function decodeTarget(value: string): { kind: 'all' } | { kind: 'track'; track: TrackId } | { kind: 'team'; teamId: string } | null {
  if (value === 'all') return { kind: 'all' };
  if (value.startsWith('track:')) {
    const track = TRACK_IDS.find((t) => `track:${t}` === value);
    return track ? { kind: 'track', track } : null;
  }
  if (value.startsWith('team:') && value.length > 5) return { kind: 'team', teamId: value.slice(5) };
  return null;
}

/** The host view names a target "all teams", a track id or a team name: say it as the console does. */
export function targetLabel(target: string): string {
  if (target === 'all teams') return 'All teams';
  const track = TRACK_IDS.find((t) => t === target);
  return track ? `${TRACKS[track].name} teams` : target;
}

/** The tracks in play, in the teams' order, each with its number of teams (the chooser's "A track" group). */
export function tracksInPlay(teams: readonly { track: TrackId }[]): { track: TrackId; count: number }[] {
  const counts = new Map<TrackId, number>();
  for (const team of teams) counts.set(team.track, (counts.get(team.track) ?? 0) + 1);
  return [...counts].map(([track, count]) => ({ track, count }));
}

/** The chooser's value in words, for the "sent" line: "All teams", "Edge Guardian teams", a team's name. */
export function aimLabel(value: string, teams: readonly { id: string; name: string }[]): string {
  const target = decodeTarget(value);
  if (target?.kind === 'all') return 'All teams';
  if (target?.kind === 'track') return targetLabel(target.track);
  return teams.find((t) => `team:${t.id}` === value)?.name ?? '?';
}

/** `inHours` of the intent: null fires now; a positive number schedules (the server takes 0–168). */
export function scheduleHours(when: 'now' | 'later', hours: number | null): number | null | 'invalid' {
  if (when === 'now') return null;
  if (hours === null || !Number.isFinite(hours) || hours <= 0 || hours > 168) return 'invalid';
  return hours;
}

export interface CrisisLogEntry {
  key: string;
  title: string;
  target: string;
  fired: boolean;
  /** "Day 1 · 06:00", with "in 3 h" for a scheduled one. */
  when: string;
}

/**
 * The log of `part`'s crises, newest first: scheduled ones (soonest first) above the fired ones. Each part
 * counts its own simulated hours, so another part's crises (whose hours mean nothing on this clock) stay out;
 * without `part`, every crisis is logged.
 */
export function crisisLog(crises: HostView['crises'], hours: number, part?: PartId): CrisisLogEntry[] {
  const entries = crises.map((c, index) => ({
    part: c.part,
    key: `${index}-${c.id}-${c.at}`,
    title: CRISIS_TITLES[c.id],
    target: targetLabel(c.target),
    fired: c.fired,
    at: c.at,
    order: index,
    when: c.fired ? fmt.simClock(c.at) : `${fmt.simClock(c.at)} (in ${fmt.hours(Math.max(0, c.at - hours))})`,
  }));
  const mine = part === undefined ? entries : entries.filter((e) => e.part === part);
  const scheduled = mine.filter((e) => !e.fired).sort((a, b) => a.at - b.at || a.order - b.order);
  const fired = mine.filter((e) => e.fired).sort((a, b) => b.order - a.order);
  return [...scheduled, ...fired].map(({ key, title, target, fired: f, when }) => ({ key, title, target, fired: f, when }));
}
