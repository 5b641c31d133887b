// The host console's one way to act: send an intent, and keep the server's refusal, if any, for the alert
// region. Every control on the console goes through here, so no refusal is ever silently dropped.
import { getContext, setContext } from 'svelte';
import type { IntentName, IntentPayload } from '$shared/protocol/intents.js';
import type { GameConnection } from '$lib/connection.svelte.js';

const KEY = Symbol('fleet-ops-host-actions');

export class HostActions {
  /** The last refusal, shown until the next success or until dismissed. */
  refusal: string | null = $state(null);
  /** How many intents await their ack (controls show they are busy). */
  pending = $state(0);
  readonly #connection: GameConnection<'host'>;

  constructor(connection: GameConnection<'host'>) {
    this.#connection = connection;
  }

  /** Sends a host intent; true when the server accepted it. */
  async run<K extends IntentName>(name: K, payload: IntentPayload<K>): Promise<boolean> {
    this.pending += 1;
    try {
      const ack = await this.#connection.send(name, payload);
      this.refusal = ack.ok ? null : ack.message;
      return ack.ok;
    } finally {
      this.pending -= 1;
    }
  }

  dismiss(): void {
    this.refusal = null;
  }
}

export function provideHostActions(connection: GameConnection<'host'>): HostActions {
  return setContext(KEY, new HostActions(connection));
}

export function getHostActions(): HostActions {
  const actions = getContext<HostActions | undefined>(KEY);
  if (!actions) throw new Error('getHostActions() needs the host console as an ancestor');
  return actions;
}
