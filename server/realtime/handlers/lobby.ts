// Intents that need the server's own judgement before they become actions: creating a game, joining one
// (seat tokens, nickname checks), peeking at it, a snapshot, and renaming a team.
import { NICKNAME_MAX, STUDENT_ID_MAX, TEAM_NAME_MAX, normalizeDisplayName } from '../../../shared/protocol/limits.js';
import type { IntentName } from '../../../shared/protocol/intents.js';
import { checkName } from '../../names.js';
import { hashToken, newToken } from '../../tokens.js';
import { HOST, applyIntent, refuse, roomOf, type Handler } from './apply.js';

type Handlers<K extends IntentName> = { [N in K]: Handler<N> };

const TOO_MANY_JOINS = 'Many players are joining from your network right now: wait a few seconds and press Join again.';
const LOOKALIKE = 'That nickname looks just like one already in this game. Pick another one.';
const STALE_LINK = 'That link does not open this game: check that the whole link was copied, or ask the host for a new one.';
const TOO_MANY_CREATES = 'Too many games were created from your network in the last minutes: wait a minute and try again.';

export const LOBBY_HANDLERS: Handlers<'game:create' | 'game:recover' | 'game:join' | 'game:peek' | 'sync:snapshot' | 'host:rename-team' | 'host:new-cohost-link'> = {
  'game:create': (ctx, input) => {
    if (!ctx.budgets.creates.take(ctx.address, Date.now())) return refuse('rate/limited', TOO_MANY_CREATES);
    const created = ctx.rooms.create(input, new Date(ctx.clock()));
    if (!created) return refuse('game/capacity');
    const { room, hostToken, recoveryToken, cohostToken } = created;
    return { ok: true, code: room.code, hostToken, recoveryToken, cohostToken };
  },

  'game:recover': (ctx, input) => {
    // Secrets are 256 bits: the join budget is only there to keep a flood of guesses cheap to refuse.
    if (!ctx.budgets.joins.take(ctx.address, Date.now())) return refuse('rate/limited', TOO_MANY_JOINS);
    // A finished game's link still opens its console (its debrief), after a restart too: the answer comes once
    // the game is loaded (in slices, Rooms.find).
    return ctx.rooms.find(input.code).then((found) => {
      if (!found.ok) return refuse(found.code);
      const { room } = found;
      const link = room.linkOf(hashToken(input.secret));
      if (!link) return refuse('auth/invalid-token', STALE_LINK);
      const token = newToken();
      room.addHostKey({ hash: hashToken(token), role: link.role, kind: 'session' });
      return { ok: true as const, code: room.code, token, role: link.role };
    });
  },

  'host:new-cohost-link': (ctx) => {
    const room = roomOf(ctx);
    if (!room) return refuse('game/unknown');
    const cohostToken = newToken();
    room.replaceCohostLink(hashToken(cohostToken));
    return { ok: true, cohostToken };
  },

  'game:join': (ctx, input) => {
    // A finished game takes no one, not even a seat retried with its token: its players get back in through
    // their seat (the join form's "Rejoin" link). Checked here and not in the rules (shared/sim), so that a
    // stored log holding such a late join still replays as it was played.
    const found = ctx.rooms.forGuest(input.code);
    if (!found.ok) return refuse(found.code);
    const { room } = found;
    const tokenHash = hashToken(input.seatToken);
    // A join retried with the same seat token (its ack was lost) finds the seat it already made.
    const seated = room.playerByTokenHash(tokenHash);
    if (seated) return seated.kicked ? refuse('auth/kicked') : { ok: true, code: room.code, playerId: seated.id };
    // Only a join that would make a new seat spends the address's join budget; a retry above is free.
    if (!ctx.budgets.joins.take(ctx.address, Date.now())) return refuse('rate/limited', TOO_MANY_JOINS);
    const nickname = checkName(input.nickname, NICKNAME_MAX, { invalid: 'nickname/invalid', inappropriate: 'nickname/inappropriate' });
    if (!nickname.ok) return refuse(nickname.code);
    if (room.nicknameLooksTaken(nickname.name)) return refuse('nickname/taken', LOOKALIKE);
    const studentId = normalizeDisplayName(input.studentId ?? '').slice(0, STUDENT_ID_MAX) || null;
    const result = room.apply({ type: 'player/join', by: { role: 'guest' }, nickname: nickname.name, tokenHash, studentId });
    if (!result.ok) return refuse(result.code);
    const joined = room.playerByTokenHash(tokenHash)!;
    return { ok: true, code: room.code, playerId: joined.id };
  },

  'game:peek': (ctx, input) => {
    const found = ctx.rooms.forGuest(input.code);
    if (!found.ok) return refuse(found.code);
    const { room } = found;
    return { ok: true, askStudentId: room.state.settings.askStudentId, roomLocked: room.state.roomLocked };
  },

  'sync:snapshot': (ctx) => {
    const room = roomOf(ctx);
    const snapshot = room && ctx.broadcaster.snapshotFor(room, ctx.data, { current: true });
    return snapshot ? { ok: true, ...snapshot } : refuse('game/unknown');
  },

  'host:rename-team': (ctx, { teamId, name, rid }) => {
    const checked = checkName(name, TEAM_NAME_MAX, { invalid: 'team/name-invalid', inappropriate: 'team/name-inappropriate' });
    if (!checked.ok) return refuse(checked.code);
    return applyIntent(ctx, 'host:rename-team', rid, { type: 'host/rename-team', by: HOST, teamId, name: checked.name });
  },
};
