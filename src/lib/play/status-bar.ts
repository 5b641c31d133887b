// What the team phone's sticky status bar reads (issue 10, "the status is always in view"): the stage, the
// latest run's state, its confidence against the target (Part 2), the newest crisis — and which of their
// changes deserve a buzz and a toast (a crisis striking, a decision falling due). Pure, so it is tested.
// Relative imports only: unit tests load this file without Vite.
import type { TeamView } from '../../../shared/protocol/views.js';
import * as fmt from '../format.js';
import { phaseLabel } from '../phase.js';
import { stageLabel } from '../parts/part2/stages.js';

export type StatusTone = 'info' | 'ok' | 'warn' | 'danger';

export interface TeamStatus {
  /** Where the team is: "Part 2 · 25 % live", or the phase as the player page names it. */
  stage: string;
  /** The latest run's state (Part 2's live fleet only). */
  state: { text: string; tone: StatusTone } | null;
  /** Confidence against the run's target (Part 2's live fleet, once a run exists). */
  confidence: { text: string; target: string; reached: boolean } | null;
  /** The newest crisis that struck the team; `key` tells a new one from the one already shown. */
  crisis: { title: string; key: string } | null;
  /** A key per decision that fell due (run number and stage), null while none is due. */
  decisionKey: string | null;
  /** The host has given its warning before the reveal, during play. */
  warned: boolean;
  /** The team has locked its prediction in the part in play: the warning asks nothing more of it. */
  locked: boolean;
}

type StatusView = Pick<TeamView, 'phase' | 'step' | 'crises' | 'part2'> & {
  warning?: TeamView['warning'];
  part1?: TeamView['part1'];
  part3?: TeamView['part3'];
};

/** Whether the team has locked its prediction in the part whose phase it is (false outside a part). */
function lockedInPart(view: StatusView): boolean {
  const parts = { part1: view.part1, part2: view.part2, part3: view.part3 };
  const part = Object.hasOwn(parts, view.phase) ? parts[view.phase as keyof typeof parts] : null;
  return (part?.prediction ?? null) !== null;
}

const STATE_WORDS: Record<string, { text: string; tone: StatusTone }> = {
  running: { text: 'Running', tone: 'info' },
  holding: { text: 'Decision due', tone: 'warn' },
  'rolling-back': { text: 'Rolling back', tone: 'danger' },
  'rolled-back': { text: 'Rolled back', tone: 'info' },
  shipped: { text: 'Shipped', tone: 'ok' },
};

export function teamStatus(view: StatusView): TeamStatus {
  const newest = view.crises.toSorted((a, b) => b.at - a.at)[0] ?? null;
  const crisis = newest ? { title: newest.title, key: `${newest.id}@${newest.at}` } : null;
  const phase = phaseLabel(view.phase, view.step, 'player');
  const warned = view.step === 'play' && (view.warning ?? null) !== null;
  const locked = lockedInPart(view);
  const fleet = view.phase === 'part2' ? view.part2?.fleet : null;
  if (!fleet) return { stage: phase, state: null, confidence: null, crisis, decisionKey: null, warned, locked };
  const run = fleet.runs.at(-1) ?? null;
  if (!run) return { stage: `Part 2 · ${stageLabel(null)}`, state: null, confidence: null, crisis, decisionKey: null, warned, locked };
  const reached = run.confidence >= run.config.confidence;
  return {
    stage: `Part 2 · Run ${run.number} · ${stageLabel(run.stage)}`,
    state: STATE_WORDS[run.outcome] ?? null,
    confidence: { text: fmt.confidence(run.confidence), target: fmt.targetPercent(run.config.confidence), reached },
    crisis,
    decisionKey: run.outcome === 'holding' ? `${run.number}@${run.stage}` : null,
    warned,
    locked,
  };
}

export const WARNING_TOAST = 'The host reveals in 30 seconds: lock your prediction now.';
/** The warning as a team that has locked reads it: nothing left to rush, so no buzz either. */
export const WARNING_LOCKED_TOAST = 'The host reveals in 30 seconds — your team has locked.';
export const DECISION_TOAST = 'Decision due: promote, extend or roll back.';

/** A toast, and whether it asks the team to act now (then the phone buzzes too). */
export interface StatusAlert {
  text: string;
  urgent: boolean;
}

/** The toasts a change of status calls for: a new crisis, a decision newly due, the host's warning (urgent only
 *  for a team that has not locked yet). None on the first view. */
export function statusAlerts(before: TeamStatus | null, after: TeamStatus): StatusAlert[] {
  if (before === null) return [];
  const alerts: StatusAlert[] = [];
  if (after.crisis && after.crisis.key !== before.crisis?.key) alerts.push({ text: `Crisis: ${after.crisis.title}`, urgent: true });
  if (after.decisionKey && after.decisionKey !== before.decisionKey) alerts.push({ text: DECISION_TOAST, urgent: true });
  if (after.warned && !before.warned) {
    alerts.push(after.locked ? { text: WARNING_LOCKED_TOAST, urgent: false } : { text: WARNING_TOAST, urgent: true });
  }
  return alerts;
}

/** Whether the cause of a toast still holds in `status`: a toast is taken down as soon as its cause is gone
 *  (the decision taken, the warning over, a newer crisis shown in its place). */
export function toastHolds(text: string, shownWith: TeamStatus, status: TeamStatus): boolean {
  if (text === DECISION_TOAST) return status.decisionKey !== null && status.decisionKey === shownWith.decisionKey;
  // The urgent warning goes once the team locks: its request is met.
  if (text === WARNING_TOAST) return status.warned && !status.locked;
  if (text === WARNING_LOCKED_TOAST) return status.warned;
  return status.crisis?.key === shownWith.crisis?.key;
}
