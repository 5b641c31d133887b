// Number formats for charts and readouts (English UI).

const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** "$366,840": exact dollars for readouts. Negative amounts read "−$12,000". */
export function dollars(amount: number): string {
  const sign = amount < 0 ? '−' : '';
  return `${sign}$${whole.format(Math.abs(Math.round(amount)))}`;
}

/** "$367k", "$1.2M": short dollars for axis labels and chart marks, where width is scarce on a phone. */
export function dollarsShort(amount: number): string {
  const sign = amount < 0 ? '−' : '';
  const a = Math.abs(amount);
  if (a >= 1_000_000) return `${sign}$${trim(a / 1_000_000)}M`;
  if (a >= 1_000) return `${sign}$${trim(a / 1_000)}k`;
  return `${sign}$${Math.round(a)}`;
}

/** One decimal below 10, none above: "1.2", "15", "367". */
function trim(value: number): string {
  return value < 10 ? String(Math.round(value * 10) / 10) : String(Math.round(value));
}

/** "2,500": whole numbers with thousands separators. */
export function count(value: number): string {
  return whole.format(Math.round(value));
}
