/**
 * A lesson's own few examples (one training example, the rows of a truth
 * table) as a Dataset the Trainer can use without any file.
 */
import type { Dataset } from '../datasets/dataset';
import type { LessonExamples } from './types';

/** A lesson's examples as a Dataset (targets required: a read-only table has nothing to train on). */
export function examplesDataset(name: string, examples: LessonExamples): Dataset {
  const { inputs, targets } = examples;
  if (!targets) throw new Error(`lesson examples "${name}" have no targets to train on`);
  if (inputs.length === 0 || inputs.length !== targets.length) {
    throw new Error(`lesson examples "${name}": ${inputs.length} inputs but ${targets.length} targets`);
  }
  const inputSize = inputs[0].length;
  const outputSize = targets[0].length;
  if (inputs.some((r) => r.length !== inputSize) || targets.some((r) => r.length !== outputSize)) {
    throw new Error(`lesson examples "${name}": rows of different lengths`);
  }
  return {
    name,
    task: examples.task,
    inputSize,
    outputSize,
    count: inputs.length,
    x: Float64Array.from(inputs.flat()),
    y: Float64Array.from(targets.flat()),
  };
}
