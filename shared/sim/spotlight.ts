// The host's spotlight on the projector (issue 10): one team's reflection, or how the teams chose in a part's
// reflection or (once revealed) its choice lock. The rule and the projection in one place: the projector gets
// only the team's name and its words, never who wrote them, and never a lock before its reveal. At the debrief,
// the section of the debrief the projector holds.
import type { Choice, Spotlight, SpotlightView } from '../protocol/views.js';
import { CHOICES } from '../protocol/common.js';
import type { ActionOf } from './actions.js';
import { contextOf, partSlice } from './parts/context.js';
import { PART1_REFLECTION_OPTIONS, PART1_REFLECTION_PROMPT } from './parts/part1/content.js';
import { PART2_REFLECTION_OPTIONS, PART2_REFLECTION_PROMPT } from './parts/part2/content.js';
import { PART3_OPTIONS, PART3_QUESTION, PART3_REFLECTION_OPTIONS, PART3_REFLECTION_PROMPT } from './parts/part3/content.js';
import { PARTS } from './parts/registry.js';
import type { GameState, RuleResult } from './state.js';

/** Each part's reflection and, for a choice lock, its question and options, by part number. */
const WORDS: Record<number, { reflection: { prompt: string; options: Readonly<Record<Choice, string>> }; lock?: { prompt: string; options: Readonly<Record<Choice, string>> } }> = {
  1: { reflection: { prompt: PART1_REFLECTION_PROMPT, options: PART1_REFLECTION_OPTIONS } },
  2: { reflection: { prompt: PART2_REFLECTION_PROMPT, options: PART2_REFLECTION_OPTIONS } },
  3: { reflection: { prompt: PART3_REFLECTION_PROMPT, options: PART3_REFLECTION_OPTIONS }, lock: { prompt: PART3_QUESTION, options: PART3_OPTIONS } },
};

const partNumbered = (n: number) => PARTS.find((p) => p.number === n) ?? null;

/** host/spotlight: the spotlight must have something to show, and show nothing hidden. */
export function setSpotlight(state: GameState, action: ActionOf<'host/spotlight'>): RuleResult {
  const { version: _version, spotlight: _old, ...rest } = state;
  const spot = action.spotlight;
  if (spot === null) return { ok: true, state: rest };
  if (spot.kind === 'debrief') {
    // Any known section: whether the game has its timeline, stories or ledgers is the server's debrief (built
    // from the log), not the state; the projector turns its whole deck when it has no such page.
    return state.phase === 'debrief' ? { ok: true, state: { ...rest, spotlight: spot } } : { ok: false, code: 'phase/closed' };
  }
  const part = partNumbered(spot.part);
  const slice = part && partSlice(state, part);
  if (!part || !slice) return { ok: false, code: 'phase/closed' };
  if (spot.kind === 'reflection') {
    if (!state.teams.some((t) => t.id === spot.teamId)) return { ok: false, code: 'team/unknown' };
    if (!slice.teams[spot.teamId]?.reflection) return { ok: false, code: 'spotlight/no-reflection' };
  } else if (spot.of === 'lock') {
    if (part.lock.kind !== 'choice') return { ok: false, code: 'spotlight/not-a-choice' };
    if (!slice.revealed) return { ok: false, code: 'spotlight/not-revealed' };
  }
  return { ok: true, state: { ...rest, spotlight: spot } };
}

/** The spotlight as the projector shows it, or null (none, or what it showed is gone). */
export function spotlightView(state: GameState): SpotlightView | null {
  const spot: Spotlight | undefined = state.spotlight;
  if (!spot) return null;
  if (spot.kind === 'debrief') return state.phase === 'debrief' ? { kind: 'debrief', section: spot.section } : null;
  const part = partNumbered(spot.part);
  const slice = part && partSlice(state, part);
  const words = WORDS[spot.part];
  if (!part || !slice || !words) return null;
  if (spot.kind === 'reflection') {
    const team = state.teams.find((t) => t.id === spot.teamId);
    const reflection = slice.teams[spot.teamId]?.reflection;
    if (!team || !reflection) return null;
    const { prompt, options } = words.reflection;
    return { kind: 'reflection', part: spot.part, prompt, teamName: team.name, choice: reflection.choice, option: options[reflection.choice], text: reflection.text };
  }
  const source = spot.of === 'lock' ? words.lock : words.reflection;
  if (!source || (spot.of === 'lock' && !slice.revealed)) return null;
  const picks = state.teams
    .map((t) => slice.teams[t.id])
    .map((t) => (spot.of === 'lock' ? t?.prediction : t?.reflection?.choice))
    .filter((c): c is Choice => typeof c === 'string');
  const first = state.teams[0];
  const answer = spot.of === 'lock' && first ? part.answer(contextOf(state), first) : null;
  return {
    kind: 'choices',
    part: spot.part,
    of: spot.of,
    prompt: source.prompt,
    options: CHOICES.map((choice) => ({ choice, text: source.options[choice], count: picks.filter((c) => c === choice).length })),
    answered: picks.length,
    correct: typeof answer === 'string' ? answer : null,
  };
}
