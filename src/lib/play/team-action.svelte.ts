// A team intent as a button sees it: busy while the ack is due, and the server's refusal kept for the page to
// show. Refusals are data (STYLE.md): a player always learns why nothing happened.
import type { IntentPayload } from '$shared/protocol/intents.js';
import type { ErrorCode } from '$shared/protocol/errors.js';
import type { GameConnection } from '$lib/connection.svelte.js';

export type TeamIntent =
  | 'team:lock-prediction'
  | 'team:reflect'
  | 'team:start-run'
  | 'team:extend'
  | 'team:promote'
  | 'team:rollback';

export interface ShownRefusal {
  code: ErrorCode;
  message: string;
}

export class TeamAction<K extends TeamIntent> {
  pending = $state(false);
  refusal: ShownRefusal | null = $state(null);
  readonly #connection: GameConnection<'player'>;
  readonly #name: K;

  constructor(connection: GameConnection<'player'>, name: K) {
    this.#connection = connection;
    this.#name = name;
  }

  /** Sends the intent once (a second press while the ack is due is ignored); true when accepted. */
  async send(payload: IntentPayload<K>): Promise<boolean> {
    if (this.pending) return false;
    this.pending = true;
    this.refusal = null;
    try {
      const ack = await this.#connection.send(this.#name, payload);
      if (!ack.ok) this.refusal = { code: ack.code, message: ack.message };
      return ack.ok;
    } finally {
      this.pending = false;
    }
  }
}
