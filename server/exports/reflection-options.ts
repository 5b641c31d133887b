// Each part's reflection question and options, by part number, so the exports can write what a letter meant.
import type { Choice } from '../../shared/protocol/common.js';
import { PART1_REFLECTION_OPTIONS, PART1_REFLECTION_PROMPT } from '../../shared/sim/parts/part1/content.js';
import { PART2_REFLECTION_OPTIONS, PART2_REFLECTION_PROMPT } from '../../shared/sim/parts/part2/content.js';
import { PART3_REFLECTION_OPTIONS, PART3_REFLECTION_PROMPT } from '../../shared/sim/parts/part3/content.js';

export const REFLECTIONS: Readonly<Record<number, { prompt: string; options: Readonly<Record<Choice, string>> }>> = {
  1: { prompt: PART1_REFLECTION_PROMPT, options: PART1_REFLECTION_OPTIONS },
  2: { prompt: PART2_REFLECTION_PROMPT, options: PART2_REFLECTION_OPTIONS },
  3: { prompt: PART3_REFLECTION_PROMPT, options: PART3_REFLECTION_OPTIONS },
};
