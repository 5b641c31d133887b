// What each intent does once its payload is valid and its sender's role may send it. Most intents translate
// one to one into the action of the same name ("host:lock-room" → "host/lock-room"), by the sender, stamped
// with the server's clock for the flow; the intents that need the server's own judgement have handlers in
// this folder, grouped by domain. The reducer has the last word on every rule.
import type { Ack, IntentName } from '../../../shared/protocol/intents.js';
import { FLOW_INTENTS } from '../../../shared/protocol/intents/flow.js';
import { ActionSchema } from '../../../shared/sim/actions.js';
import { HOST, applyIntent, playerActor, type IntentContext } from './apply.js';
import { LOBBY_HANDLERS } from './lobby.js';
import { DEBRIEF_HANDLERS } from './replay.js';
import { TEAM_HANDLERS } from './team.js';

export { refuse, type IntentContext } from './apply.js';

type AnyHandler = (ctx: IntentContext, input: Record<string, unknown>) => Ack<object>;

/** The one default: the intent's payload, without its request id, as the action of the same name. */
function translate(name: IntentName): AnyHandler {
  const type = name.replace(':', '/');
  const stamped = Object.hasOwn(FLOW_INTENTS, name);
  return (ctx, { rid, ...payload }) => {
    const by = name.startsWith('host:') ? HOST : playerActor(ctx);
    // Parsing the action too makes a drift between an intent and its action a loud error, never a bad log row.
    const action = ActionSchema.parse({ ...payload, type, by, ...(stamped ? { at: ctx.clock() } : {}) });
    return applyIntent(ctx, name, rid as string | undefined, action);
  };
}

const SPECIAL = { ...LOBBY_HANDLERS, ...TEAM_HANDLERS, ...DEBRIEF_HANDLERS } as Partial<Record<IntentName, AnyHandler>>;

/** The handler of an intent. */
export function handlerOf(name: IntentName): AnyHandler {
  return SPECIAL[name] ?? translate(name);
}
