// The fuzz's player: given a game state, one random action from a random actor, built as the reducer's Action
// and checked against ActionSchema so that it cannot drift from the schema. Data-driven: a table of makers
// per phase (plus makers for every phase and a table of well-formed illegal actions); each maker says whether
// the reducer must accept its action, must refuse it, or may do either.
import { ActionSchema } from '../../../shared/sim/actions.js';
import * as shape from './game-shape.js';
import { HOST, plan, w, type GenContext, type Planned } from './context.js';
import { COMMON, HOST_EXTRAS, PROPOSALS, TABLE } from './makers.js';
import { ILLEGAL } from './illegal.js';

export type { GenContext, Planned };

/** Share of steps that send a well-formed action the rules must refuse. */
export const ILLEGAL_SHARE = 0.08;

/** One action for the current state. */
export function generate(c: GenContext): Planned {
  if (c.dice.chance(ILLEGAL_SHARE)) {
    for (let attempt = 0; attempt < 10; attempt++) {
      const index = c.dice.int(0, ILLEGAL.length - 1);
      const refused = ILLEGAL[index]!(c);
      if (refused) return finish(c, { ...plan(c, refused.action, 'refuse'), code: refused.code, maker: `illegal#${index}` });
    }
  }
  const makers = [...COMMON, ...(TABLE[w(c).phase] ?? [])];
  for (let attempt = 0; attempt < 20; attempt++) {
    const maker = c.dice.weighted(makers.map((m) => [m, m.weight(c)] as const));
    if (!maker) break;
    const planned = maker.make(c);
    if (planned) return finish(c, { ...planned, maker: maker.name });
  }
  // Nothing applies (e.g. a debrief with nothing to do): let the simulated clock be refused.
  return finish(c, { ...plan(c, shape.partActions.setSpeed(HOST, 1), 'accept'), maker: 'fallback' });
}

/** A proposal or an agreement for the current state, drawn with the context's dice; null when none applies. */
export function generateProposal(c: GenContext): Planned | null {
  const maker = c.dice.weighted(PROPOSALS.map((m) => [m, m.weight(c)] as const));
  const planned = maker?.make(c);
  return maker && planned ? finish(c, { ...planned, maker: maker.name }) : null;
}

/** One of the host's extras (HOST_EXTRAS), drawn from the side stream's dice; null when none applies. */
export function generateHostExtra(c: GenContext): Planned | null {
  const maker = c.dice.weighted(HOST_EXTRAS.map((m) => [m, m.weight(c)] as const));
  const planned = maker?.make(c);
  return maker && planned ? finish(c, { ...planned, maker: maker.name }) : null;
}

/** Validates the action against the log's schema, as the server would store it. */
function finish(c: GenContext, planned: Planned): Planned {
  const parsed = ActionSchema.safeParse(planned.action);
  if (!parsed.success) {
    throw new Error(`fuzz generator built an action outside ActionSchema (maker ${planned.maker}, state version ${c.state.version}): ${JSON.stringify(planned.action)}: ${parsed.error.message}`);
  }
  return { ...planned, action: parsed.data };
}
