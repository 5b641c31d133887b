// The debrief's page logic, pure: podiums per track only where a track has more than one team, every prediction
// against the truth, and the timeline chart's marks (one axis, kinds told apart by shape, the chosen decision).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LeaderboardRow } from '../../shared/protocol/views.js';
import { predictionLines } from '../../shared/sim/debrief/predictions.js';
import { debriefFromLog } from '../../shared/sim/debrief/timeline.js';
import { projectScreen } from '../../shared/sim/project.js';
import { replay } from '../../shared/sim/replay.js';
import type { GameConfig } from '../../shared/sim/state.js';
import { podium, trackPodiums } from '../../src/lib/debrief/debrief-rows.js';
import { CARD_CHARS, CARD_ENTRIES, ledgerCards } from '../../src/lib/debrief/ledger-cards.js';
import { storyOptions } from '../../src/lib/debrief/story-options.js';
import { axisLabel, entryHour, markerOffsets, markerStep, timelineOptions, timelineTooltip, whatIfChoiceAt } from '../../src/lib/debrief/timeline-options.js';

const golden = JSON.parse(readFileSync(new URL('./golden/game-log.json', import.meta.url), 'utf8')) as { config: GameConfig; log: unknown[] };

const row = (teamId: string, track: LeaderboardRow['track'], rank: number, trackRank: number): LeaderboardRow => ({
  rank,
  trackRank,
  teamId,
  name: teamId,
  track,
  learning: 0,
  ops: 0,
  total: 100 - rank,
});

describe('podiums', () => {
  it('gives a track its own podium only when it has more than one team, top three at most', () => {
    const rows = [
      row('a', 'cloud-titan', 1, 1),
      row('b', 'edge-guardian', 2, 1),
      row('c', 'cloud-titan', 3, 2),
      row('d', 'cloud-titan', 4, 3),
      row('e', 'cloud-titan', 5, 4),
    ];
    expect(trackPodiums(rows).map((g) => [g.track, g.rows.map((r) => r.teamId)])).toEqual([['cloud-titan', ['a', 'c', 'd']]]);
    expect(podium(rows).map((r) => r.teamId)).toEqual(['a', 'b', 'c']);
    expect(trackPodiums(rows.slice(0, 2))).toEqual([]);
  });
});

describe('predictions against the truth', () => {
  it('lists every team for every revealed lock', () => {
    const view = projectScreen(replay(golden.config, golden.log));
    const { parts, lines } = predictionLines(view);
    expect(parts).toEqual([1, 2, 3]);
    const owls = lines.find((l) => l.name === 'Night Owls')!;
    expect(owls.cells[2]).toEqual({ predicted: '3,000', actual: '2,995', good: true, verdict: '×1.00' });
    expect(lines.find((l) => l.name === 'Team 3')!.cells[3]).toMatchObject({ predicted: null, verdict: 'not locked', good: false });
  });
});

describe('governance ledgers on the projector', () => {
  it('gives the projector every team\'s ledger once Part 3 is revealed, and the host none (its console has them)', () => {
    const screen = debriefFromLog(golden.config, golden.log, 'screen');
    expect(screen.ledgers.map((l) => l.teamId)).toEqual(screen.teams.map((t) => t.id));
    expect(screen.ledgers.some((l) => l.entries.length > 0)).toBe(true);
    expect(debriefFromLog(golden.config, golden.log, 'host').ledgers).toEqual([]);
  });

  it('keeps them off the projector before Part 3 is revealed', () => {
    // The golden game's last reveal is Part 3's.
    const revealAt = golden.log.findLastIndex((a) => (a as { type: string }).type === 'host/reveal');
    expect(revealAt).toBeGreaterThan(0);
    expect(debriefFromLog(golden.config, golden.log.slice(0, revealAt + 1), 'screen').ledgers).not.toEqual([]);
    expect(debriefFromLog(golden.config, golden.log.slice(0, revealAt), 'screen').ledgers).toEqual([]);
  });
});

