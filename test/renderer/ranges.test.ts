import { describe, expect, it } from 'vitest';
import { fromLog, niceCeil, parseNumber, sliderRange, sliderStep, toLog } from '../../renderer/inspector/ranges';

describe('inspector ranges and number fields', () => {
  it('rounds up to 1, 2, 5 times a power of ten', () => {
    expect([0.3, 1, 1.01, 2.5, 7, 12, 0.04].map((x) => niceCeil(x, 0.01))).toEqual([0.5, 1, 2, 5, 10, 20, 0.05]);
    expect(niceCeil(0.2)).toBe(1);
  });

  it('gives every value a symmetric slider range with room to move', () => {
    expect(sliderRange(0)).toEqual([-1, 1]);
    expect(sliderRange(0.3)).toEqual([-1, 1]);
    expect(sliderRange(-0.9)).toEqual([-2, 2]);
    expect(sliderRange(10_000)).toEqual([-20_000, 20_000]);
    expect(sliderRange(-400)).toEqual([-1000, 1000]);
    expect(sliderRange(Number.NaN)).toEqual([-1, 1]);
    for (const v of [0.001, 0.7, 3, 42, 999, 12345]) {
      const [lo, hi] = sliderRange(v);
      expect(hi).toBeGreaterThanOrEqual(1.5 * v);
      expect(hi).toBeLessThanOrEqual(Math.max(1, 5 * v));
      expect(lo).toBe(-hi);
    }
    expect(sliderStep([-2, 2])).toBe(0.004);
  });

  it('reads what people type, and refuses what is not one number', () => {
    expect(parseNumber(' 1.5 ')).toBe(1.5);
    expect(parseNumber('−2')).toBe(-2);
    expect(parseNumber('-.5')).toBe(-0.5);
    expect(parseNumber('1e-3')).toBe(0.001);
    expect(parseNumber('1 000')).toBe(1000);
    for (const bad of ['', 'abc', '1.2.3', '--1', '1e', 'Infinity', 'NaN', '0x10', '1,5', '1e999']) expect(parseNumber(bad)).toBeNull();
  });

  it('maps a log slider both ways', () => {
    expect(fromLog(0, 0.01, 1000)).toBeCloseTo(0.01, 15);
    expect(fromLog(1, 0.01, 1000)).toBeCloseTo(1000, 9);
    expect(fromLog(0.4, 0.01, 1000)).toBeCloseTo(1, 12);
    expect(toLog(1, 0.01, 1000)).toBeCloseTo(0.4, 15);
  });
});

describe('number display', () => {
  it('shows activations with fixed decimals, large values short, and no negative zero', async () => {
    const { fmt, fmtActivation } = await import('../../renderer/app/format');
    expect(fmtActivation(1 / (1 + Math.exp(-1)))).toBe('0.731');
    expect(fmtActivation(2.32e-54, 4)).toBe('0.0000');
    expect(fmtActivation(-1e-9)).toBe('0.000');
    expect(fmtActivation(-0.25)).toBe('-0.250');
    expect(fmtActivation(12345.678)).toBe('12350');
    expect(fmtActivation(undefined)).toBe('–');
    expect(fmt(0.30000000000000004)).toBe('0.3');
    expect(fmt(-4000)).toBe('-4000');
    expect(fmt(3.7e-44, 3)).toBe('3.7e-44');
  });
});
