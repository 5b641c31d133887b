// Team intents that the server shapes before they become actions, or follows up with its own judgement.
import { proposalOf } from '../../../shared/sim/part-actions.js';
import { applyIntent, playerActor, roomOf, type Handler } from './apply.js';

export const TEAM_HANDLERS: { 'team:reflect': Handler<'team:reflect'>; 'team:agree': Handler<'team:agree'> } = {
  /** A reflection is kept without the white space around it. */
  'team:reflect': (ctx, { part, choice, text, rid }) =>
    applyIntent(ctx, 'team:reflect', rid, { type: 'team/reflect', by: playerActor(ctx), part, choice, text: text.trim() }),
  /**
   * An agreement; when it makes every online member of the team agree, the server locks the proposal, as the
   * last member who agreed. Presence is known only here (it is not game state), so the core stays pure: both
   * the agreement and the lock are logged actions, and a replay needs no presence.
   */
  'team:agree': (ctx, { part, value, rid }) => {
    const by = playerActor(ctx);
    const ack = applyIntent(ctx, 'team:agree', rid, { type: 'team/agree', by, part, value });
    const room = roomOf(ctx);
    if (!ack.ok || !room) return ack;
    const state = room.state;
    const teamId = state.players.find((p) => p.id === by.playerId)?.teamId ?? null;
    const proposal = teamId === null ? null : proposalOf(state, teamId, part);
    if (!proposal || proposal.value !== value) return ack;
    const online = room.presence().online;
    const waiting = state.players.filter((p) => p.teamId === teamId && online.has(p.id) && !proposal.agreed.includes(p.id));
    // A refusal here (locked meanwhile, out of play) leaves the agreement standing: nothing to undo.
    if (waiting.length === 0) room.apply({ type: 'team/lock-prediction', by, part, value: proposal.value });
    return ack;
  },
};
