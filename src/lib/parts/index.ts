// The parts the pages can show, by number. The consoles look a part's face up here and name no part
// themselves: a part plugs in as a folder src/lib/parts/partN/ (play, host, screen and an index.ts) plus one
// line below. A part missing here gets the consoles' fallback (the leaderboard).
import type { HostView, Phase } from '$shared/protocol/views.js';
import { partOf } from '$lib/phase.js';
import type { PartFaces } from './faces.js';
import { part1 } from './part1/index.js';
import { part2 } from './part2/index.js';
import { part3 } from './part3/index.js';

export type { PartFaces };

export const PARTS: Readonly<Partial<Record<1 | 2 | 3, PartFaces>>> = {
  1: part1,
  2: part2,
  3: part3,
};

/** The faces of the part the game is in, or null outside the parts (or for a part the pages cannot show). */
export function facesOf(phase: Phase): PartFaces | null {
  const part = partOf(phase);
  return part === null ? null : (PARTS[part] ?? null);
}

/** The parts behind the host's view other than the current one, newest first, with their numbers. */
export function earlierParts(view: HostView): { part: number; faces: PartFaces }[] {
  const current = partOf(view.phase);
  return Object.entries(PARTS)
    .map(([part, faces]) => ({ part: Number(part), faces: faces! }))
    .filter(({ part, faces }) => part !== current && faces.inHostView(view))
    .sort((a, b) => b.part - a.part);
}
