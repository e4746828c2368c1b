/** The documents the UI benchmark opens: the book's 784-30-10, and a large hand-wired graph. */
import { initialiseDocument, layeredNetwork } from '../../engine/build';
import { NETWORK_FORMAT, NETWORK_VERSION, type NetworkDocument, type NetworkEdge, type NetworkNode } from '../../engine/document';
import { newProject, serialiseProject } from '../../engine/project';
import { Rng } from '../../engine/rng';

export function digitsProjectText(): string {
  const doc = initialiseDocument(layeredNetwork([784, 30, 10], { cost: 'crossEntropy', image: { width: 28, height: 28 } }), 'scaledNormal', 1);
  return serialiseProject(newProject(doc, 'Digits 784-30-10'));
}

/**
 * `columns` columns of `rows` single neurons; each neuron after the first
 * column reads `fanIn` neurons of the column before it (seeded choice), and
 * an Input feeds the first column.
 */
export function handWiredDocument(columns = 6, rows = 50, fanIn = 12, seed = 5): NetworkDocument {
  const rng = new Rng(seed);
  const nodes: NetworkNode[] = [{ id: 'x', kind: 'input', label: 'x', position: { x: -300, y: (rows * 70) / 2 }, size: 1 }];
  const edges: NetworkEdge[] = [];
  const id = (c: number, r: number): string => `n${c}_${r}`;
  for (let c = 0; c < columns; c++) {
    for (let r = 0; r < rows; r++) {
      nodes.push({ id: id(c, r), kind: 'neuron', label: `n${c * rows + r + 1}`, position: { x: c * 320, y: r * 70 }, activation: 'sigmoid', bias: Math.round(rng.normal() * 100) / 100 });
      if (c === 0) {
        edges.push({ id: `x->${id(c, r)}`, source: 'x', target: id(c, r), weights: [[Math.round(rng.normal() * 100) / 100]] });
        continue;
      }
      const picked = new Set<number>();
      while (picked.size < fanIn) picked.add(rng.int(rows));
      for (const s of picked) edges.push({ id: `${id(c - 1, s)}->${id(c, r)}`, source: id(c - 1, s), target: id(c, r), weights: [[Math.round(rng.normal() * 100) / 100]] });
    }
  }
  return { format: NETWORK_FORMAT, version: NETWORK_VERSION, nodes, edges };
}

export function handWiredProjectText(): string {
  return serialiseProject(newProject(handWiredDocument(), 'Hand-wired 300 neurons'));
}
