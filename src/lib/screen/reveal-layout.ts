// How a reveal fits the projector, the same for every part: beyond a dozen teams the per-team lines no longer
// fit under the chart on a 720p projector, and type scales with the projected width (a 720p projector still
// gets 14 px labels).

/** True when a reveal has too many teams for a line each. */
export function isDenseReveal(teamCount: number): boolean {
  return teamCount > 12;
}

/** The chart's base font size in px for a projected width. */
export function projectorFontSize(width: number): number {
  return Math.max(14, Math.round(width / 100));
}
