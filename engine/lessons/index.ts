/**
 * The lesson gallery: every construction of the seed (chapters 1 to 5) as a
 * network a user can open, change and train, in the seed's order.
 */
import { approximateF, learnF } from './approximate-f';
import { backpropStepByStep } from './backprop-trace';
import { bitwiseOutput } from './bitwise';
import { digits } from './digits';
import { lstmCell } from './lstm';
import { manyTowers } from './many-towers';
import { perceptronScaling, sigmoidLimit } from './nand-adder';
import { oneNeuronDescent } from './one-neuron';
import { softmaxTemperature } from './softmax-temperature';
import { bump, stepFunction } from './steps';
import { tanhInstead } from './tanh';
import { tower, towerInM } from './towers';
import type { LessonDefinition } from './types';
import { deepSpeed, vanishingChain } from './vanishing';

export const lessons: readonly LessonDefinition[] = [
  perceptronScaling,
  sigmoidLimit,
  bitwiseOutput,
  digits,
  oneNeuronDescent,
  backpropStepByStep,
  softmaxTemperature,
  stepFunction,
  bump,
  approximateF,
  learnF,
  tower,
  towerInM,
  manyTowers,
  vanishingChain,
  deepSpeed,
  tanhInstead,
  lstmCell,
];

export function findLesson(id: string): LessonDefinition | undefined {
  return lessons.find((l) => l.id === id);
}

export * from './types';
export { defaultValues, resolveParameters } from './define';
export { lessonProject, type LessonProjectView } from './open';
export { examplesDataset } from './data';
export { backpropTrace, type BackpropTrace, type NodeTrace, type EdgeTrace } from './backprop-trace';
export { oneNeuronCurves, oneNeuronCurve, type CurvePoint } from './one-neuron';
export { layerSpeeds } from './vanishing';
export { activationCurves, type ActivationCurves, type ActivationCurve } from './tanh';
