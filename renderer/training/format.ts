/** Numbers and durations as the training panel shows them, locale-independent. */

/** 12345.6 -> "12,346". */
export function formatInteger(n: number): string {
  return Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A metric value: four significant digits, exponent notation for the very small or large. */
export function formatMetric(v: number | null | undefined): string {
  if (v === null || v === undefined) return '–';
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a < 1e-3 || a >= 1e5) return v.toExponential(2);
  return Number(v.toPrecision(4)).toString();
}

export function formatPercent(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  return `${(100 * v).toFixed(1)}%`;
}

/** Seconds left: "45 s", "3 min 20 s", "2 h 5 min". */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '–';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

/** An axis tick on a log scale: 0.001 -> "1e-3", 1 -> "1", 100 -> "100". */
export function formatLogTick(v: number): string {
  if (!(v > 0)) return '';
  const e = Math.round(Math.log10(v));
  return e >= -2 && e <= 3 ? String(Number(v.toPrecision(1))) : `1e${e}`;
}
