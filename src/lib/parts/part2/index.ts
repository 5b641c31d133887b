// Part 2 — Canary duration and the live fleet (GAME.md §5) on the pages.
import type { PartFaces } from '../faces.js';
import Part2Host from './host/Part2Host.svelte';
import Part2Play from './play/Part2Play.svelte';
import Part2Screen from './screen/Part2Screen.svelte';

export const part2: PartFaces = {
  play: Part2Play,
  host: Part2Host,
  screen: Part2Screen,
  inHostView: (view) => view.part2 !== null,
};
