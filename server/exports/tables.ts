// The exports' tables, built from a game's state (and, for decisions, its log): the per-player CSV, the
// per-decision CSV and the plain-text reflections for a learning-management system. Scores are the scoring
// module's (shared/sim/scoring.ts), so the exports always agree with the leaderboard.
import { lockScore } from '../../shared/sim/calibration.js';
import { REFLECTION_POINTS } from '../../shared/sim/constants.js';
import { contextOf } from '../../shared/sim/parts/context.js';
import { PARTS } from '../../shared/sim/parts/registry.js';
import { leaderboard } from '../../shared/sim/scoring.js';
import type { GameState, Team } from '../../shared/sim/state.js';
import { TRACKS } from '../../shared/sim/tracks.js';
import type { Cell } from './csv.js';
import type { Decision } from './decisions.js';
import { REFLECTIONS } from './reflection-options.js';

/** A number rounded for a spreadsheet (the exports are for reading, not for replaying: the JSON is). */
const round = (value: number | null, digits: number): number | null =>
  value === null || !Number.isFinite(value) ? null : Number(value.toFixed(digits));

/** One part's columns for a team: its lock, the truth and the ratio once revealed, its points, its reflection. */
function partCells(state: GameState, partIndex: number, team: Team): Cell[] {
  const part = PARTS[partIndex]!;
  const slice = state.parts[part.id];
  const mine = slice?.teams[team.id];
  if (!slice || !mine) return [null, null, null, null, null, null];
  // The truth is exported once revealed, as the class saw it; before that the export keeps it hidden too.
  const actual = slice.revealed ? part.answer(contextOf(state), team) : null;
  const predicted = mine.prediction;
  const ratio = typeof actual === 'number' && typeof predicted === 'number' && predicted > 0 ? actual / predicted : null;
  const learning = (slice.revealed ? lockScore(predicted, actual!) : 0) + (mine.reflection ? REFLECTION_POINTS : 0);
  return [predicted, actual, round(ratio, 4), learning, mine.reflection?.choice ?? null, mine.reflection?.text ?? null];
}

/** The per-player CSV: one row per seated player (kicked players are left out), team scores repeated. */
export function playerTable(state: GameState): { header: string[]; rows: Cell[][] } {
  const withIds = state.settings.askStudentId || state.players.some((p) => p.studentId);
  const header = ['Nickname', ...(withIds ? ['Student ID'] : []), 'Team', 'Track'];
  for (const part of PARTS) {
    const n = `Part ${part.number}`;
    header.push(`${n} prediction`, `${n} actual`, `${n} ratio`, `${n} learning`, `${n} reflection choice`, `${n} reflection`);
  }
  header.push('Learning score', 'Ops score', 'Total', 'Rank');
  const board = new Map(leaderboard(state).map((row) => [row.teamId, row]));
  const teams = new Map(state.teams.map((t) => [t.id, t]));
  const rows = state.players.flatMap((player) => {
    const team = player.teamId === null ? undefined : teams.get(player.teamId);
    if (player.kicked || !team) return [];
    const score = board.get(team.id)!;
    return [
      [
        player.nickname,
        ...(withIds ? [player.studentId] : []),
        team.name,
        TRACKS[team.track].name,
        ...PARTS.flatMap((_, index) => partCells(state, index, team)),
        score.learning,
        score.ops,
        score.total,
        score.rank,
      ],
    ];
  });
  return { header, rows };
}

/** The per-decision CSV. */
export function decisionTable(decisions: readonly Decision[]): { header: string[]; rows: Cell[][] } {
  const header = [
    'Version',
    'Real time (UTC)',
    'Part',
    'Simulated hour',
    'Team',
    'Player',
    'Action',
    'Parameters',
    'Confidence',
    'Target confidence',
    'SPRT log-likelihood ratio',
    'SPRT verdict',
    'Failures seen',
    // Named by what it compares (PSI_NAMES): not the v1 → v2 PSI a ledger's evidence may quote.
    'Training-serving PSI (latest check)',
    'Training-serving PSI band',
    'Alerts per day',
    'Pages per day',
    'Alert storm',
  ];
  const rows = decisions.map((d) => {
    const e = d.evidence;
    return [
      d.seq,
      d.at === null ? null : new Date(d.at).toISOString(),
      d.part,
      round(d.simHour, 2),
      d.teamName,
      d.nickname,
      d.action,
      Object.keys(d.parameters).length > 0 ? JSON.stringify(d.parameters) : null,
      round(e.confidence, 4),
      e.targetConfidence,
      round(e.sprtLlr, 3),
      e.sprtVerdict,
      e.failures,
      round(e.trainingServingPsi, 4),
      e.trainingServingPsiBand,
      round(e.alertsPerDay, 1),
      round(e.pagesPerDay, 1),
      e.alertStorm === null ? null : e.alertStorm ? 'yes' : 'no',
    ];
  });
  return { header, rows };
}

/**
 * Every reflection as plain text, by part then team, ready to paste into a learning-management system: the
 * question, then per team its members, the option chosen (letter and words) and the team's text.
 */
export function reflectionsText(state: GameState): string {
  const ctx = contextOf(state);
  const blocks: string[] = [`Fleet Ops · game ${state.code} · reflections`];
  for (const part of PARTS) {
    const slice = state.parts[part.id];
    if (!slice) continue;
    const question = REFLECTIONS[part.number];
    const lines = [`Part ${part.number} · ${part.title}`];
    if (question) lines.push(question.prompt);
    for (const team of state.teams) {
      const reflection = slice.teams[team.id]?.reflection;
      const members = state.players.filter((p) => p.teamId === team.id && !p.kicked).map((p) => p.nickname);
      lines.push('');
      lines.push(`${team.name} (${TRACKS[team.track].name}) · ${members.join(', ') || 'no players'}`);
      if (!reflection) {
        lines.push('No reflection submitted.');
        continue;
      }
      const option = question?.options[reflection.choice];
      lines.push(`Choice ${reflection.choice.toUpperCase()}${option ? `: ${option}` : ''}`);
      lines.push(`Reflection by ${ctx.nickname(reflection.by) ?? 'a player'}: ${reflection.text || '(no text)'}`);
    }
    blocks.push(lines.join('\n'));
  }
  return blocks.join('\n\n') + '\n';
}
