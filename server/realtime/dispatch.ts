// The one path every inbound message takes: rate limit → zod → role check → handler, and always an ack.
// Nothing a client sends can throw past this function: a bad message gets an error ack and changes nothing.
import type { Logger } from 'pino';
import { INTENTS, isIntentName, maySend, type IntentName } from '../../shared/protocol/intents.js';
import { StoreError } from '../store/store.js';
import { handlerOf, refuse, type IntentContext } from './handlers/index.js';
import { costOf, type TokenBucket } from './rate-limit.js';
import type { GameSocket } from './types.js';

type AnyAck = (result: unknown) => void;

function splitArgs(args: unknown[]): { payload: unknown; ack: AnyAck } {
  const last = args.at(-1);
  // A client may emit without an ack callback: answer into the void rather than crash.
  if (typeof last === 'function') return { payload: args.length > 1 ? args[0] : undefined, ack: last as AnyAck };
  return { payload: args[0], ack: () => {} };
}

/** A write the store could not make: our StoreError, or SQLite's own (a full disk, an I/O error) if one slips by. */
function isStoreFailure(error: unknown): boolean {
  if (error instanceof StoreError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(FULL|IOERR|CANTOPEN|READONLY|BUSY|LOCKED|CORRUPT|NOTADB)/.test(code);
}

function summarize(issues: { path: PropertyKey[]; message: string }[]): string {
  const first = issues[0];
  if (!first) return 'That request was malformed.';
  const where = first.path.length > 0 ? first.path.map(String).join('.') : 'payload';
  return `That request was malformed (${where}: ${first.message}).`;
}

const BUSY_NETWORK = 'Your network is sending the server too many requests right now: try again in a few seconds.';

/** The socket's own budget, then its address's (weighed by what the message costs); a refusal or null. */
function overBudget(event: string, ctx: IntentContext, bucket: TokenBucket): ReturnType<typeof refuse> | null {
  const now = Date.now();
  if (!bucket.take(now)) return refuse('rate/limited');
  if (!ctx.budgets.messages.take(ctx.address, now, costOf(event))) return refuse('rate/limited', BUSY_NETWORK);
  return null;
}

function handle(name: IntentName, args: unknown[], ctx: IntentContext, bucket: TokenBucket, logger: Logger) {
  const { payload, ack } = splitArgs(args);
  const limited = overBudget(name, ctx, bucket);
  if (limited) return ack(limited);
  const intent = INTENTS[name];
  const parsed = intent.schema.safeParse(payload);
  if (!parsed.success) return ack({ ...refuse('intent/invalid'), message: summarize(parsed.error.issues) });
  if (!maySend(name, ctx.data.role)) return ack(refuse('auth/forbidden'));
  const failed = (error: unknown) => {
    logger.error({ err: error, intent: name, code: ctx.data.code }, 'intent failed');
    ack(refuse(isStoreFailure(error) ? 'store/failed' : 'server/error'));
  };
  try {
    const result = handlerOf(name)(ctx, parsed.data as Record<string, unknown>);
    if (result instanceof Promise) result.then(ack, failed);
    else ack(result);
  } catch (error) {
    failed(error);
  }
}

/** Registers every intent on a socket, plus an answer for events the protocol does not know. */
export function registerIntents(socket: GameSocket, ctx: IntentContext, bucket: TokenBucket, logger: Logger): void {
  for (const name of Object.keys(INTENTS) as IntentName[]) {
    // Socket.IO's typed `on` cannot express "any arguments"; the schema is the real type check.
    (socket as unknown as { on(event: string, fn: (...args: unknown[]) => void): void }).on(name, (...args) =>
      handle(name, args, ctx, bucket, logger),
    );
  }
  socket.onAny((event: string, ...args: unknown[]) => {
    if (isIntentName(event)) return;
    const { ack } = splitArgs(args);
    ack(overBudget(event, ctx, bucket) ?? refuse('intent/unknown'));
  });
}