describe('the timeline chart', () => {
  const debrief = debriefFromLog(golden.config, golden.log, 'screen');

  it('labels one axis with Part 2 then Part 3 hours', () => {
    expect(axisLabel(debrief, 6)).toBe('P2 6 h');
    expect(axisLabel(debrief, 10)).toBe('P3 3 h');
    // Ticks 0.2 h apart read apart.
    expect([0, 0.2, 0.4, 0.6, 0.8, 1].map((h) => axisLabel({ part3From: null }, h))).toEqual(['P2 0 h', 'P2 0.2 h', 'P2 0.4 h', 'P2 0.6 h', 'P2 0.8 h', 'P2 1 h']);
    // An entry says its hour to a tenth: a promotion when a 0.3 h shadow window ended is not at "0 h".
    expect(entryHour(debrief, 0.2995)).toBe('P2 0.3 h');
    expect(entryHour(debrief, 10)).toBe('P3 3.0 h');
  });

  it('draws each kind with its own shape and rings the chosen decision', () => {
    const options = timelineOptions(debrief, { selected: 44 });
    const series = options.series as { name: string; symbol: string; data: { value: [number, number]; name: string; itemStyle?: object }[] }[];
    expect(series.map((s) => [s.name, s.symbol])).toEqual([
      ['Crisis', 'triangle'],
      ['Decision', 'circle'],
      ['Outcome', 'diamond'],
    ]);
    const decisions = series[1]!.data;
    expect(decisions.filter((d) => d.itemStyle).map((d) => d.name)).toEqual(['Promote run 1 to 1 % (confidence 94.8 % of 95 %)']);
    // Team 2's domino sits on its row (1) at the axis hour 9.
    expect(series[0]!.data.find((d) => d.name === 'Dependency domino')!.value[0]).toBe(9);
    // Each team's name on its own row (0, 1, 2), not on the borders between rows.
    const yAxis = options.yAxis as { axisLabel: { customValues: number[]; formatter: (v: number) => string } };
    expect(yAxis.axisLabel.customValues.map(yAxis.axisLabel.formatter)).toEqual(['Night Owls', 'Team 2', 'Team 3']);
  });

  it('sets apart the markers of one team at the same hour, so that each can be seen and clicked', () => {
    // Night Owls promoted run 1 three times and shipped it at the same hour (its clock held while each was due).
    type Item = { value: [number, number]; name: string; symbolOffset: [number, number] };
    const step = markerStep(12);
    for (const width of [0, 390, 1280]) {
      const decisions = (timelineOptions(debrief, { pickable: true, width }).series as { data: Item[] }[])[1]!.data;
      const same = decisions.filter((d) => d.value[0] === decisions.find((e) => e.name.startsWith('Promote run 1 to 5 %'))!.value[0]);
      expect(same.map((d) => d.name.split(' (')[0])).toEqual(['Promote run 1 to 5 %', 'Promote run 1 to 25 %', 'Promote run 1 to 50 %', 'Ship run 1']);
      // On one row, left to right in the order they were taken, each a marker's width and more from the last.
      expect(new Set(same.map((d) => d.value[1])).size).toBe(1);
      const xs = same.map((d) => d.symbolOffset[0]);
      xs.slice(1).forEach((x, i) => expect(x - xs[i]!).toBeGreaterThanOrEqual(step - 1e-9));
      // Each maps back to its own decision.
      const versions = same.map((d) => whatIfChoiceAt(debrief, { componentType: 'series', seriesIndex: 1, dataIndex: decisions.indexOf(d) }));
      expect(versions).toEqual([48, 49, 50, 51]);
    }
  });

  it('moves a marker only as far as it must: apart in time stays put, close in time keeps a step', () => {
    const entry = (teamId: string, axis: number) => ({ teamId, axis, version: 0, part: 'part2' as const, hour: axis, kind: 'decision' as const, label: '', alternatives: [] });
    // 10 px an hour, a step of 12 px: 0 h and 0.5 h (5 px apart) need 7 px more; 5 h stays; another team is apart.
    expect(markerOffsets([entry('a', 0), entry('a', 0.5), entry('a', 5), entry('b', 0.5), entry('a', 0)], 10, 12)).toEqual([0, 19, 0, 0, 12]);
    // Before the page measured the chart, only markers at the very same hour move.
    expect(markerOffsets([entry('a', 0), entry('a', 0.5), entry('a', 0)], 0, 12)).toEqual([0, 0, 12]);
    // A team that decided eight times in an hour: its markers stand apart up to three steps from their hour, then
    // overlap there, instead of marching across the chart (a class saw Part 2 decisions drawn in Part 3's band).
    const crowded = Array.from({ length: 8 }, (_, i) => entry('a', i * 0.1));
    expect(markerOffsets(crowded, 10, 12)).toEqual([0, 11, 22, 33, 36, 36, 36, 36]);
  });

  it('maps a clicked decision marker to its version, and nothing else to a pick', () => {
    const series = timelineOptions(debrief, { pickable: true }).series as { name: string; data: { name: string; cursor: string }[] }[];
    // Find the markers as the chart draws them, by their label: the mapping must agree with the drawing.
    const at = (seriesIndex: number, label: string) => ({
      componentType: 'series',
      seriesIndex,
      dataIndex: series[seriesIndex]!.data.findIndex((d) => d.name.startsWith(label)),
    });
    expect(whatIfChoiceAt(debrief, at(1, 'Promote run 1 to 1 %'))).toBe(44);
    expect(whatIfChoiceAt(debrief, at(1, 'Roll back run 1 at shadow'))).toBe(46);
    expect(whatIfChoiceAt(debrief, at(1, 'Challenge refused'))).toBe(70);
    // Starting a run is a decision nothing replaces in a "what if": not a pick, no pointer.
    expect(whatIfChoiceAt(debrief, at(1, 'Run 1: 95 %'))).toBeNull();
    expect(series[1]!.data.find((d) => d.name.startsWith('Run 1: 95 %'))!.cursor).toBe('default');
    expect(series[1]!.data.find((d) => d.name.startsWith('Promote run 1 to 1 %'))!.cursor).toBe('pointer');
    // Crises and outcomes are never picked, nor the Part 2/3 bands, nor a point that is not there.
    expect(whatIfChoiceAt(debrief, at(0, 'Dependency domino'))).toBeNull();
    expect(series[0]!.data.every((d) => d.cursor === 'default')).toBe(true);
    expect(whatIfChoiceAt(debrief, { componentType: 'series', seriesIndex: 2, dataIndex: 0 })).toBeNull();
    expect(whatIfChoiceAt(debrief, { componentType: 'markArea', seriesIndex: 1, dataIndex: 0 })).toBeNull();
    expect(whatIfChoiceAt(debrief, { componentType: 'series', seriesIndex: 1, dataIndex: 999 })).toBeNull();
    // The projector's chart picks nothing: no pointer anywhere.
    const screenSeries = timelineOptions(debrief).series as { data: { cursor: string }[] }[];
    expect(screenSeries.flatMap((s) => s.data).every((d) => d.cursor === 'default')).toBe(true);
  });

  it('shows a decision\'s team, hour and evidence on hover, escaped, with the click hint only where it picks', () => {
    const promote = debrief.entries.find((e) => e.version === 44 && e.kind === 'decision')!;
    const tip = timelineTooltip(debrief, promote, true);
    expect(tip).toBe(
      '<strong>Night Owls</strong> · P2 0.3 h<br>Decision: Promote run 1 to 1 % (confidence 94.8 % of 95 %)<br><em>Click to try a "what if" here</em>',
    );
    expect(timelineTooltip(debrief, promote, false)).not.toMatch(/Click/);
    const crisis = debrief.entries.find((e) => e.kind === 'crisis')!;
    expect(timelineTooltip(debrief, crisis, true)).not.toMatch(/Click/);
    // A team name is typed by players: it reaches the tooltip's HTML as text.
    const renamed = { ...debrief, teams: debrief.teams.map((t) => (t.id === 't1' ? { ...t, name: '<img src=x onerror=alert(1)>' } : t)) };
    expect(timelineTooltip(renamed, promote, true)).toMatch(/^<strong>&#60;img src=x onerror=alert\(1\)&#62;<\/strong>/);
  });

  it('tells a canary story with a line per run and markers on the same hours', () => {
    const story = debrief.stories.find((s) => s.teamId === 't1')!;
    const entries = debrief.entries.filter((e) => e.teamId === 't1' && e.part === 'part2');
    const options = storyOptions(story, entries);
    const series = options.series as { type: string; name: string; data: unknown[] }[];
    expect(series.filter((s) => s.type === 'line').map((s) => s.name)).toEqual(['Run 1']);
    expect(series.find((s) => s.name === 'Crisis')!.data).toHaveLength(2);
  });
});

describe('the projector\'s ledger cards', () => {
  const entry = (text: string) => ({ at: 1, kind: 'policy' as const, byNickname: 'Bob', text, evidence: null });
  const teams = [
    { id: 't1', name: 'Road Warriors', track: 'edge-guardian' as const },
    { id: 't2', name: 'Night Owls', track: 'cloud-titan' as const },
  ];

  it('cuts a long ledger into cards that each fit a column, in order, and keeps a short one whole', () => {
    // Road Warriors' nine entries of a class's game, each a long sentence: three cards, none over the budget.
    const long = Array.from({ length: 9 }, (_, i) => entry(`${i}: ${'Deployed upstream v2; the downstream still reads features_v1. '.repeat(2)}`));
    const cards = ledgerCards({ teams, ledgers: [{ teamId: 't1', entries: long }, { teamId: 't2', entries: [entry('Loose versioning.')] }, { teamId: 'gone', entries: [] }] });
    const road = cards.filter((c) => c.teamId === 't1');
    expect(road.length).toBeGreaterThan(2);
    expect(road.flatMap((c) => c.entries)).toEqual(long);
    expect(road.map((c) => [c.part, c.parts])).toEqual(road.map((_, i) => [i + 1, road.length]));
    for (const card of road) {
      expect(card.entries.length).toBeLessThanOrEqual(CARD_ENTRIES);
      expect(card.entries.reduce((sum, e) => sum + e.text.length, 0)).toBeLessThanOrEqual(CARD_CHARS);
    }
    expect(cards.filter((c) => c.teamId === 't2')).toEqual([{ teamId: 't2', entries: [entry('Loose versioning.')], part: 1, parts: 1 }]);
    // A team no longer in the game has no card; an empty ledger is one card that says so.
    expect(cards.some((c) => c.teamId === 'gone')).toBe(false);
    expect(ledgerCards({ teams, ledgers: [{ teamId: 't2', entries: [] }] })).toEqual([{ teamId: 't2', entries: [], part: 1, parts: 1 }]);
  });
});
