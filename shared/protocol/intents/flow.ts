// Intents of the session flow (GAME.md §3): the host moves the game on, pauses it and extends a part's timer.
import { z } from 'zod';
import { RidSchema, type IntentTable } from '../common.js';
import { EXTEND_MINUTES_MAX } from '../limits.js';

const Bare = z.strictObject({ rid: RidSchema });

export const FLOW_INTENTS = {
  /** Lobby → briefing. */
  'host:start': { roles: ['host'], schema: Bare },
  /** The next step: briefing → part, play → reveal → reflect → next part or debrief. */
  'host:next': { roles: ['host'], schema: Bare },
  /** Play → reveal (the same as Next during play, named for the button). */
  'host:reveal': { roles: ['host'], schema: Bare },
  /** Play: a 30-second warning before the reveal, counted down on every phone and the projector. */
  'host:warn': { roles: ['host'], schema: Bare },
  'host:pause': { roles: ['host'], schema: Bare },
  'host:resume': { roles: ['host'], schema: Bare },
  'host:extend-timer': {
    roles: ['host'],
    schema: z.strictObject({ minutes: z.int().min(1).max(EXTEND_MINUTES_MAX), rid: RidSchema }),
  },
} as const satisfies IntentTable;
