// The game-level crisis catalog on the host console (src/lib/crises/crisis.ts) as Part 3 needs it: each part
// lists only its own crises, and the log of a part leaves out the crises of another part's clock.
import { describe, expect, it } from 'vitest';
import type { HostView } from '../../shared/protocol/views.js';
import { CRISES } from '../../shared/sim/crises/catalog.js';
import { CRISIS_TITLES, crisesOfPart, crisisLog } from '../../src/lib/crises/crisis.js';

describe('the crisis catalog per part', () => {
  it("lists Part 3's two crises, the dependency domino and the stakeholder challenge, and not Part 2's", () => {
    expect(crisesOfPart('part3')).toEqual(['dependency-domino', 'deploy-tonight']);
    expect(crisesOfPart('part2')).not.toContain('dependency-domino');
    expect(crisesOfPart('part2')).toContain('rollout-jitter');
    expect(crisesOfPart('part1')).toEqual([]);
  });

  it("follows the simulation's catalog: every crisis of a part has that part among its parts", () => {
    for (const part of ['part2', 'part3'] as const) {
      for (const id of crisesOfPart(part)) expect(CRISES.find((c) => c.id === id)!.parts).toContain(part);
    }
    expect(CRISIS_TITLES['deploy-tonight']).toBe('Deploy tonight');
  });

  it("logs a part's crises on its own clock and leaves another part's out", () => {
    const crises: HostView['crises'] = [
      { id: 'world-drifted', target: 'all teams', part: 'part2', at: 40, fired: true },
      { id: 'dependency-domino', target: 'tiny-pioneer', part: 'part3', at: 2, fired: true },
      { id: 'deploy-tonight', target: 'all teams', part: 'part3', at: 9, fired: false },
    ];
    const log = crisisLog(crises, 5, 'part3');
    expect(log.map((e) => e.title)).toEqual(['Deploy tonight', 'Dependency domino']);
    expect(log[0]!.when).toBe('Day 1 · 09:00 (in 4 h)');
    expect(log[1]!.target).toBe('Tiny Pioneer teams');
    expect(crisisLog(crises, 5)).toHaveLength(3);
  });
});
