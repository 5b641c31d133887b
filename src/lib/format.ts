// Every number a page shows, one function per kind, so the host, the players and the projector read the same
// quantity the same way (English UI). Two rules hold throughout:
// - thousands are always grouped: "2,995", "29,956", "$2,814", "1 in 1,000" — as the debrief's readings and the
//   questions write them, so that "1 in 1000" never sits beside "1 in 10,000";
// - a negative number carries a true minus sign: "−$236,181", "−12".
// Relative imports only: unit tests and `tsc -p tsconfig.node.json` load this file without Vite.

const GROUP_FROM = 1_000;
const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 20 });

/** Rounds to at most `digits` decimals and writes the magnitude by the grouping rule, without a sign. */
function magnitude(value: number, digits: number): string {
  const rounded = Number(Math.abs(value).toFixed(digits));
  return rounded < GROUP_FROM ? String(rounded) : grouped.format(rounded);
}

/** The sign of a value that is not zero once rounded to `digits` decimals. */
function sign(value: number, digits: number): string {
  return value < 0 && Number(Math.abs(value).toFixed(digits)) !== 0 ? '−' : '';
}

/** A number with at most `digits` decimals, trailing zeros dropped: "195.6", "2,445.6", "0.5", "29,956". */
export function decimal(value: number, digits = 1): string {
  if (!Number.isFinite(value)) return '—';
  return sign(value, digits) + magnitude(value, digits);
}

/** Exactly `digits` decimals, for readings that line up in a column: 52 → "52.0", 61.96 → "62.0", 1234.5 → "1,234.5". */
export function fixed(value: number, digits = 1): string {
  if (!Number.isFinite(value)) return '—';
  const text = Math.abs(value).toFixed(digits);
  return (value < 0 && Number(text) !== 0 ? '−' : '') + (Number(text) < GROUP_FROM ? text : grouped.format(Number(text)));
}

/** A whole count: "7", "2,995", "29,956", "1,000,000". */
export function count(value: number): string {
  return decimal(value, 0);
}

/** "1 failure", "3 failures": a count with its noun. */
export function plural(value: number, noun: string): string {
  return `${count(value)} ${noun}${Math.round(value) === 1 ? '' : 's'}`;
}

/** Exact dollars for readouts and formulas: "$150", "$366,840", "−$236,181". */
export function dollars(amount: number): string {
  return `${sign(amount, 0)}$${magnitude(amount, 0)}`;
}

/** Three significant digits at most, trailing zeros dropped: 367.2 → "367", 1.25 → "1.25", 12.46 → "12.5". */
function threeDigits(value: number): string {
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return String(Number(value.toFixed(digits)));
}

/** Short dollars where width is scarce (axes, settings, tiles): "$0", "$500", "$50k", "$367k", "$1.25M". */
export function dollarsShort(amount: number): string {
  const a = Math.abs(amount);
  const s = amount < 0 && Math.round(a) !== 0 ? '−' : '';
  if (a >= 999_500) return `${s}$${threeDigits(a / 1_000_000)}M`;
  if (a >= 1_000) return `${s}$${threeDigits(a / 1_000)}k`;
  return `${s}$${Math.round(a)}`;
}

/** A share in [0, 1] as a percentage, with a space as GAME.md writes it: "87.3 %"; "—" when unknown. */
export function percent(share: number, digits = 1): string {
  if (!Number.isFinite(share)) return '—';
  return `${(share * 100).toFixed(digits)} %`;
}

/** A confidence target as written in the question: 0.95 → "95 %", 0.999 → "99.9 %" (targets are round). */
export function targetPercent(share: number): string {
  return `${Number((share * 100).toFixed(2))} %`;
}

/**
 * A reached confidence (0–1), rounded DOWN: 0.9499 must not read "95.0 %" next to a 95 % target. One decimal,
 * two at or above 99 % (a 99 % target needs the second digit to show progress). Never "100 %": C(n) =
 * 1 − (1 − p)^n is below 1 for every n, even where floating point rounds it to 1.
 */
export function confidence(share: number): string {
  const digits = share >= 0.99 ? 2 : 1;
  const scale = 10 ** digits;
  const floored = Math.floor(Math.max(0, Math.min(0.9999, share)) * 100 * scale + 1e-9) / scale;
  return `${floored.toFixed(digits)} %`;
}

/** The simulated clock as a wall clock, Part 2 beginning on Day 1 at 00:00: 38 h reads "Day 2 · 14:00". */
export function simClock(hours: number): string {
  const minutes = Math.max(0, Math.floor(hours * 60 + 1e-6));
  const day = Math.floor(minutes / 1440) + 1;
  const hh = String(Math.floor((minutes % 1440) / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `Day ${day} · ${hh}:${mm}`;
}

/** Simulated hours, one decimal below 10: "0.3 h", "9.5 h", "41 h", "1,200 h"; "— h" when unknown. */
export function hours(value: number): string {
  if (!Number.isFinite(value)) return '— h';
  const h = Math.max(0, value);
  return `${h < 10 ? decimal(h, 1) : count(h)} h`;
}

/** A span that may be short: "25 min" below an hour (a rollback, a window about to end), else as `hours`. */
export function duration(value: number): string {
  if (Number.isFinite(value) && value < 1) return `${Math.max(0, Math.round(value * 60))} min`;
  return hours(value);
}

/** Two significant digits from 100 on, so a drawn rate 1/4762 reads "1 in 4,800"; round targets stay exact. */
function twoDigits(value: number): number {
  if (value < 100) return Math.round(value);
  const scale = 10 ** (Math.floor(Math.log10(value)) - 1);
  return Math.round(value / scale) * scale;
}

/** A failure rate as people say it: 0.001 → "1 in 1,000", 0.00001 → "1 in 100,000"; 0 → "never". */
export function oneIn(rate: number): string {
  if (!(rate > 0)) return 'never';
  if (rate >= 1) return 'always';
  return `1 in ${count(twoDigits(1 / rate))}`;
}

/** A rate as it is written inside a formula: 0.001 → "1/1,000". */
export function rateFraction(rate: number): string {
  return rate > 0 ? `1/${count(twoDigits(1 / rate))}` : '0';
}

/** actual / predicted as "×1.46"; "—" when there is no ratio. */
export function ratio(value: number | null): string {
  return value === null || !Number.isFinite(value) ? '—' : `×${value.toFixed(2)}`;
}

/** The simulation speed, simulated hours per real second: 0.25 → "0.25 h/s", 8 → "8 h/s". */
export function speed(hoursPerSecond: number): string {
  return `${Number(hoursPerSecond.toFixed(2))} h/s`;
}

/** A metric already in percent (Part 3's accuracies): 81.73 → "81.7 %", 95 → "95 %"; "—" when unknown. */
export function percentValue(value: number | null, digits = 1): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return `${decimal(value, digits)} %`;
}

/** A population stability index, always two decimals as the bands are written (0.1, 0.25): "0.32", "0.00". */
export function psi(value: number): string {
  return Number.isFinite(value) ? Math.max(0, value).toFixed(2) : '—';
}

/** Real seconds, rounded, for "about how long on the wall clock": "≈ 45 s", "≈ 2 min"; "" when unknown. */
export function aboutSeconds(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '';
  return seconds < 90 ? `≈ ${Math.max(1, Math.round(seconds))} s` : `≈ ${Math.round(seconds / 60)} min`;
}
