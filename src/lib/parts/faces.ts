// What a part brings to the pages: its three faces, one per audience (STYLE.md: a part's three faces
// together, looked up by the consoles).
import type { Component } from 'svelte';
import type { Debrief } from '$shared/protocol/debrief.js';
import type { HostView, ScreenView, TeamView } from '$shared/protocol/views.js';

export interface PartFaces {
  /** The part as a team plays it, mounted while the game is in the part. */
  play: Component<{ view: TeamView; selfNickname: string }>;
  /** The narrator's panel: `live` while the game is in the part, its results once the game has moved on. */
  host: Component<{ view: HostView; live: boolean }>;
  /** The part on the projector, mounted while the game is in the part; the server's debrief once it has come
   * (Part 2's reveal pages through the canary stories). */
  screen: Component<{ view: ScreenView; debrief?: Debrief | null }>;
  /** Whether the host's view carries this part (its results stay on the console after the part). */
  inHostView(view: HostView): boolean;
}
