// The instructor's talking points, per part, computed from the game: questions to ask a named team about what it
// predicted or did. A point that names a hidden truth is marked so the presenter-safe console keeps it back.
import type { TalkingPoint, TimelineEntry } from '../../protocol/debrief.js';
import { TRACK_HETEROGENEITY } from '../parts/part1/heterogeneity.js';
import { part1 } from '../parts/part1/index.js';
import { truthForTrack } from '../parts/part1/truth.js';
import { sliceOf } from '../parts/part.js';
import type { GameState } from '../state.js';
import { TRACKS } from '../tracks.js';
import { part2TalkingPoints } from './part2-reading.js';
import { part3TalkingPoints } from './part3-reading.js';

/** The exact zero-failure answer and the two approximations students reach for (GAME.md §5). */
const N_STAR = 2995;
const APPROXIMATIONS: Readonly<Record<number, string>> = { 3000: 'the rule of three', 2996: 'the Poisson approximation' };

function part1Points(state: GameState, name: (teamId: string) => string): TalkingPoint[] {
  const slice = sliceOf(state.parts, part1);
  if (!slice) return [];
  const hidden = !slice.revealed;
  const tracks = [...new Set(state.teams.map((t) => t.track))];
  const points: TalkingPoint[] = [];
  const lowest = tracks
    .map((track) => ({ track, nStar: truthForTrack(state.settings, track) }))
    .toSorted((a, b) => a.nStar - b.nStar)[0];
  if (lowest) {
    points.push({
      part: 1,
      text: `Ask: why did ${TRACKS[lowest.track].name}'s N* fall to ${lowest.nStar}? (h = ${TRACK_HETEROGENEITY[lowest.track]}: the 0.5·h·N² dependency term)`,
      hidden,
    });
  }
  const misses = state.teams
    .flatMap((team) => {
      const predicted = slice.teams[team.id]?.prediction;
      if (typeof predicted !== 'number') return [];
      const actual = truthForTrack(state.settings, team.track);
      return [{ team, predicted, actual, off: Math.abs(Math.log10(predicted / actual)) }];
    })
    .toSorted((a, b) => b.off - a.off);
  const worst = misses[0];
  if (worst && worst.off > Math.log10(1.3)) {
    points.push({
      part: 1,
      text: `Ask ${name(worst.team.id)}: you predicted ${worst.predicted} against an N* of ${worst.actual}. Which term did you leave out?`,
      hidden,
    });
  }
  return points;
}

function part2LockPoints(state: GameState, name: (teamId: string) => string): TalkingPoint[] {
  const slice = state.parts['part2'];
  if (!slice) return [];
  return state.teams.flatMap((team) => {
    const predicted = slice.teams[team.id]?.prediction;
    const approximation = typeof predicted === 'number' ? APPROXIMATIONS[predicted] : undefined;
    return approximation
      ? [{ part: 2, text: `${name(team.id)} locked ${predicted}: ${approximation}. Ask why the exact answer is ${N_STAR}.`, hidden: !slice.revealed }]
      : [];
  });
}

function crisisPoints(entries: readonly TimelineEntry[], name: (teamId: string) => string): TalkingPoint[] {
  const struck = new Map<string, Set<string>>();
  for (const e of entries) if (e.kind === 'crisis') struck.set(e.label, (struck.get(e.label) ?? new Set()).add(e.teamId));
  return [...struck].map(([title, teams]) => ({
    part: null,
    text: `${title} struck ${[...teams].map(name).join(', ')}: ask each what they saw first.`,
    hidden: false,
  }));
}

export function talkingPoints(state: GameState, entries: readonly TimelineEntry[]): TalkingPoint[] {
  const name = (teamId: string) => state.teams.find((t) => t.id === teamId)?.name ?? teamId;
  return [
    ...part1Points(state, name),
    ...part2LockPoints(state, name),
    ...part2TalkingPoints(state, name),
    ...part3TalkingPoints(state, name),
    ...crisisPoints(entries, name),
  ];
}
