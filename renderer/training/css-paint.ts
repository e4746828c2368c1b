/**
 * What the PNG export reads from computed styles, as plain functions (no
 * page needed, so they are unit-tested under Node): transparent colours,
 * CSS linear gradients as canvas gradients, file names.
 */

/** What a canvas gradient is to this module. */
export interface Gradient {
  addColorStop(offset: number, colour: string): void;
}

export function isTransparent(colour: string): boolean {
  return colour === '' || colour === 'transparent' || /^rgba\(.*,\s*0\)$/.test(colour) || /\/\s*0\)$/.test(colour);
}

/** Splits at the commas that are not inside parentheses. */
function topLevelParts(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '(') depth++;
    else if (s[i] === ')') depth--;
    else if (s[i] === ',' && depth === 0) {
      parts.push(s.slice(from, i).trim());
      from = i + 1;
    }
  }
  parts.push(s.slice(from).trim());
  return parts;
}

/** A CSS linear-gradient (as getComputedStyle gives it) as a canvas gradient over the rectangle, or null. */
export function linearGradient<G extends Gradient>(ctx: { createLinearGradient(x0: number, y0: number, x1: number, y1: number): G }, css: string, x: number, y: number, w: number, h: number): G | null {
  const m = /^linear-gradient\((.*)\)$/.exec(css.trim());
  if (!m) return null;
  const parts = topLevelParts(m[1]);
  let angle = 180; // "to bottom"
  const first = parts[0];
  const sides: Record<string, number> = { 'to top': 0, 'to right': 90, 'to bottom': 180, 'to left': 270 };
  if (first in sides) {
    angle = sides[first];
    parts.shift();
  } else if (/^-?[\d.]+deg$/.test(first)) {
    angle = parseFloat(first);
    parts.shift();
  }
  if (parts.length < 2) return null;
  const rad = (angle * Math.PI) / 180;
  const dx = Math.sin(rad);
  const dy = -Math.cos(rad);
  // The gradient line's length for this angle (CSS images 3, linear-gradient).
  const half = (Math.abs(w * dx) + Math.abs(h * dy)) / 2;
  const cx = x + w / 2;
  const cy = y + h / 2;
  const g = ctx.createLinearGradient(cx - dx * half, cy - dy * half, cx + dx * half, cy + dy * half);
  parts.forEach((part, i) => {
    const stop = /^(.*\))\s+([\d.]+)%$/.exec(part) ?? /^(\S+)\s+([\d.]+)%$/.exec(part);
    const colour = stop ? stop[1] : part;
    const at = stop ? parseFloat(stop[2]) / 100 : i / (parts.length - 1);
    g.addColorStop(Math.max(0, Math.min(1, at)), colour);
  });
  return g;
}

/** "Training cost" -> "training-cost". */
export function fileStem(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'chart';
}
