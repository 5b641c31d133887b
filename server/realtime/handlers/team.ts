// Team intents that the server shapes before they become actions.
import { applyIntent, playerActor, type Handler } from './apply.js';

export const TEAM_HANDLERS: { 'team:reflect': Handler<'team:reflect'> } = {
  /** A reflection is kept without the white space around it. */
  'team:reflect': (ctx, { part, choice, text, rid }) =>
    applyIntent(ctx, 'team:reflect', rid, { type: 'team/reflect', by: playerActor(ctx), part, choice, text: text.trim() }),
};
