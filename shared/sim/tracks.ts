// The four tracks of GAME.md §2. Every team plays one track; teams on the same track share a seed, so they
// face the same hidden truths and the leaderboard compares decisions, not luck.

export const TRACK_IDS = ['cloud-titan', 'edge-guardian', 'mobile-nomad', 'tiny-pioneer'] as const;

export type TrackId = (typeof TRACK_IDS)[number];

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
  },
};

/** The track a new team gets: round-robin over the four tracks by team position (0-based). */
export function trackForTeamIndex(index: number): TrackId {
  return TRACK_IDS[index % TRACK_IDS.length]!;
}
