/**
 * The pieces of the PNG export that need no page: reading a CSS gradient as
 * getComputedStyle writes it (the surface view's colour bar) into a canvas
 * gradient, and telling a transparent colour. The whole export runs in
 * Chromium in test/e2e/app-training.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { fileStem, isTransparent, linearGradient } from '../../../renderer/training/css-paint';

/** A 2-D context that records the gradient asked of it. */
function recorder() {
  const calls: { line: number[]; stops: [number, string][] } = { line: [], stops: [] };
  const ctx = {
    createLinearGradient(x0: number, y0: number, x1: number, y1: number) {
      calls.line = [x0, y0, x1, y1];
      return { addColorStop: (at: number, colour: string) => void calls.stops.push([at, colour]) };
    },
  };
  return { ctx, calls };
}

const close = (actual: number[], expected: number[]) => actual.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 9));

describe('CSS gradients into a canvas', () => {
  it('"to top" runs from the bottom edge to the top edge, stops spread evenly', () => {
    const { ctx, calls } = recorder();
    expect(linearGradient(ctx, 'linear-gradient(to top, rgb(68, 1, 84), rgb(62, 74, 137), rgb(253, 231, 37))', 10, 20, 14, 100)).not.toBeNull();
    close(calls.line, [17, 120, 17, 20]);
    expect(calls.stops).toEqual([
      [0, 'rgb(68, 1, 84)'],
      [0.5, 'rgb(62, 74, 137)'],
      [1, 'rgb(253, 231, 37)'],
    ]);
  });

  it('no direction is "to bottom"; 90deg is "to right"; 45deg goes corner to corner of a square', () => {
    const down = recorder();
    linearGradient(down.ctx, 'linear-gradient(rgb(0, 0, 0), rgb(255, 255, 255))', 0, 0, 40, 10);
    close(down.calls.line, [20, 0, 20, 10]);
    const right = recorder();
    linearGradient(right.ctx, 'linear-gradient(90deg, red, blue)', 0, 0, 100, 20);
    close(right.calls.line, [0, 10, 100, 10]);
    // CSS Images 3: the gradient line of 45deg in a square joins the bottom-left and top-right corners.
    const diagonal = recorder();
    linearGradient(diagonal.ctx, 'linear-gradient(45deg, red, blue)', 0, 0, 100, 100);
    close(diagonal.calls.line, [0, 100, 100, 0]);
  });

  it('keeps stops placed by percentage, with colours that hold commas', () => {
    const { ctx, calls } = recorder();
    linearGradient(ctx, 'linear-gradient(to left, rgba(1, 2, 3, 0.5) 20%, rgb(4, 5, 6) 75%)', 0, 0, 10, 10);
    close(calls.line, [10, 5, 0, 5]);
    expect(calls.stops).toEqual([
      [0.2, 'rgba(1, 2, 3, 0.5)'],
      [0.75, 'rgb(4, 5, 6)'],
    ]);
  });

  it('declines what is not a linear gradient of two colours or more', () => {
    for (const css of ['none', 'radial-gradient(red, blue)', 'linear-gradient(to top, red)', 'url(a.png)']) expect(linearGradient(recorder().ctx, css, 0, 0, 1, 1), css).toBeNull();
  });
});

describe('colours and names', () => {
  it('tells the transparent colours getComputedStyle gives', () => {
    for (const c of ['transparent', 'rgba(0, 0, 0, 0)', 'rgba(12, 34, 56, 0)', 'color(srgb 1 0 0 / 0)', '']) expect(isTransparent(c), c).toBe(true);
    for (const c of ['rgb(0, 0, 0)', 'rgba(0, 0, 0, 0.5)', 'rgba(0, 0, 0, 0.05)', 'color(srgb 1 0 0 / 0.3)', '#fff']) expect(isTransparent(c), c).toBe(false);
  });

  it('names a file after the view', () => {
    expect(fileStem('Speed of learning')).toBe('speed-of-learning');
    expect(fileStem('Draw a digit')).toBe('draw-a-digit');
    expect(fileStem('…')).toBe('chart');
  });
});
