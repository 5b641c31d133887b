// Part 2 on the projector: how to lay out the fleets, and what a team's clock says beside its hour.
// Relative imports only: unit tests load this file without Vite.
import type { FleetTile } from '../../../../../shared/protocol/views.js';

/**
 * Tiles (a card per team) fit a projected page up to eight teams at 1080p, four at 720p (one row); beyond
 * that every team gets a table row. `height` is the window's inner height in CSS pixels. Once a crisis shows,
 * its banner and each tile's crisis chips leave two rows of tiles no room at any height: five teams or more
 * become rows. A tile carrying three crises' chips (two lines each) outgrows a short screen even alone in its
 * row: `chips` is the most chips a team carries.
 */
export function fleetAsTable(teamCount: number, height: number, crisis = false, chips = 0): boolean {
  return teamCount > 8 || (teamCount > 4 && (height < 900 || crisis)) || (chips > 2 && height < 900);
}

/**
 * The word beside a team's simulated hour (the projector and the host's console): the room reads from the back which teams are
 * deciding (their clock holds) and which have not begun. A running clock needs no word: its hour moves.
 */
export const TEAM_CLOCK_WORDS: Record<FleetTile['clock'], string> = { 'not-started': 'not started', held: 'deciding', running: '' };

/** Which of a fleet table's abbreviated columns are drawn: the narrowest tables give some of them up. */
export interface DrawnColumns {
  failures: boolean;
  exposure: boolean;
  release: boolean;
}
