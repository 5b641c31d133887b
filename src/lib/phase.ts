// How each audience reads the game's phase. One place, so host, players and screen stay consistent.
import type { View } from '$shared/protocol/views.js';

export type Phase = View['phase'];

const HOST: Record<Phase, string> = { lobby: 'Lobby' };
const PLAYER: Record<Phase, string> = { lobby: 'Lobby — waiting for the host to start' };
const SCREEN: Record<Phase, string> = { lobby: 'Lobby — join now' };

export function phaseLabel(phase: Phase, audience: 'host' | 'player' | 'screen'): string {
  const labels = audience === 'host' ? HOST : audience === 'player' ? PLAYER : SCREEN;
  return labels[phase];
}
