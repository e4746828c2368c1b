/**
 * Colour scales shared by edges, units and heatmaps. Sign is hue (blue
 * positive, orange negative, a pair that colour-blind readers tell apart),
 * magnitude is intensity.
 */

export const POSITIVE = [37, 99, 235] as const;
export const NEGATIVE = [234, 88, 12] as const;

/** CSS colour for a value in [-1, 1] (clamped) over a neutral background. */
export function signedColour(t: number, alphaFloor = 0.12): string {
  const c = Math.max(-1, Math.min(1, Number.isFinite(t) ? t : 0));
  const [r, g, b] = c >= 0 ? POSITIVE : NEGATIVE;
  return `rgba(${r}, ${g}, ${b}, ${alphaFloor + (1 - alphaFloor) * Math.abs(c)})`;
}

/** How strongly a unit's activation is shown: sigmoid-like outputs in [0, 1], others squashed by tanh. */
export function activationIntensity(a: number | undefined, activation: string): number {
  if (a === undefined || !Number.isFinite(a)) return 0;
  if (activation === 'sigmoid' || activation === 'softmax' || activation === 'perceptron') return a;
  return Math.tanh(a);
}

/** Viridis, sampled: perceptually even and readable in grey. */
const VIRIDIS: readonly (readonly [number, number, number])[] = [
  [68, 1, 84],
  [72, 40, 120],
  [62, 74, 137],
  [49, 104, 142],
  [38, 130, 142],
  [31, 158, 137],
  [53, 183, 121],
  [109, 205, 89],
  [180, 222, 44],
  [253, 231, 37],
];

/** RGB of viridis at t in [0, 1]. */
export function viridis(t: number): [number, number, number] {
  const x = Math.max(0, Math.min(1, Number.isFinite(t) ? t : 0)) * (VIRIDIS.length - 1);
  const i = Math.min(Math.floor(x), VIRIDIS.length - 2);
  const f = x - i;
  const a = VIRIDIS[i];
  const b = VIRIDIS[i + 1];
  return [Math.round(a[0] + (b[0] - a[0]) * f), Math.round(a[1] + (b[1] - a[1]) * f), Math.round(a[2] + (b[2] - a[2]) * f)];
}

/** RGB for a signed weight in [-1, 1] on a white (light) or near-black (dark) zero. */
export function divergingRgb(t: number, dark: boolean): [number, number, number] {
  const c = Math.max(-1, Math.min(1, Number.isFinite(t) ? t : 0));
  const zero = dark ? [24, 26, 32] : [255, 255, 255];
  const end = c >= 0 ? POSITIVE : NEGATIVE;
  const k = Math.abs(c);
  return [Math.round(zero[0] + (end[0] - zero[0]) * k), Math.round(zero[1] + (end[1] - zero[1]) * k), Math.round(zero[2] + (end[2] - zero[2]) * k)];
}

/** Distinct line colours for several output units. */
export const SERIES_COLOURS = ['#2563eb', '#db2777', '#059669', '#d97706', '#7c3aed', '#0891b2', '#dc2626', '#4d7c0f', '#9333ea', '#0f766e'];
