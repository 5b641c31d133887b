// Error codes are `area/reason`. Every refusal the server sends carries one of these codes plus a message a
// person can act on; clients may show the message as is.

export const ERROR_MESSAGES = {
  'intent/invalid': 'That request was malformed.',
  'intent/unknown': 'The server does not know that request.',
  'auth/forbidden': 'Your role may not do that.',
  'auth/invalid-token': 'This browser no longer holds a valid seat for that game. Join again from the home page.',
  'auth/kicked': 'The host removed you from this game.',
  'auth/handshake': 'The connection request was malformed.',
  'protocol/version': 'This page is out of date. Reload it to continue.',
  'game/unknown': 'There is no game with that code. Check the code on the screen.',
  'game/ended': 'This game has ended and takes no new players. Ask your instructor for the code of the new game.',
  'game/unreadable': 'This finished game could not be opened on this server. Its exports may still work.',
  'game/room-locked': 'The host has locked this game: no new players can join.',
  'game/full': 'This game is full.',
  'game/capacity': 'The server is running as many games as it can. Ask the host to try again later.',
  'nickname/taken': 'That nickname is already taken in this game. Pick another one.',
  'nickname/invalid': 'A nickname needs 1 to 24 characters.',
  'nickname/inappropriate': 'Please pick a different nickname.',
  'team/unknown': 'There is no such team.',
  'team/name-invalid': 'A team name needs 1 to 24 characters.',
  'team/name-inappropriate': 'Please pick a different team name.',
  'player/unknown': 'There is no such player.',
  'player/kicked': 'That player was removed from the game.',
  'phase/closed': 'That is not possible in the current phase of the game.',
  'game/paused': 'The game is paused. Wait for the host to resume.',
  'lock/already-locked': 'Your team has already locked its prediction: it cannot change.',
  'lock/out-of-range': 'That prediction is outside the allowed range.',
  'proposal/none': 'There is no proposal to agree with: propose a value first.',
  'proposal/changed': 'The proposal changed before you agreed: look at the new value.',
  'lock/required': 'Lock your team’s prediction first: the instruments open after the lock.',
  'team/none': 'You are not seated in a team.',
  'timer/none': 'There is no timer running for this part.',
  'spotlight/no-reflection': 'That team has not reflected on that part yet.',
  'spotlight/not-a-choice': 'That part’s lock is a number, not a choice between options.',
  'spotlight/not-revealed': 'The teams’ locks stay private until the reveal.',
  'warning/running': 'A warning is already counting down: reveal when it runs out.',
  'canary/run-active': 'Your team already has a canary running: promote, extend or roll it back first.',
  'canary/run-limit': 'Your team has used all 10 runs of this part.',
  'canary/shipped': 'Your team has shipped the candidate: there is nothing left to test.',
  'canary/shadow-limit': 'That shadow fraction is beyond what your fleet allows.',
  'canary/no-run': 'Your team has no canary running.',
  'canary/not-stratified': 'Only a stratified canary can roll back a single cohort.',
  'canary/unknown-cohort': 'There is no such cohort in this run.',
  'canary/last-cohort': 'That is the last cohort: roll back the whole run instead.',
  'alerts/unknown-cell': 'Your fleet has no such model or metric.',
  'skew/none': 'No OS update is rolling out on your fleet: there is no slice to treat.',
  'skew/rolled-back': 'That slice was rolled back to the current OS: the rollback is final.',
  'skew/current-os': 'Only devices on the OS update can be rolled back.',
  'skew/no-change': 'That slice already runs that way.',
  'ensemble/no-change': 'Your ensemble is already set that way.',
  'ensemble/retraining': 'The downstream is already retraining: wait for it or cancel it first.',
  'ensemble/retrained': 'The downstream already runs on a model trained on v2 features.',
  'ensemble/no-retrain': 'There is no retraining in progress to cancel.',
  'challenge/none': 'There is no open challenge to answer.',
  'challenge/closed': 'Your team has already answered this challenge, or its deadline has passed.',
  'debrief/not-yet': 'The timeline opens once Part 2 is revealed.',
  'replay/not-finished': 'Only a finished game (at its debrief) can be replayed.',
  'replay/closed': 'Open the replay first.',
  'replay/out-of-range': 'The game has no such version.',
  'whatif/not-a-decision': 'There is no team decision at that point of the game.',
  'whatif/same': 'That is the decision the team made: pick another one.',
  'whatif/refused': 'The rules would not have allowed that decision there.',
  'rate/limited': 'Too many requests: slow down a little.',
  'connection/limit':
    'Too many devices on your network are connected to this server right now. This page will try again by itself in a few seconds.',
  'store/failed': 'The server could not save that. Try again.',
  'server/error': 'Something went wrong on the server. Try again.',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export const ERROR_CODES = Object.keys(ERROR_MESSAGES) as ErrorCode[];

/** The human-readable message for an error code. */
export function messageFor(code: ErrorCode): string {
  return ERROR_MESSAGES[code];
}
