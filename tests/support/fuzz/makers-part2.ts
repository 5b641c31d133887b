// Part 2's own play (the canary runs): a team's runs and its decisions on the active one. The clock's ticks and
// the host's crises are in makers.ts, for every part that runs a clock.
import * as shape from './game-shape.js';
import { type GenContext, type Maker, part2Member, plan, runConfig, someTeam } from './context.js';

/** Run decisions are likelier while some team has a run to decide on. */
const activeWeight = (weight: number) => (c: GenContext) =>
  someTeam(c, (teamId) => !!shape.canary(c.state, teamId)?.active) ? weight : weight / 8;

export const PART2_PLAY: Maker[] = [
  {
    name: 'start-run',
    weight: (c) => (someTeam(c, (teamId) => shape.lockOf(c.state, 2, teamId) !== null && !shape.canary(c.state, teamId)?.active) ? 1.5 : 0.3),
    make: (c) => {
      const m = part2Member(c);
      if (!m) return null;
      const config = runConfig(c, m.canary?.maxShadowFraction ?? 1);
      const k = m.canary;
      const ok = m.mayAct && k !== null && !k.active && !k.shipped && k.runsUsed < k.runsMax && config.shadowFraction <= k.maxShadowFraction;
      return plan(c, shape.partActions.startRun(m.by, config), ok ? 'accept' : 'refuse');
    },
  },
  ...(['extend', 'promote'] as const).map(
    (kind): Maker => ({
      name: kind,
      weight: activeWeight(1.5),
      make: (c) => {
        const m = part2Member(c);
        if (!m) return null;
        const run = m.canary?.active;
        const ok = m.mayAct && !!run && run.outcome !== 'rolling-back';
        return plan(c, shape.partActions[kind](m.by), ok ? 'accept' : 'refuse');
      },
    }),
  ),
  {
    name: 'rollback',
    weight: activeWeight(0.7),
    make: (c) => {
      const m = part2Member(c);
      if (!m) return null;
      const run = m.canary?.active;
      const ok = m.mayAct && !!run && run.outcome !== 'rolling-back';
      return plan(c, shape.partActions.rollback(m.by, null), ok ? 'accept' : 'refuse');
    },
  },
  {
    name: 'rollback-cohort',
    weight: activeWeight(0.8),
    make: (c) => {
      const m = part2Member(c);
      if (!m) return null;
      const track = shape.teams(c.state).find((t) => t.id === m.teamId)!.track;
      const cohortId = c.dice.chance(0.05) ? 'no-such-cohort' : c.dice.pick(shape.cohortIds(track));
      const run = m.canary?.active;
      const cohort = run?.cohorts.find((x) => x.id === cohortId);
      const ok =
        m.mayAct &&
        !!run &&
        run.outcome !== 'rolling-back' &&
        run.stratified &&
        !!cohort &&
        !cohort.excluded &&
        run.cohorts.filter((x) => !x.excluded).length > 1;
      return plan(c, shape.partActions.rollback(m.by, cohortId), ok ? 'accept' : 'refuse');
    },
  },
];
