// The debrief's intents: the timeline for the host and the projector, and the replay and "what if" the host
// drives (server/replay/studios.ts). The schemas and roles are checked before these run (dispatch.ts).
import type { IntentName } from '../../../shared/protocol/intents.js';
import { refuse, roomOf, type Handler, type IntentContext } from './apply.js';

type Handlers<K extends IntentName> = { [N in K]: Handler<N> };

type DebriefIntent =
  | 'sync:debrief'
  | 'sync:class-predictions'
  | 'host:replay-open'
  | 'host:replay-play'
  | 'host:replay-pause'
  | 'host:replay-speed'
  | 'host:replay-seek'
  | 'host:replay-close'
  | 'host:what-if'
  | 'host:what-if-clear';

type Outcome<T extends object> = ({ ok: true } & T) | { ok: false; code: Parameters<typeof refuse>[0] };

/** A studio's answer as an ack: a refusal code gets its message. */
const answer = <T extends object>(result: Outcome<T>) => (result.ok ? result : refuse(result.code));

/**
 * Runs `act` on the socket's game, turning a refusal code into an ack. What works in slices (a replay's move, a
 * "what if") answers with a promise: the ack comes when it is done.
 */
function withRoom<T extends object>(ctx: IntentContext, act: (room: NonNullable<ReturnType<typeof roomOf>>) => Outcome<T> | Promise<Outcome<T>>) {
  const room = roomOf(ctx);
  if (!room) return refuse('game/unknown');
  const result = act(room);
  return result instanceof Promise ? result.then(answer) : answer(result);
}

export const DEBRIEF_HANDLERS: Handlers<DebriefIntent> = {
  'sync:debrief': (ctx) => withRoom(ctx, (room) => ctx.studios.debrief(room, ctx.data.role === 'screen' ? 'screen' : 'host')),
  'sync:class-predictions': (ctx) => withRoom(ctx, (room) => ctx.studios.classPredictions(room)),
  'host:replay-open': (ctx) => withRoom(ctx, (room) => ctx.studios.open(room)),
  'host:replay-play': (ctx) => withRoom(ctx, (room) => ctx.studios.play(room)),
  'host:replay-pause': (ctx) => withRoom(ctx, (room) => ctx.studios.pause(room)),
  'host:replay-speed': (ctx, { speed }) => withRoom(ctx, (room) => ctx.studios.speed(room, speed)),
  'host:replay-seek': (ctx, { version }) => withRoom(ctx, (room) => ctx.studios.seek(room, version)),
  'host:replay-close': (ctx) => withRoom(ctx, (room) => ctx.studios.close(room)),
  'host:what-if': (ctx, { version, replacement }) => withRoom(ctx, (room) => ctx.studios.whatIf(room, version, replacement)),
  'host:what-if-clear': (ctx) => withRoom(ctx, (room) => ctx.studios.clearWhatIf(room)),
};
