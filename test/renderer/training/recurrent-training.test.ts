import { describe, expect, it } from 'vitest';
import { layeredNetwork } from '../../../engine/build';
import { catalogEntry } from '../../../engine/datasets/catalog';
import { compileSequence, initialiseSequenceDocument, sequenceNetwork } from '../../../engine/recurrent/network';
import { checkFit } from '../../../renderer/training/fit';
import { drawInitialWeights, layoutOf, parametersOf, weightsIntoDocument } from '../../../renderer/training/weights';

const lstm = () => sequenceNetwork({ cell: 'lstm', inputSize: 8, hiddenSize: 4, outputSize: 8 });

describe('training a recurrent network from the UI', () => {
  it('draws the same initial weights the trainer host draws (initialiseSequenceDocument), with the rem bias asked for', () => {
    const doc = lstm();
    const drawn = drawInitialWeights(doc, 'scaledNormal', 9, 3);
    expect(Array.from(drawn)).toEqual(Array.from(parametersOf(initialiseSequenceDocument(doc, 9, { remBias: 3 }))));
    // b_r (after W_r and U_r) is the rem bias: 4 units of 3.
    const { model } = compileSequence(doc);
    const br = model.blocks.find((b) => b.name === 'b_r');
    expect(Array.from(drawn.subarray(br?.offset, (br?.offset ?? 0) + 4))).toEqual([3, 3, 3, 3]);
  });

  it('writes snapshots back into the canvas document, and refuses them once the structure changed', () => {
    const doc = lstm();
    const layout = layoutOf(doc);
    const params = drawInitialWeights(doc, 'scaledNormal', 2, 1);
    const back = weightsIntoDocument(doc, params, layout);
    expect(back && Array.from(parametersOf(back))).toEqual(Array.from(params));
    // Moved nodes still take the weights; a resized cell or the other cell does not.
    const moved = { ...doc, nodes: doc.nodes.map((n) => ({ ...n, position: { x: n.position.x + 5, y: 3 } })) };
    expect(weightsIntoDocument(moved, params, layout)).not.toBeNull();
    const bigger = sequenceNetwork({ cell: 'lstm', inputSize: 8, hiddenSize: 5, outputSize: 8 });
    expect(weightsIntoDocument(bigger, params, layout)).toBeNull();
    const plain = sequenceNetwork({ cell: 'rnn', inputSize: 8, hiddenSize: 4, outputSize: 8 });
    expect(layoutOf(plain)).not.toBe(layout);
    expect(weightsIntoDocument(plain, params, layout)).toBeNull();
    // A dense network's snapshot never lands on a recurrent one, nor the other way round.
    expect(weightsIntoDocument(layeredNetwork([8, 8]), params, layout)).toBeNull();
    expect(weightsIntoDocument(doc, parametersOf(layeredNetwork([8, 8])), layoutOf(layeredNetwork([8, 8])))).toBeNull();
  });

  it('checks a sequence set against the network before training, naming what to change', () => {
    const recall = catalogEntry('delayed-recall')?.sequence;
    if (!recall) throw new Error('delayed-recall is missing from the catalog');
    expect(checkFit(lstm(), recall.shape({ symbols: 8 }))).toMatchObject({ ok: true, problems: [] });
    expect(checkFit(lstm(), recall.shape({ symbols: 8 })).feeds[0].range).toBe('features 1–8 of each step');
    const wrongSymbols = checkFit(lstm(), recall.shape({ symbols: 5 }));
    expect(wrongSymbols.problems).toEqual([
      'The sequences have 5 features per step, but the Input “Input (one step)” takes 8.',
      'The sequences have 5 targets per step, but the readout “Readout” has 8 units.',
    ]);
    expect(checkFit(lstm(), recall.shape({ symbols: 8, targets: 'every' })).problems).toEqual([
      'The sequences have a target at every step, but “LSTM” answers only after the last step: set it to answer at every step.',
    ]);
    expect(checkFit(lstm(), { inputSize: 8, outputSize: 8, task: 'classification' }).problems[0]).toMatch(/is a recurrent layer: it reads sequences.*Choose a sequence dataset/);
    expect(checkFit(layeredNetwork([8, 8]), recall.shape({ symbols: 8 })).problems[0]).toMatch(/^This is a sequence dataset/);
    const unwired = { ...lstm(), edges: lstm().edges.filter((e) => e.target !== 'lstm') };
    expect(checkFit(unwired, null).problems[0]).toMatch(/connect an Input to "lstm"/);
  });
});
