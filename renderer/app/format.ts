/** Numbers as the UI shows them: short, without float noise, exact where it matters. */

/** At most `digits` significant digits; exponent form for the very large and very small. */
export function fmt(v: number | null | undefined, digits = 4): string {
  if (v === null || v === undefined) return '–';
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '-∞';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e6 || a < 1e-4) return v.toExponential(Math.max(0, digits - 2)).replace(/\.?0+e/, 'e');
  return String(Number(v.toPrecision(digits)));
}

/** The exact value for an editable field: the shortest text that reads back as the same number. */
export function exact(v: number): string {
  return Number.isFinite(v) ? String(v) : '';
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? word : many}`;
}

/**
 * An activation on a node: three decimals, which is what a sigmoid needs
 * (0.731, 1.000, 0.000), and short forms for large values.
 */
export function fmtActivation(v: number | null | undefined, decimals = 3): string {
  if (v === null || v === undefined) return '–';
  if (!Number.isFinite(v) || Math.abs(v) >= 1000) return fmt(v, 4);
  const t = v.toFixed(decimals);
  return /^-0\.0*$/.test(t) ? t.slice(1) : t;
}
