// The one way a console sends an intent: busy while the ack is due, and the server's refusal kept for the page
// to show. Refusals are data (STYLE.md): nobody is left wondering why nothing happened.
import { getContext, setContext } from 'svelte';
import type { ErrorCode } from '$shared/protocol/errors.js';
import type { IntentName, IntentPayload } from '$shared/protocol/intents.js';
import type { GameConnection } from '$lib/connection.svelte.js';
import { refusalStands, type RefusalContext } from '$lib/refusal.js';

export interface ShownRefusal {
  code: ErrorCode;
  message: string;
}

export interface IntentSenderOptions {
  /**
   * Ignore a press while an ack is due (a double tap on "Promote" must not skip a stage, a lock is sent once).
   * Without it, intents overlap and `pending` counts them (the host's controls are independent).
   */
  oneAtATime?: boolean;
}

/** Sends the intents a console allows, K (e.g. the team's or the host's). */
export class IntentSender<K extends IntentName = IntentName> {
  /** How many intents await their ack. */
  pending = $state(0);
  #shown: { refusal: ShownRefusal; then: RefusalContext } | null = $state(null);
  readonly #connection: GameConnection<'host'> | GameConnection<'player'>;
  readonly #oneAtATime: boolean;

  constructor(connection: GameConnection<'host'> | GameConnection<'player'>, options: IntentSenderOptions = {}) {
    this.#connection = connection;
    this.#oneAtATime = options.oneAtATime ?? false;
  }

  /** The last refusal, shown until the next send, a dismissal, or until its cause is gone (refusalStands). */
  get refusal(): ShownRefusal | null {
    const shown = this.#shown;
    if (!shown) return null;
    return refusalStands(shown.refusal.code, shown.then, this.#context()) ? shown.refusal : null;
  }

  set refusal(refusal: ShownRefusal | null) {
    this.#shown = refusal ? { refusal, then: this.#context() ?? { version: -1, phase: null, step: null, paused: false, hello: null } } : null;
  }

  #context(): RefusalContext | null {
    const view = this.#connection.view;
    const hello = this.#connection.hello;
    return view ? { version: view.version, phase: view.phase, step: view.step, paused: view.paused, hello } : null;
  }

  /** True while an ack is due: controls show they are busy. */
  get busy(): boolean {
    return this.pending > 0;
  }

  /** Sends one intent; true when the server accepted it (false when refused or ignored as a double press). */
  async send<N extends K>(name: N, payload: IntentPayload<N>): Promise<boolean> {
    if (this.#oneAtATime && this.pending > 0) return false;
    this.pending += 1;
    this.refusal = null;
    try {
      const ack = await this.#connection.send(name, payload);
      if (!ack.ok) this.refusal = { code: ack.code, message: ack.message };
      return ack.ok;
    } finally {
      this.pending -= 1;
    }
  }

  dismiss(): void {
    this.refusal = null;
  }
}

export type HostIntent = Extract<IntentName, `host:${string}`>;
export type TeamIntent = Extract<IntentName, `team:${string}`>;

const HOST_KEY = Symbol('fleet-ops-host-intents');

/** The host console shares one sender, so the refusal toast shows what any of its controls was refused. */
export function provideHostIntents(connection: GameConnection<'host'>): IntentSender<HostIntent> {
  return setContext(HOST_KEY, new IntentSender<HostIntent>(connection));
}

export function getHostIntents(): IntentSender<HostIntent> {
  const sender = getContext<IntentSender<HostIntent> | undefined>(HOST_KEY);
  if (!sender) throw new Error('getHostIntents() needs the host console as an ancestor');
  return sender;
}
