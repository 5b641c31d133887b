// The canary decisions of a team (start, extend, promote, roll back) as the run panel sees them: one at a time,
// busy while the ack is due, and the server's refusal kept to show (refusals are data, STYLE.md).
import type { IntentPayload } from '$shared/protocol/intents.js';
import type { GameConnection } from '$lib/connection.svelte.js';
import type { ShownRefusal } from '../team-action.svelte.js';

export type RunIntent = 'team:start-run' | 'team:extend' | 'team:promote' | 'team:rollback';

export class RunActions {
  pending = $state(false);
  refusal: ShownRefusal | null = $state(null);
  readonly #connection: GameConnection<'player'>;

  constructor(connection: GameConnection<'player'>) {
    this.#connection = connection;
  }

  /**
   * Sends one decision; a second press while an ack is due is ignored (a double tap on "Promote" must not skip
   * a stage). True when accepted.
   */
  async send<K extends RunIntent>(name: K, payload: IntentPayload<K>): Promise<boolean> {
    if (this.pending) return false;
    this.pending = true;
    this.refusal = null;
    try {
      const ack = await this.#connection.send(name, payload);
      if (!ack.ok) this.refusal = { code: ack.code, message: ack.message };
      return ack.ok;
    } finally {
      this.pending = false;
    }
  }
}
