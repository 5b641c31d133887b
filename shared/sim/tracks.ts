// The four tracks of GAME.md §2. Every team plays one track; teams on the same track share a seed, so they
// face the same hidden truths and the leaderboard compares decisions, not luck.

import { TRACK_IDS, type TrackId } from '../protocol/common.js';

export { TRACK_IDS, type TrackId };

/** What a team reads on its track card. */
export interface TrackCard {
  id: TrackId;
  name: string;
  persona: string;
  northStar: string;
  stakeholder: string;
  stakeholderCares: string;
  fleet: string;
  crisis: string;
  crisisSummary: string;
  /** The briefing: what this team is asked to do across the three parts, in its stakeholder's terms. */
  mission: string;
}

export const TRACKS: Readonly<Record<TrackId, TrackCard>> = {
  'cloud-titan': {
    id: 'cloud-titan',
    name: 'Cloud Titan',
    persona: 'LLM architect',
    northStar: 'Maximize Llama-3-70B serving',
    stakeholder: 'CFO',
    stakeholderCares: 'samples per dollar',
    fleet: '50 LLM versions serving customer tenants',
    crisis: 'Alert storm',
    crisisSummary: 'Alert noise hides real drift: automate threshold discovery.',
    mission:
      'Your CFO wants samples per dollar. Decide when a platform beats hand-run operations for your 50 model versions, validate new versions without doubling the GPU bill, and keep embeddings and reranker in step.',
  },
  'edge-guardian': {
    id: 'edge-guardian',
    name: 'Edge Guardian',
    persona: 'AV systems lead',
    northStar: 'A deterministic 10 ms safety loop',
    stakeholder: 'Safety Lead',
    stakeholderCares: 'deterministic reliability',
    fleet: '500,000 vehicles on 3 hardware generations',
    crisis: 'Rollout jitter',
    crisisSummary:
      'The new perception model has a 100 ms latency tail on the oldest hardware: roll back that cohort.',
    mission:
      'Your Safety Lead wants a deterministic loop on every vehicle. Decide when your 60 models need a platform, prove a new perception model safe across three hardware generations, and keep backbone and planner consistent.',
  },
  'mobile-nomad': {
    id: 'mobile-nomad',
    name: 'Mobile Nomad',
    persona: 'AR glasses developer',
    northStar: '60 FPS AR translation',
    stakeholder: 'UX Designer',
    stakeholderCares: 'hand thermals',
    fleet: 'AR glasses in 10 regions, mixed OS versions',
    crisis: 'App-OS skew',
    crisisSummary:
      'An OS update changed the NPU power policy: FPS drifts differently by region. Monitor every slice.',
    mission:
      'Your UX Designer wants 60 FPS without hot hands. Decide when your 40 models need a platform, validate every region and OS slice, and keep the text detector and translator in step.',
  },
  'tiny-pioneer': {
    id: 'tiny-pioneer',
    name: 'Tiny Pioneer',
    persona: 'Hearable lead',
    northStar: 'Neural isolation in under 10 ms under 1 mW',
    stakeholder: 'Hardware Lead',
    stakeholderCares: 'KB of SRAM',
    fleet: 'Hearables running noise isolation → wake-word',
    crisis: 'Dependency domino',
    crisisSummary:
      'The noise-isolation update broke the wake-word detector: version your features, watch for skew.',
    mission:
      'Your Hardware Lead counts every KB of SRAM. Decide when your 30 models need a platform, validate updates with privacy-limited telemetry, and stop a noise-isolation update from silently breaking the wake word.',
  },
};

/** The track a new team gets: round-robin over the four tracks by team position (0-based). */
export function trackForTeamIndex(index: number): TrackId {
  return TRACK_IDS[index % TRACK_IDS.length]!;
}
