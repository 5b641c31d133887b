// The class's predictions against the truth on a phone, asked of the server once the game reaches the debrief
// (`sync:class-predictions`). Not in the team's view: it no longer changes by then, and a view goes to every
// phone of a team at every change of the room (presence included), so 40 teams' table would travel hundreds of
// times for nothing. Asked once per page; again at the next reconnect only if the answer never came.
import type { PredictionTable } from '$shared/protocol/debrief.js';
import type { Phase } from '$shared/protocol/views.js';
import type { GameConnection } from '$lib/connection.svelte.js';

export class ClassPredictionsLoader {
  table: PredictionTable | null = $state.raw(null);
  /** The server refused (e.g. the game is not at the debrief on its side yet): retried at the next chance. */
  failed = $state(false);
  #asking = false;
  readonly #connection: GameConnection<'player'>;

  constructor(connection: GameConnection<'player'>) {
    this.#connection = connection;
  }

  /** Asks for the table at the debrief while online, unless it has it or a request is out (call from an effect). */
  follow(phase: Phase | undefined, online: boolean): void {
    if (phase !== 'debrief' || !online || this.table || this.#asking) return;
    this.#asking = true;
    void this.#connection.send('sync:class-predictions', {}).then((ack) => {
      this.#asking = false;
      if (ack.ok) this.table = ack.table;
      this.failed = !ack.ok;
    });
  }
}
