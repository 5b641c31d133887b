// Part 3 — Ensemble lockdown (GAME.md §6) on the pages.
import type { PartFaces } from '../faces.js';
import Part3Host from './host/Part3Host.svelte';
import Part3Play from './play/Part3Play.svelte';
import Part3Screen from './screen/Part3Screen.svelte';

export const part3: PartFaces = {
  play: Part3Play,
  host: Part3Host,
  screen: Part3Screen,
  inHostView: (view) => view.part3 !== null,
};
