// The arithmetic of a fleet's alerts (GAME.md §7, *chapter*): N models × M metrics checked 288 times a day,
// each check firing on noise with a false-alert rate set by its threshold; how many pages that makes under
// each aggregation; and how often a real drift crosses a threshold.
import type { AlertAggregation } from '../../../../protocol/views.js';
import { MONITORING } from '../../../constants.js';
import { normalTail } from '../../../normal.js';

/** A threshold in σ of the noise now: static thresholds were set at 3σ of the calm noise, so a storm that
 *  multiplies the noise by `noise` shrinks them to 3/noise σ; discovered thresholds follow the noise. */
export function effectiveK(k: number | null, noise: number): number {
  return k === null ? MONITORING.staticK / noise : k;
}

/** False alerts per check at a threshold of `kEff` σ: the chapter's 0.003 at 3σ, scaled by the normal tail. */
export function falseAlertRate(kEff: number): number {
  return Math.min(1, (MONITORING.fprAt3Sigma * normalTail(kEff)) / normalTail(MONITORING.staticK));
}

/** False alerts a day: N · M · FPR · 288 (the chapter's formula). */
export function alertsPerDay(models: number, fpr: number): number {
  return models * MONITORING.metricsPerModel * fpr * MONITORING.checksPerDay;
}

/** Pages a day: one per alert, one per model with any alert in a check, or one per check with any alert. */
export function pagesPerDay(models: number, fpr: number, aggregation: AlertAggregation): number {
  const m = MONITORING.metricsPerModel;
  const checks = MONITORING.checksPerDay;
  switch (aggregation) {
    case 'metric':
      return alertsPerDay(models, fpr);
    case 'model':
      return models * checks * (1 - (1 - fpr) ** m);
    case 'fleet':
      return checks * (1 - (1 - fpr) ** (models * m));
  }
}

/** The chance that one check of a metric drifted by `shift` σ crosses a two-sided `kEff`·σ threshold. */
export function driftAlertRate(kEff: number, shift: number): number {
  return normalTail(kEff - shift) + normalTail(kEff + shift);
}
