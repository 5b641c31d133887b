// The stakeholder challenge of Part 3 (GAME.md §6): the software lead wants to deploy the new extractor
// tonight. Each team it hits must answer within CHALLENGE_SECONDS of play (real time, whatever the host's speed);
// silence lets the lead deploy.
import { CHALLENGE_TIME } from '../parts/part3/content.js';
import type { CrisisModule } from './types.js';

export const deployTonight: CrisisModule = {
  id: 'deploy-tonight',
  title: 'Deploy tonight',
  parts: ['part3'],
  targets: ['all', 'track', 'team'],
  voice: () =>
    `Software lead: "The new extractor scores better on every benchmark. I want it deployed tonight — approve it, or tell me why not. I need your answer in ${CHALLENGE_TIME}."`,
  effect: `Each team it hits must refuse, approve, or approve behind a pinned contract within ${CHALLENGE_TIME} of play (real time, whatever the speed; held while paused); with no answer the lead deploys v2.`,
  story: 'The stakeholder challenge. An answer counts more when the team ran the consistency check first; approving v2 onto a downstream trained on v1 under loose versioning is a silent failure.',
  strike: (effects, at) => ({ ...effects, challengeAt: at }),
};
