// Chart colours for the dark theme of src/app.css (ECharts cannot read CSS variables from SVG attributes).
// Every pair here keeps ≥ 4.5:1 against the card surface (#151d27); colour is never the only signal — each
// series also has its own dash pattern, label or marker shape.
import type { TrackId } from '../../../shared/sim/tracks.js';

export const INK = {
  text: '#eef2f6',
  muted: '#b0bccb',
  grid: '#2c3a4b',
  axis: '#61738a',
  surface: '#151d27',
} as const;

export const SERIES = {
  manual: '#ff9b8f',
  platform: '#6cc6ff',
  alerts: '#9db4ff',
  deployment: '#e0a8ff',
  dependencies: '#ffb86b',
  capacity: '#eef2f6',
  prediction: '#ffd33d',
  nStar: '#7ee2a1',
  current: '#b0bccb',
} as const;

/** Part 2's instruments: the Confidence Clock and its target, failures, and the radar's polygon. */
export const CANARY = {
  confidence: '#6cc6ff',
  target: '#7ee2a1',
  failures: '#ff9b8f',
  radar: '#ffd166',
  limit: '#ff9b8f',
} as const;

/** Part 3's instruments: the two feature distributions of the consistency check, the measured system metric
 *  and its floor. Training and served bars also differ by a hatch, the floor by its dashes. */
export const ENSEMBLE = {
  training: '#6cc6ff',
  served: '#ffd166',
  measured: '#6cc6ff',
  floor: '#ff9b8f',
} as const;

/** The one source of track colours: app.css repeats them as --track-ID (tests/unit/theme-sync.test.ts), so a chart and a badge agree. */
export const TRACK_COLOURS: Readonly<Record<TrackId, string>> = {
  'cloud-titan': '#6cc6ff',
  'edge-guardian': '#ffd166',
  'mobile-nomad': '#e0a8ff',
  'tiny-pioneer': '#7ee2a1',
};

export const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif";
