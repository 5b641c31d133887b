// Part 1 — Platform ROI audit (GAME.md §4) on the pages.
import type { PartFaces } from '../faces.js';
import Part1Host from './host/Part1Host.svelte';
import Part1Play from './play/Part1Play.svelte';
import Part1Screen from './screen/Part1Screen.svelte';

export const part1: PartFaces = {
  play: Part1Play,
  host: Part1Host,
  screen: Part1Screen,
  inHostView: (view) => view.part1 !== null,
};
