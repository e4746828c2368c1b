import { describe, expect, it } from 'vitest';
import { allDigits } from '../../../node/digits';
import { Rng } from '../../../engine/rng';
import { normaliseDigit } from '../../../renderer/training/digit-normalise';

/** The 28x28 image blown up k times by repeating pixels, placed at (dx, dy) on a w x h canvas. */
function blowUp(img: ArrayLike<number>, k: number, w: number, h: number, dx: number, dy: number): Float32Array {
  const big = new Float32Array(w * h);
  for (let y = 0; y < 28 * k; y++) for (let x = 0; x < 28 * k; x++) big[(y + dy) * w + x + dx] = img[Math.floor(y / k) * 28 + Math.floor(x / k)];
  return big;
}

function bbox(img: ArrayLike<number>): { w: number; h: number } {
  let x0 = 28, x1 = -1, y0 = 28, y1 = -1;
  for (let y = 0; y < 28; y++) for (let x = 0; x < 28; x++) if (img[y * 28 + x] > 0.05) [x0, x1, y0, y1] = [Math.min(x0, x), Math.max(x1, x), Math.min(y0, y), Math.max(y1, y)];
  return { w: x1 - x0 + 1, h: y1 - y0 + 1 };
}

describe('a drawn digit made to look like MNIST', () => {
  it('gives MNIST digits back from enlarged, shifted copies of them', () => {
    const digits = allDigits();
    const rng = new Rng(4);
    let worst = 0;
    for (let n = 0; n < 60; n++) {
      const i = rng.int(digits.count);
      const img = digits.x.subarray(i * 784, (i + 1) * 784);
      const k = 4 + rng.int(7); // 4x to 10x, as a drawing on a pad of any size
      const out = normaliseDigit(blowUp(img, k, 28 * k + 40, 28 * k + 30, rng.int(40), rng.int(30)), 28 * k + 40, 28 * k + 30);
      let diff = 0;
      for (let p = 0; p < 784; p++) diff += Math.abs(out[p] - img[p]);
      worst = Math.max(worst, diff / 784);
    }
    // MNIST's own images are already 20 px boxes centred by mass, so the steps leave them as they are.
    expect(worst).toBeLessThan(0.002);
  });

  it('fits any drawing in a 20 px box with its centre of mass at (14, 14)', () => {
    const rng = new Rng(9);
    for (let n = 0; n < 40; n++) {
      const w = 300;
      const h = 200;
      const ink = new Float32Array(w * h);
      // A random thick bar, anywhere, of any aspect ratio.
      const [bx, by] = [rng.int(200), rng.int(100)];
      const [bw, bh] = [5 + rng.int(95), 5 + rng.int(95)];
      for (let y = by; y < by + bh; y++) for (let x = bx; x < bx + bw; x++) ink[y * w + x] = 1;
      const out = normaliseDigit(ink, w, h);
      const box = bbox(out);
      expect(Math.max(box.w, box.h)).toBeGreaterThanOrEqual(20);
      expect(Math.max(box.w, box.h)).toBeLessThanOrEqual(21); // an anti-aliased edge may add a faint pixel
      let m = 0, mx = 0, my = 0;
      for (let y = 0; y < 28; y++) for (let x = 0; x < 28; x++) [m, mx, my] = [m + out[y * 28 + x], mx + out[y * 28 + x] * x, my + out[y * 28 + x] * y];
      expect(Math.abs(mx / m - 14)).toBeLessThanOrEqual(0.5);
      expect(Math.abs(my / m - 14)).toBeLessThanOrEqual(0.5);
      expect(out.every((v) => v >= 0 && v <= 1)).toBe(true);
    }
  });

  it('keeps the aspect ratio and the total ink in proportion', () => {
    const w = 100;
    const ink = new Float32Array(w * w);
    for (let y = 10; y < 90; y++) for (let x = 40; x < 60; x++) ink[y * w + x] = 1; // 20 wide, 80 tall
    const out = normaliseDigit(ink, w, w);
    expect(bbox(out)).toEqual({ w: 5, h: 20 });
    expect(out.reduce((s, v) => s + v, 0)).toBeCloseTo(100, 6);
  });

  it('an empty pad is all zeros, a single dot is one centred pixel block', () => {
    expect(normaliseDigit(new Float32Array(400), 20, 20).every((v) => v === 0)).toBe(true);
    const dot = new Float32Array(400);
    dot[10 * 20 + 3] = 1;
    const out = normaliseDigit(dot, 20, 20);
    expect(out.reduce((s, v) => s + v, 0)).toBeCloseTo(400, 6); // one pixel scaled up to 20x20
    expect(out[14 * 28 + 14]).toBe(1);
  });
});
