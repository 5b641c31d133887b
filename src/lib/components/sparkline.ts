// The geometry of a confidence sparkline, pure so that it is tested without a DOM: x spans the run's
// simulated hours, y maps confidence 0–1 onto a 30-unit-high box (0 at the bottom), with 2 units of margin.
// Relative imports only: unit tests load this file without Vite.

export interface SparkSample {
  hour: number;
  confidence: number;
  failures: number;
}

export interface SparkPaths {
  /** An SVG path through the samples, or '' when there are fewer than two. */
  line: string;
  targetY: number;
  /** x of each sample where the failure count went up. */
  failures: number[];
}

const HEIGHT = 30;
const MARGIN = 2;
const y = (confidence: number) => +(HEIGHT - MARGIN - Math.max(0, Math.min(1, confidence)) * (HEIGHT - 2 * MARGIN)).toFixed(2);

export function sparkPaths(samples: readonly SparkSample[], target: number): SparkPaths {
  const targetY = y(target);
  if (samples.length < 2) return { line: '', targetY, failures: [] };
  const first = samples[0]!.hour;
  const span = Math.max(1e-9, samples.at(-1)!.hour - first);
  const x = (hour: number) => +(((hour - first) / span) * 100).toFixed(2);
  const line = samples.map((s, i) => `${i === 0 ? 'M' : 'L'}${x(s.hour)} ${y(s.confidence)}`).join(' ');
  const failures = samples.flatMap((s, i) => (i > 0 && s.failures > samples[i - 1]!.failures ? [x(s.hour)] : []));
  return { line, targetY, failures };
}
