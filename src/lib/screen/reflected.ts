// Who has reflected on a part, for the projector (never what): the same rule for every part.
// Relative imports only: unit tests load this file without Vite.

/** The ids of the teams that have reflected. */
export function reflectedTeams(part: { reflected: readonly { teamId: string; reflected: boolean }[] }): Set<string> {
  return new Set(part.reflected.filter((t) => t.reflected).map((t) => t.teamId));
}
