// Who speaks for each track when a crisis strikes (GAME.md §2).
import type { TrackId } from '../tracks.js';

export const STAKEHOLDER: Readonly<Record<TrackId, string>> = {
  'cloud-titan': 'CFO',
  'edge-guardian': 'Safety Lead',
  'mobile-nomad': 'UX Designer',
  'tiny-pioneer': 'Hardware Lead',
};

/** The speaker of a banner: the track's stakeholder, or every stakeholder at once. */
export function speaker(track: TrackId | null): string {
  return track === null ? 'Every stakeholder' : STAKEHOLDER[track];
}
