// The debrief's data for a host console or a projector: asked of the server (`sync:debrief`) whenever the game
// reaches a step where the timeline is open, and again at each later step (the log has grown). The server walks
// the log; a page never rebuilds a timeline itself. The first answer of a game loaded from the store takes a
// second or more (the server walks the whole log, in slices): `waiting` says the page is waiting for it.
import { timelineOpenAt, type Debrief } from '$shared/protocol/debrief.js';
import type { Phase, Step } from '$shared/protocol/views.js';
import type { GameConnection } from '$lib/connection.svelte.js';

export class DebriefLoader {
  debrief: Debrief | null = $state.raw(null);
  /** Asked for and not answered yet. */
  waiting = $state(false);
  #asked: string | null = null;
  readonly #connection: GameConnection<'host'> | GameConnection<'screen'>;

  constructor(connection: GameConnection<'host'> | GameConnection<'screen'>) {
    this.#connection = connection;
  }

  /** Asks for the debrief when the game moved to a new step where it is open (call from an effect). */
  follow(phase: Phase | undefined, step: Step | null | undefined, online: boolean): void {
    if (!phase || !online || !timelineOpenAt(phase, step ?? null)) return;
    const key = `${phase}:${step}`;
    if (this.#asked === key) return;
    this.#asked = key;
    this.waiting = true;
    void this.#connection.send('sync:debrief', {}).then((ack) => {
      this.waiting = false;
      if (ack.ok) this.debrief = ack.debrief;
      // Refused (a race with the flow, a dropped answer): ask again at the next step or reconnect.
      else this.#asked = null;
    });
  }
}
