/**
 * The digit views' numbers: run the network on a test set and count which
 * class it says for which true class (the confusion matrix), and keep the
 * examples it gets wrong. Predictions follow the engine's scoring: the
 * largest output, or output > 0.5 for a single output unit.
 */
import { compile } from '../../engine/compile';
import type { Dataset } from '../../engine/datasets/dataset';
import type { NetworkDocument } from '../../engine/document';
import { forward } from '../../engine/forward';
import { createWorkspace } from '../../engine/workspace';

export interface Misclassified {
  /** Index of the example in the test set. */
  index: number;
  label: number;
  predicted: number;
  /** The network's output for the predicted class. */
  confidence: number;
}

export interface ClassifierEvaluation {
  classes: number;
  classNames: string[];
  /** counts[true][predicted]. */
  counts: number[][];
  correct: number;
  count: number;
  misclassified: Misclassified[];
}

export function predictedClass(out: ArrayLike<number>, k: number): number {
  if (k === 1) return out[0] > 0.5 ? 1 : 0;
  let best = 0;
  for (let j = 1; j < k; j++) if (out[j] > out[best]) best = j;
  return best;
}

function trueClass(data: Dataset, i: number): number {
  const k = data.outputSize;
  if (data.labels) return data.labels[i];
  if (k === 1) return data.y[i] > 0.5 ? 1 : 0;
  return predictedClass(data.y.subarray(i * k, (i + 1) * k), k);
}

/** Examples between two pauses of evaluateClassifierSteps (about a millisecond of 784-30-10 each 20). */
export const EVALUATION_CHUNK = 100;

/**
 * Evaluates `network` on a classification set in steps: each `next()` runs
 * the next chunk of examples, so a caller can give the page back in between
 * (2,000 digits through 784-30-10 take tens of milliseconds). The last step
 * returns the evaluation; at most `keep` misclassified examples are kept,
 * most confident first.
 */
export function* evaluateClassifierSteps(network: NetworkDocument, data: Dataset, keep = 200, chunk = EVALUATION_CHUNK): Generator<void, ClassifierEvaluation, void> {
  const plan = compile(network, 'float64');
  const k = data.outputSize;
  if (data.inputSize !== plan.inputSize || (plan.output?.size ?? 0) !== k) {
    throw new Error(`the network (${plan.inputSize} inputs, ${plan.output?.size ?? 0} outputs) does not fit "${data.name}" (${data.inputSize} inputs, ${k} targets)`);
  }
  const classes = Math.max(2, k);
  const counts = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  const wrong: Misclassified[] = [];
  const ws = createWorkspace(plan);
  let correct = 0;
  for (let i = 0; i < data.count; i++) {
    if (i > 0 && i % chunk === 0) yield;
    const out = forward(plan, ws, data.x, i * data.inputSize);
    const predicted = predictedClass(out, k);
    const label = trueClass(data, i);
    counts[label][predicted]++;
    if (predicted === label) correct++;
    else wrong.push({ index: i, label, predicted, confidence: k === 1 ? Math.abs(out[0] - 0.5) * 2 : out[predicted] });
  }
  wrong.sort((a, b) => b.confidence - a.confidence || a.index - b.index);
  const classNames = data.classNames ?? Array.from({ length: classes }, (_, c) => String(c));
  return { classes, classNames, counts, correct, count: data.count, misclassified: wrong.slice(0, keep) };
}

/** Evaluates `network` on a classification set in one go (see evaluateClassifierSteps). */
export function evaluateClassifier(network: NetworkDocument, data: Dataset, keep = 200): ClassifierEvaluation {
  const steps = evaluateClassifierSteps(network, data, keep);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
