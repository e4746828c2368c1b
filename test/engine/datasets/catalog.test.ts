import { describe, expect, it } from 'vitest';
import { generateBuiltin } from '../../../engine/datasets/builtin';
import { CATALOG, catalogEntry } from '../../../engine/datasets/catalog';

describe('catalog of built-in datasets', () => {
  it('lists the functions, the toy sets and the digits, names unique', () => {
    const names = CATALOG.map((e) => e.name);
    expect(new Set(names).size).toBe(names.length);
    for (const n of ['f1d', 'f1d-sin', 'f1d-step', 'f1d-abs', 'f1d-bump', 'f2d-tower', 'f2d-bump', 'f2d-saddle', 'f2d-sincos', 'xor', 'circle', 'gauss', 'spiral', 'digits']) {
      expect(names).toContain(n);
    }
    expect(catalogEntry('digits')).toMatchObject({ needsHost: true, inputSize: 784, outputSize: 10, task: 'classification' });
    expect(CATALOG.filter((e) => e.needsHost).map((e) => e.name)).toEqual(['digits']);
  });

  it('describes every generated set truthfully (shapes, task, default sizes)', () => {
    // Sequence sets are checked in sequence-sets.test.ts: generateBuiltin makes examples.
    for (const entry of CATALOG.filter((e) => !e.needsHost && e.kind !== 'sequence')) {
      const sets = generateBuiltin(entry.name, { seed: 1 })!;
      for (const [data, count] of [[sets.train, entry.trainCount], [sets.test, entry.testCount]] as const) {
        expect(data).toMatchObject({ task: entry.task, inputSize: entry.inputSize, outputSize: entry.outputSize, count });
        expect(data.x.length).toBe(count * entry.inputSize);
        expect(data.y.length).toBe(count * entry.outputSize);
      }
    }
    expect(generateBuiltin('digits')).toBeNull();
    expect(generateBuiltin('delayed-recall')).toBeNull();
    expect(generateBuiltin('nonsense')).toBeNull();
  });

  it('generates the same sets from the same seed, other sets from another, train and test apart', () => {
    const a = generateBuiltin('f1d', { seed: 4 })!;
    const b = generateBuiltin('f1d', { seed: 4 })!;
    const c = generateBuiltin('f1d', { seed: 5 })!;
    expect(Array.from(a.train.x)).toEqual(Array.from(b.train.x));
    expect(Array.from(a.test.y)).toEqual(Array.from(b.test.y));
    expect(Array.from(a.train.x)).not.toEqual(Array.from(c.train.x));
    expect(Array.from(a.test.x.subarray(0, 200))).not.toEqual(Array.from(a.train.x.subarray(0, 200)));
    const grid = generateBuiltin('f1d', { seed: 4, trainCount: 11, sampling: 'grid' })!;
    expect(grid.train.x[10]).toBe(1);
  });
});
