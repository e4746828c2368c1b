import { describe, expect, it } from 'vitest';
import { layeredNetwork } from '../../../engine/build';
import { detectFormat } from '../../../engine/formats/detect';
import { exportNetwork2 } from '../../../engine/formats/network2';
import { newProject } from '../../../engine/project';

describe('detectFormat', () => {
  const network = layeredNetwork([3, 2]);
  /** Through JSON text, as a file would arrive. */
  const viaJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

  it('recognises our project and network files by their "format" tag', () => {
    expect(detectFormat(viaJson(newProject(network)))).toBe('project');
    expect(detectFormat(viaJson(network))).toBe('network');
  });

  it("recognises network2.py's JSON, and an incomplete one so its importer can say what is missing", () => {
    expect(detectFormat(viaJson(exportNetwork2(network)))).toBe('network2');
    expect(detectFormat({ sizes: [3, 2], weights: [] })).toBe('network2');
    expect(detectFormat({ sizes: [3, 2], biases: [] })).toBe('network2');
  });

  it('returns null for anything else', () => {
    for (const raw of [null, undefined, 3, 'sizes', [], [{ sizes: [1] }], {}, { sizes: [3, 2] }, { format: 'other' }, { format: 'other', sizes: [1, 1], weights: [] }]) {
      expect(detectFormat(raw)).toBeNull();
    }
  });

  it('reads only own keys, so a hostile prototype decides nothing', () => {
    const inherited = Object.create({ format: 'neuroloom-project', sizes: [1], weights: [] }) as object;
    expect(detectFormat(inherited)).toBeNull();
    expect(detectFormat(JSON.parse('{"__proto__": {"format": "neuroloom-network"}}'))).toBeNull();
  });
});
