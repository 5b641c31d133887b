// A team's versioning decisions (GAME.md §6), each entered in its governance ledger: deploy or roll back the
// upstream, retrain the downstream, choose the policy, run the consistency check, answer the challenge.
import type { ChallengeAnswer } from '../../../protocol/views.js';
import { CHALLENGE_QUALITY, ENSEMBLE_TRACKS } from '../../constants.js';
import type { Action } from '../../actions.js';
import type { SliceResult, TeamActionContext } from '../part.js';
import { deployed, settle } from './clock.js';
import { CHALLENGE_ANSWERS } from './content.js';
import { checkBefore, logged, readsOf, readsText } from './ensemble.js';
import { featurePsi, psiBand } from './psi.js';
import type { Part3State, TeamPart3 } from './types.js';

type Decision = TeamPart3 | { refused: 'ensemble/no-change' | 'ensemble/retraining' | 'ensemble/retrained' | 'ensemble/no-retrain' | 'challenge/none' | 'challenge/closed' | 'intent/unknown' };

const fmtPsi = (value: number) => value.toFixed(2);

function deploy(team: TeamPart3, version: 'v1' | 'v2', at: number, by: string): Decision {
  if (team.upstream === version) return { refused: 'ensemble/no-change' };
  const why = version === 'v2' ? 'Deployed upstream v2.' : 'Rolled the upstream back to v1.';
  return deployed(team, version, { at, by, kind: version === 'v2' ? 'deploy' : 'rollback', why });
}

function retrain(team: TeamPart3, on: boolean, ctx: TeamActionContext, by: string): Decision {
  const at = ctx.hours;
  if (!on) {
    if (!team.retrain) return { refused: 'ensemble/no-retrain' };
    return logged({ ...team, retrain: null }, { at, kind: 'retrain-cancel', by, text: 'Cancelled the retraining on v2 features.' });
  }
  if (team.retrain) return { refused: 'ensemble/retraining' };
  if (team.model === 'v2') return { refused: 'ensemble/retrained' };
  const hours = ENSEMBLE_TRACKS[ctx.team.track].retrainHours;
  return logged(
    { ...team, retrain: { startedAt: at, until: at + hours, done: false } },
    { at, kind: 'retrain-start', by, text: `Started retraining the downstream on v2 features (${hours} h); the old model serves meanwhile.` },
  );
}

function setPolicy(team: TeamPart3, policy: 'loose' | 'strict', at: number, by: string): Decision {
  if (team.policy === policy) return { refused: 'ensemble/no-change' };
  let next: TeamPart3 = { ...team, policy };
  // Loose versioning has no validation gate: a retrained model waiting for one serves at once.
  if (policy === 'loose' && next.retrain?.done) next = { ...next, model: 'v2', retrain: null };
  const what = policy === 'strict' ? 'Adopted strict immutable contracts' : 'Switched to loose versioning';
  return logged(next, { at, kind: 'policy', by, text: `${what}: ${readsText(next)}.` });
}

/** The consistency check; under a strict contract it validates a retrained model (PSI < 0.1) and moves the pin. */
function check(team: TeamPart3, at: number, by: string): Decision {
  if (team.policy === 'strict' && team.retrain?.done && psiBand(featurePsi('v2', 'v2')) === 'stable') {
    const next: TeamPart3 = { ...team, model: 'v2', retrain: null };
    const record = { at, by, trainedOn: 'v2' as const, serving: readsOf(next), validated: true };
    return logged(
      { ...next, checks: [...team.checks, record] },
      { at, kind: 'validated', by, text: `Consistency check validated the retrained model (PSI ${fmtPsi(0)} < 0.10): the contract moves to features_v2.` },
    );
  }
  const serving = readsOf(team);
  const record = { at, by, trainedOn: team.model, serving, validated: false };
  const value = featurePsi(team.model, serving);
  const v2 = team.model === 'v1' ? `; against upstream v2, ${fmtPsi(featurePsi('v1', 'v2'))} (${psiBand(featurePsi('v1', 'v2'))})` : '';
  return logged(
    { ...team, checks: [...team.checks, record] },
    { at, kind: 'check', by, text: `Consistency check: training features ${team.model} against serving ${serving}, PSI ${fmtPsi(value)} (${psiBand(value)})${v2}.` },
  );
}

/** The quality of an answer, 0–1, judged on what it does to the ensemble and the evidence in hand. */
export function answerQuality(answer: ChallengeAnswer, after: TeamPart3, evidence: boolean): number {
  const safe = readsOf(after) === after.model;
  const base = answer === 'refuse' ? CHALLENGE_QUALITY.refusal : safe ? CHALLENGE_QUALITY.safeApproval : CHALLENGE_QUALITY.unsafe;
  return base * (evidence ? 1 : CHALLENGE_QUALITY.withoutEvidence);
}

function answer(team: TeamPart3, choice: ChallengeAnswer, at: number, by: string): Decision {
  const challenge = team.challenge;
  if (!challenge) return { refused: 'challenge/none' };
  if (challenge.answer || challenge.lapsed || challenge.secondsLeft <= 0) return { refused: 'challenge/closed' };
  let next: TeamPart3 = team;
  if (choice === 'approve-pinned' && next.policy !== 'strict') next = { ...next, policy: 'strict' };
  const why = `Challenge ${CHALLENGE_ANSWERS[choice].says}.`;
  if (choice !== 'refuse' && next.upstream === 'v1') next = deployed(next, 'v2', { at, by, kind: 'answer', why });
  else {
    const stays = choice === 'refuse' ? `The upstream stays on ${next.upstream}` : 'v2 was already serving';
    next = logged(next, { at, kind: 'answer', by, text: `${why} ${stays}; ${readsText(next)}.` });
  }
  const evidence = checkBefore(team, at) !== null;
  const quality = answerQuality(choice, next, evidence);
  return { ...next, challenge: { ...challenge, answer: { answer: choice, at, by, evidence, quality } } };
}

/** A team's decision on its ensemble. */
export function decide(slice: Part3State, action: Action, ctx: TeamActionContext): SliceResult<Part3State> {
  const by = action.by.role === 'player' ? action.by.playerId : '';
  const at = ctx.hours;
  const team = settle(slice.teams[ctx.team.id]!, ctx.effects(ctx.team.id), at);
  let result: Decision;
  switch (action.type) {
    case 'team/deploy-upstream':
      result = deploy(team, action.version, at, by);
      break;
    case 'team/retrain':
      result = retrain(team, action.on, ctx, by);
      break;
    case 'team/set-policy':
      result = setPolicy(team, action.policy, at, by);
      break;
    case 'team/consistency-check':
      result = check(team, at, by);
      break;
    case 'team/answer-challenge':
      result = answer(team, action.answer, at, by);
      break;
    default:
      result = { refused: 'intent/unknown' };
  }
  if ('refused' in result) return result;
  return { ...slice, teams: { ...slice.teams, [ctx.team.id]: result } };
}
