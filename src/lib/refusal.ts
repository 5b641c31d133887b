// When a refusal shown on a page has lost its cause (pure, so tests can check it).
// Relative imports (not `$shared`): unit tests and `tsc -p tsconfig.node.json` load this file without Vite.
import type { ErrorCode } from '../../shared/protocol/errors.js';

/** Where the game stood when a refusal came: its cause may go away without anyone sending anything. */
export interface RefusalContext {
  version: number;
  phase: string | null;
  step: string | null;
  paused: boolean;
  /** The server's greeting of the current connection: a new one means the link came back. */
  hello: unknown;
}

/**
 * Whether a refusal still holds in the game as it is now: "paused" ends with the pause, "not in this phase"
 * with the phase or step, "no answer from the server" and "too many requests" once a newer view or a new
 * connection proves the link works. Other refusals stay until the next send or a dismissal.
 */
export function refusalStands(code: ErrorCode, then: RefusalContext, now: RefusalContext | null): boolean {
  if (!now) return true;
  switch (code) {
    case 'game/paused':
      return now.paused;
    case 'phase/closed':
      return now.phase === then.phase && now.step === then.step;
    case 'server/error':
    case 'rate/limited':
      return now.version <= then.version && now.hello === then.hello;
    default:
      return true;
  }
}
