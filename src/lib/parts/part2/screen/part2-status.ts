// Part 2 on the projector: how to lay out the fleets.
// Relative imports only: unit tests load this file without Vite.

/**
 * Tiles (a card per team) fit a projected page up to eight teams at 1080p, four at 720p (one row); beyond
 * that every team gets a table row. `height` is the window's inner height in CSS pixels.
 */
export function fleetAsTable(teamCount: number, height: number): boolean {
  return teamCount > 8 || (teamCount > 4 && height < 900);
}
