/**
 * Slider ranges that adapt to the value (a weight of 0.3 and one of 10,000
 * both get a slider they can move in), and number parsing for the exact fields.
 */

const LADDER = [1, 2, 5];

/** The smallest of 1, 2, 5 x 10^k that is at least x (and at least `floor`). */
export function niceCeil(x: number, floor = 1): number {
  const target = Math.max(Math.abs(x), floor);
  let exp = Math.floor(Math.log10(target));
  for (;;) {
    for (const m of LADDER) {
      const v = m * 10 ** exp;
      if (v >= target * (1 - 1e-12)) return v;
    }
    exp += 1;
  }
}

/**
 * A symmetric range [-R, R] with the value comfortably inside it (R at least
 * 1.5 |v|), from a ladder of round numbers so the ends read well.
 */
export function sliderRange(value: number, floor = 1): [number, number] {
  const r = niceCeil(Number.isFinite(value) ? 1.5 * Math.abs(value) : 0, floor);
  return [-r, r];
}

/** Where a slider stops: a thousand steps over the range. */
export function sliderStep([lo, hi]: readonly [number, number]): number {
  return (hi - lo) / 1000;
}

/**
 * A number typed by a person: accepts the typographic minus, spaces and an
 * exponent (1e-3); returns null for anything that is not one finite number.
 */
export function parseNumber(text: string): number | null {
  const t = text.trim().replace(/[\u2212\u2012\u2013]/g, '-').replace(/\s+/g, '');
  if (t === '' || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
}

/** Maps a log-scale slider position in [0, 1] to a value in [min, max] (both > 0), and back. */
export function fromLog(t: number, min: number, max: number): number {
  return min * (max / min) ** t;
}

export function toLog(v: number, min: number, max: number): number {
  return Math.log(Math.max(v, min) / min) / Math.log(max / min);
}
