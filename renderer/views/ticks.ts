/** Round tick values for an axis, and a domain padded around some data. */

export function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / mag;
  const step = norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10;
  return step * mag;
}

export function ticks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo) || !Number.isFinite(lo) || !Number.isFinite(hi)) return [lo];
  const step = niceStep(hi - lo, count);
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

/** [min, max] of the finite values, padded by 6%, never narrower than `minSpan`. */
export function paddedDomain(series: readonly ArrayLike<number>[], minSpan = 0.1): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series) {
    for (let i = 0; i < s.length; i++) {
      const v = s[i];
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (!Number.isFinite(lo)) return [0, 1];
  if (hi - lo < minSpan) {
    const mid = (hi + lo) / 2;
    lo = mid - minSpan / 2;
    hi = mid + minSpan / 2;
  }
  const pad = (hi - lo) * 0.06;
  return [lo - pad, hi + pad];
}

/**
 * The y domain a plot keeps while its data moves (a slider drag): the last
 * one while it still holds the new data's padded domain and is not much
 * wider than it, else the new one widened to round steps. An axis that
 * refits on every frame of a drag jitters, and its ticks, labels and the
 * plot's left margin change with it, which costs a relayout and a new canvas
 * on every frame. The same answer for the same inputs, so it may run during render.
 */
export function settledDomain(previous: readonly [number, number] | null, next: readonly [number, number]): [number, number] {
  const span = next[1] - next[0];
  if (!(span > 0) || !Number.isFinite(span)) return [next[0], next[1]];
  if (previous && next[0] >= previous[0] && next[1] <= previous[1] && span >= 0.6 * (previous[1] - previous[0])) return [previous[0], previous[1]];
  // Round steps of about a fifth of the span: room to move before the axis must change again.
  const step = niceStep(span, 5);
  return [Number((Math.floor(next[0] / step) * step).toPrecision(12)), Number((Math.ceil(next[1] / step) * step).toPrecision(12))];
}
