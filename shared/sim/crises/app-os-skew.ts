// The app-OS skew (Mobile Nomad's storyline, GAME.md §7): an OS update changes the NPU power policy and rolls
// out at different rates by region. In a few regions the model falls below 60 FPS on the update while the
// fleet's mean stays above it: a global monitor stays green. Slice-level monitors find the slices; the lighter
// model variant or a rollback treats them.
import { APP_OS_SKEW } from '../constants.js';
import { speaker } from './stakeholders.js';
import type { CrisisModule } from './types.js';

const { badFps, baseFps, regions, targetFps, updateCap } = APP_OS_SKEW;

export const appOsSkew: CrisisModule = {
  id: 'app-os-skew',
  title: 'App-OS skew',
  parts: ['part2'],
  targets: ['all', 'track', 'team'],
  voice: (track) =>
    track === 'mobile-nomad'
      ? `${speaker(track)}: "The new OS update changed the NPU power policy and it is rolling out region by region. Some users say the translated text swims and the frame gets warm in their hand — yet our dashboard says the fleet averages above ${targetFps} FPS. Which slices are failing?"`
      : `${speaker(track)}: "An OS update changed the NPU power policy on our devices, region by region. The fleet average still looks fine. Is every slice?"`,
  effect: `The update reaches up to ${updateCap * 100} % of the devices of each of ${regions} regions, at a speed drawn per region. In ${APP_OS_SKEW.badRegions} hidden regions the model falls to ${badFps.min}–${badFps.max} FPS on it (from ${baseFps.min}–${baseFps.max}); elsewhere it loses 1–2 FPS. The fleet's mean stays above ${targetFps} FPS.`,
  story: "Mobile Nomad's crisis (AR glasses in 10 regions), but any fleet can be hit. Good teams monitor per region × OS, then ship the lighter variant (holds 60 FPS, costs accuracy) or roll the bad slices back (slow, costs nothing).",
  // A second strike changes nothing: the update is already rolling out.
  strike: (effects, at) => ({ ...effects, skewAt: effects.skewAt ?? at }),
};
