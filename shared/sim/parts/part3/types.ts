// Part 3's state: every team runs one upstream → downstream pair, with a versioning policy, a feature store
// and a governance ledger.
import type { ChallengeAnswer, FeatureVersion, LedgerKind, VersioningPolicy } from '../../../protocol/views.js';
import type { RngState } from '../../rng.js';
import type { TeamPartState } from '../../state.js';
import type { PartSlice } from '../part.js';

export interface CheckRecord {
  at: number;
  by: string;
  trainedOn: FeatureVersion;
  serving: FeatureVersion;
  /** A retrained model was validated by this check (the strict contract's pin moved to v2). */
  validated: boolean;
}

export interface LedgerRecord {
  at: number;
  kind: LedgerKind;
  /** The player who decided, or null for an event. */
  by: string | null;
  text: string;
}

export interface ChallengeRecord {
  /** The simulated hour it was put. */
  at: number;
  /** Seconds of play left to answer (CHALLENGE_SECONDS when put; 0 once lapsed): real time, whatever the speed. */
  secondsLeft: number;
  answer: { answer: ChallengeAnswer; at: number; by: string; evidence: boolean; quality: number } | null;
  /** The deadline passed without an answer: the software lead deployed v2. */
  lapsed: boolean;
}

/** Labelled requests of one simulated hour and how many the system got right. */
export interface Evaluation {
  hour: number;
  labelled: number;
  correct: number;
}

export interface TeamPart3 extends TeamPartState {
  upstream: FeatureVersion;
  policy: VersioningPolicy;
  /** The features the serving downstream model was trained on. */
  model: FeatureVersion;
  /** A retraining on v2 features; once done, under a strict contract it waits for a consistency check. */
  retrain: { startedAt: number; until: number; done: boolean } | null;
  checks: CheckRecord[];
  /** The team's one challenge: put again, it stays the same question (its answer or lapse stands). */
  challenge: ChallengeRecord | null;
  /** The challenge strike this team already took in (its simulated hour). */
  challengeSeen: number | null;
  /** The dependency-domino strike this team's upstream already followed (its simulated hour). */
  dominoSeen: number | null;
  ledger: LedgerRecord[];
  evaluations: Evaluation[];
  /** The outcome so far, on the true system metric. */
  silentHours: number;
  belowFloorPointHours: number;
  pipelineCost: number;
  /** Hours with a second feature pipeline running. */
  extraPipelineHours: number;
  rng: RngState;
}

export interface Part3State extends PartSlice<TeamPart3> {
  /** The simulated clock, hours since Part 3 began. */
  hours: number;
}
