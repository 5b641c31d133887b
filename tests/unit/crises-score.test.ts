import { describe, expect, it } from 'vitest';
import { fireCrisis, fireDueCrises, hits } from '../../shared/sim/parts/part2/crises.js';
import { promoteRun, rollbackRun, startRun } from '../../shared/sim/parts/part2/run.js';
import { part2OpsScore } from '../../shared/sim/parts/part2/score.js';
import { startPart2 } from '../../shared/sim/parts/part2/start.js';
import { baseCohortRates, cohortRates } from '../../shared/sim/parts/part2/truth.js';
import type { RunConfig, TeamPart2 } from '../../shared/sim/parts/part2/types.js';
import { resizeTeams } from '../../shared/sim/lobby.js';

const teams = resizeTeams([], 8); // two teams per track
const SEED = 7;
const config: RunConfig = { confidence: 0.95, rate: 1e-3, shadowFraction: 0.5, cohortMode: 'stratified', sprt: false };
const ok = (r: TeamPart2 | string) => {
  if (typeof r === 'string') throw new Error(r);
  return r;
};

describe('crises', () => {
  it('hit all teams, one track or one team', () => {
    expect(teams.filter((t) => hits({ kind: 'all' }, t))).toHaveLength(8);
    expect(teams.filter((t) => hits({ kind: 'track', track: 'edge-guardian' }, t)).map((t) => t.id)).toEqual(['t2', 't6']);
    expect(teams.filter((t) => hits({ kind: 'team', teamId: 't3' }, t)).map((t) => t.id)).toEqual(['t3']);
  });

  it('change the hidden truth of the fleets they hit, and only those', () => {
    const part2 = fireCrisis(startPart2(SEED, teams), teams, { id: 'rollout-jitter', target: { kind: 'track', track: 'edge-guardian' }, at: 0, fired: false });
    const base = baseCohortRates(SEED, 'edge-guardian');
    expect(cohortRates(base, part2.teams.t2!.effects)[2]).toBeCloseTo(base[2]! * 5, 12);
    expect(cohortRates(base, part2.teams.t1!.effects)).toEqual(base);
    expect(part2.crises).toEqual([{ id: 'rollout-jitter', target: { kind: 'track', track: 'edge-guardian' }, at: 0, fired: true }]);
  });

  it('fire at their scheduled simulated hour', () => {
    let part2 = startPart2(SEED, teams);
    part2 = { ...part2, crises: [{ id: 'traffic-spike', target: { kind: 'all' }, at: 10, fired: false }] };
    expect(fireDueCrises({ ...part2, hours: 9 }, teams).crises[0]!.fired).toBe(false);
    const fired = fireDueCrises({ ...part2, hours: 10 }, teams);
    expect(fired.crises[0]!.fired).toBe(true);
    expect(fired.teams.t4!.effects).toMatchObject({ trafficMultiplier: 3, trafficUntil: 22 });
  });
});

describe('the Part 2 ops score', () => {
  const base = (track: Parameters<typeof baseCohortRates>[1]) => baseCohortRates(SEED, track);
  const fresh = (track: 'cloud-titan' | 'edge-guardian' | 'tiny-pioneer') => startPart2(SEED, teams).teams[{ 'cloud-titan': 't1', 'edge-guardian': 't2', 'tiny-pioneer': 't4' }[track]]!;

  it('rewards shipping a good candidate fast, and punishes shipping a regression', () => {
    let good = ok(startRun(fresh('cloud-titan'), 'cloud-titan', config, 0));
    for (let i = 0; i < 5; i++) good = ok(promoteRun(good, 12 * i));
    expect(part2OpsScore(good, 'cloud-titan', base('cloud-titan'), 100)).toBe(Math.round(60 + 25 * (1 - 48 / 168)));
    let bad = ok(startRun(fresh('tiny-pioneer'), 'tiny-pioneer', config, 0));
    for (let i = 0; i < 5; i++) bad = ok(promoteRun(bad, i));
    expect(part2OpsScore(bad, 'tiny-pioneer', base('tiny-pioneer'), 100)).toBe(0);
  });

  it('rewards catching a bad candidate, and ranks a good rollback below a good ship', () => {
    const caught = ok(rollbackRun(ok(startRun(fresh('tiny-pioneer'), 'tiny-pioneer', config, 0)), 'tiny-pioneer', 12, null));
    expect(part2OpsScore(caught, 'tiny-pioneer', base('tiny-pioneer'), 50)).toBe(Math.round(50 + 25 * (1 - 12 / 168)));
    const lost = ok(rollbackRun(ok(startRun(fresh('cloud-titan'), 'cloud-titan', config, 0)), 'cloud-titan', 1, null));
    expect(part2OpsScore(lost, 'cloud-titan', base('cloud-titan'), 50)).toBe(20);
  });

  it('counts a stratified ship that left out the bad cohort as a good ship (Edge Guardian)', () => {
    let team = ok(startRun(fresh('edge-guardian'), 'edge-guardian', config, 0));
    team = ok(rollbackRun(team, 'edge-guardian', 1, 'gen-1'));
    for (let i = 0; i < 5; i++) team = ok(promoteRun(team, 2 + i));
    expect(part2OpsScore(team, 'edge-guardian', base('edge-guardian'), 10)).toBeGreaterThan(60);
  });
});
