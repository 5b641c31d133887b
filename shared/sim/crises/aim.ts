// The host aims a crisis from the catalog (GAME.md §7): at all teams, a track or a team, now or at a simulated
// hour of the running part's clock. Only during the play step of a part the crisis belongs to.
import type { ErrorCode } from '../../protocol/errors.js';
import type { ActionOf } from '../actions.js';
import { partSlice } from '../parts/context.js';
import { partOfPhase } from '../parts/registry.js';
import type { GameState } from '../state.js';
import { crisisById } from './catalog.js';
import { strike } from './fire.js';

export function aimCrisis(state: GameState, action: ActionOf<'host/crisis'>): { ok: true; state: GameState } | { ok: false; code: ErrorCode } {
  const crisis = crisisById(action.crisis);
  const part = partOfPhase(state.phase);
  const slice = part && partSlice(state, part);
  if (!part?.clock || !slice || state.step !== 'play' || !crisis.parts.includes(part.id)) {
    return { ok: false, code: 'phase/closed' };
  }
  const { target } = action;
  if (!crisis.targets.includes(target.kind)) return { ok: false, code: 'intent/invalid' };
  if (target.kind === 'team' && !state.teams.some((t) => t.id === target.teamId)) return { ok: false, code: 'team/unknown' };
  const hours = part.clock.hours(slice);
  const inHours = action.inHours ?? null;
  const record = { id: crisis.id, target, part: part.id, at: hours + (inHours ?? 0), fired: false };
  if (inHours === null || inHours === 0) return { ok: true, state: strike(state, record, hours) };
  return { ok: true, state: { ...state, crises: [...state.crises, record] } };
}
