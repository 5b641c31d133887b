// Part 2's tools against its crises (GAME.md §7): a team member's monitoring decisions for the alert storm
// (thresholds, aggregation, investigations) and the app-OS skew (slice monitors, a remedy per slice), each
// with every value of its parameter and the code of the rule that must refuse it, judged on the team as the
// decision sees it. Ticks and crises are in makers.ts.
import type { ErrorCode } from '../../../shared/protocol/errors.js';
import type { Action, Actor } from '../../../shared/sim/actions.js';
import * as shape from './game-shape.js';
import { type GenContext, type Maker, actingRefusal, memberOf, playerActor, ruled } from './context.js';

type Tools = NonNullable<ReturnType<typeof shape.tools>>;

interface Decision {
  name: string;
  decide: (c: GenContext, by: Actor, t: Tools) => { action: Action; refusal: ErrorCode | null };
}

const a = shape.partActions;

const DECISIONS: Decision[] = [
  {
    name: 'set-thresholds',
    decide: (c, by) => ({ action: a.setThresholds(by, c.dice.chance(0.2) ? null : c.dice.pick([2, 2.5, 3, 4, 5, 6])), refusal: null }),
  },
  {
    name: 'set-aggregation',
    decide: (c, by) => ({ action: a.setAggregation(by, c.dice.pick(['metric', 'model', 'fleet'] as const)), refusal: null }),
  },
  {
    // Mostly a cell of the fleet; now and then a model the fleet does not have (the wire takes up to 60).
    name: 'investigate',
    decide: (c, by, t) => {
      const model = c.dice.chance(0.9) ? c.dice.int(0, t.models - 1) : c.dice.int(0, 59);
      return { action: a.investigate(by, model, c.dice.int(0, 9)), refusal: model >= t.models ? 'alerts/unknown-cell' : null };
    },
  },
  {
    name: 'set-slice-monitoring',
    decide: (c, by) => ({ action: a.setSliceMonitoring(by, c.dice.pick(['global', 'region', 'os', 'slice'] as const)), refusal: null }),
  },
  {
    name: 'slice-action',
    decide: (c, by, t) => {
      const region = c.dice.int(0, 9);
      const os = c.dice.chance(0.8) ? 'update' : 'current';
      const action = c.dice.pick(['lighter', 'rollback', 'none'] as const);
      const current = t.remedyOf(region, os);
      const refusal: ErrorCode | null =
        t.skewAt === null
          ? 'skew/none'
          : current === 'rollback'
            ? 'skew/rolled-back'
            : action === 'rollback' && os === 'current'
              ? 'skew/current-os'
              : current === action
                ? 'skew/no-change'
                : null;
      return { action: a.sliceAction(by, region, os, action), refusal };
    },
  },
];

export const PART2_TOOLS: Maker[] = DECISIONS.map(
  (d): Maker => ({
    name: d.name,
    weight: () => 0.4,
    make: (c) => {
      const seat = memberOf(c, 2, true);
      if (!seat) return null;
      const t = shape.tools(c.state, seat.teamId!);
      if (!t) return null;
      const by = playerActor(seat.playerId);
      const { action, refusal } = d.decide(c, by, t);
      const shared = actingRefusal(c, by, 2, 'play') ?? (shape.lockOf(c.state, 2, seat.teamId!) === null ? 'lock/required' : null);
      return ruled(c, action, shared ?? refusal);
    },
  }),
);
