// Agree before you lock: who on the team stands behind a value, as the lock form reads it. Pure, so tests can
// check the counting; the server judges the same rule (every online member agrees) when it locks by itself.
// Relative imports (not `$shared`): unit tests and `tsc -p tsconfig.node.json` load this file without Vite.
import type { Member, ProposalView } from '../../../shared/protocol/views.js';

export type LockValue = number | string;

export interface Agreement {
  /** Online members who stand behind the value (the one who locks counts: locking is agreeing). */
  agree: number;
  /** Online members, the one who locks included. */
  online: number;
  /** True when every online member stands behind it: a plain press locks; otherwise a press-and-hold. */
  everyone: boolean;
}

/** How many online members agree with locking `value`, when `selfId` locks it. */
export function agreementFor(value: LockValue | null, proposal: ProposalView | null, members: readonly Member[], selfId: string | null): Agreement {
  const online = members.filter((m) => m.online || m.id === selfId);
  const behind = new Set<string>(selfId ? [selfId] : []);
  if (proposal && value !== null && proposal.value === value) for (const m of proposal.agreed) behind.add(m.id);
  const agree = online.filter((m) => behind.has(m.id)).length;
  return { agree, online: online.length, everyone: agree === online.length };
}

/** The note shown when a teammate's lock replaced what this member was entering, or null when nothing was lost. */
export function supersededNote(draft: LockValue | null, locked: LockValue, by: string | null, self: string | null, show: (v: LockValue) => string): string | null {
  if (draft === null || draft === locked || by === null || by === self) return null;
  const verb = typeof draft === 'number' ? 'typing' : 'picking';
  return `${by} locked ${show(locked)} while you were ${verb} ${show(draft)}.`;
}
