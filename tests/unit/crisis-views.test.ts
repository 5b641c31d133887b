// What teams and the projector read of the crises (shared/sim/crises/views.ts): a crisis belongs to the part it
// was aimed in, so Part 2's crises leave the banners and the status chip when Part 3 runs (their "Day 7" means
// nothing on Part 3's clock), and come back, all of them, for the debrief. A crisis aimed at a team's track is
// marked as the team's own.
import { describe, expect, it } from 'vitest';
import { screenCrises, teamCrises } from '../../shared/sim/crises/views.js';
import type { GameState } from '../../shared/sim/state.js';
import { applyAll, join, newGame } from '../support/actions.js';

function game(phase: GameState['phase']): GameState {
  const lobby = applyAll(newGame(), ['ada', 'bob', 'cy', 'dee'].map((n) => join(n)));
  const t2 = lobby.teams[1]!;
  return {
    ...lobby,
    phase,
    crises: [
      { id: 'rollout-jitter', target: { kind: 'track', track: t2.track }, part: 'part2', at: 150, fired: true },
      { id: 'world-drifted', target: { kind: 'all' }, part: 'part2', at: 160, fired: true },
      { id: 'dependency-domino', target: { kind: 'all' }, part: 'part3', at: 3, fired: true },
      { id: 'traffic-spike', target: { kind: 'all' }, part: 'part2', at: 200, fired: false },
    ],
  };
}

describe('the crises a team and the projector read', () => {
  it("shows only the running part's struck crises: Part 2's stay out of Part 3", () => {
    const part3 = game('part3');
    expect(screenCrises(part3).map((c) => c.id)).toEqual(['dependency-domino']);
    expect(teamCrises(part3, part3.teams[1]!).map((c) => c.id)).toEqual(['dependency-domino']);
    const part2 = game('part2');
    expect(screenCrises(part2).map((c) => c.id)).toEqual(['rollout-jitter', 'world-drifted']);
    expect(teamCrises(part2, part2.teams[1]!).map((c) => [c.id, c.part])).toEqual([
      ['rollout-jitter', 'part2'],
      ['world-drifted', 'part2'],
    ]);
  });

  it('keeps every struck crisis for the debrief', () => {
    expect(screenCrises(game('debrief')).map((c) => c.id)).toEqual(['rollout-jitter', 'world-drifted', 'dependency-domino']);
  });

  it("marks a crisis aimed at the team's own track, not one aimed at every team", () => {
    const part2 = game('part2');
    expect(teamCrises(part2, part2.teams[1]!).map((c) => c.aimed)).toEqual([true, false]);
  });
});
