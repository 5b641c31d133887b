// The host aims a crisis from the catalog (GAME.md §7): at all teams, a track or a team, now or at a simulated
// hour of the running part's clock. Only during the play step of a part the crisis belongs to.
import type { ActionOf } from '../actions.js';
import { partInPlay } from '../flow.js';
import type { GameState, RuleResult } from '../state.js';
import { crisisById } from './catalog.js';
import { strike } from './fire.js';
import { teamHourOf } from '../parts/part.js';

export function aimCrisis(state: GameState, action: ActionOf<'host/crisis'>): RuleResult {
  const crisis = crisisById(action.crisis);
  const playing = partInPlay(state);
  if (!playing?.part.clock || !crisis.parts.includes(playing.part.id)) return { ok: false, code: 'phase/closed' };
  const { part, slice } = playing;
  const { target } = action;
  if (!crisis.targets.includes(target.kind)) return { ok: false, code: 'intent/invalid' };
  if (target.kind === 'team' && !state.teams.some((t) => t.id === target.teamId)) return { ok: false, code: 'team/unknown' };
  const hours = part.clock!.hours(slice);
  const inHours = action.inHours ?? null;
  const record = { id: crisis.id, target, part: part.id, at: hours + (inHours ?? 0), fired: false };
  // Scheduled on the part's clock; it strikes each team at the team's own hour.
  if (inHours === null || inHours === 0) return { ok: true, state: strike(state, record, hours, teamHourOf(part, slice)) };
  return { ok: true, state: { ...state, crises: [...state.crises, record] } };
}
