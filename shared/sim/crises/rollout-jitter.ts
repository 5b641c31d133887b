// Rollout jitter (Edge Guardian's storyline, GAME.md §7): a latency tail on the oldest hardware. A share of the
// candidate's frames there stall around ten latency budgets, so the cohort's p99 reaches 100 ms against the
// 10 ms loop and every stalled frame past the budget is a failure (parts/part2/latency/).
import { LATENCY_PERCENTILE, ROLLOUT_JITTER } from '../constants.js';
import { speaker } from './stakeholders.js';
import type { CrisisModule } from './types.js';

const percent = (share: number) => `${Math.round(share * 1000) / 10} %`;
const pName = `p${Math.round(LATENCY_PERCENTILE * 100)}`;

export const rolloutJitter: CrisisModule = {
  id: 'rollout-jitter',
  title: 'Rollout jitter',
  parts: ['part2'],
  targets: ['all', 'track', 'team'],
  voice: (track) =>
    track === 'edge-guardian'
      ? `${speaker(track)}: "Gen 1 vehicles are missing the 10 ms safety loop — the new perception model has a 100 ms latency tail on the oldest hardware. Every late frame is a failure. Find that cohort and roll it back."`
      : `${speaker(track)}: "The new model's latency tail is blowing up on our oldest devices. Look at your cohorts before you promote."`,
  effect: `${percent(ROLLOUT_JITTER.tailShare)} of the candidate's frames on each fleet's last cohort stall around ${ROLLOUT_JITTER.tailMedianBudgets}× its latency budget (100 ms against Edge Guardian's 10 ms loop): that cohort's ${pName} latency reaches ${ROLLOUT_JITTER.tailMedianBudgets} budgets and its failure rate rises by about ${percent(ROLLOUT_JITTER.tailShare)}, the frames past the budget.`,
  story: "Edge Guardian's crisis (gen 1 vehicles), but it can hit any fleet. A pooled canary's p99 hides the tail; good teams stratify by hardware, read the p99 per cohort and roll that cohort back.",
  strike: (effects) => ({ ...effects, jitter: true }),
};
