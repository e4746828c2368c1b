/**
 * The readout a new recurrent network gets for a dataset: softmax with the
 * log-likelihood cost for classes, one sigmoid unit with cross-entropy for
 * two classes coded as one output, a linear unit with the quadratic cost for
 * regression. An explicit cost picks the readout it needs instead.
 */
import type { CostName } from '../costs';
import type { Task } from '../datasets/dataset';
import type { OutputActivation } from './layout';

export function readoutFor(shape: { outputSize: number; task?: Task }, cost?: CostName): { outputActivation: OutputActivation; cost: CostName } {
  const classes = shape.task ? shape.task === 'classification' : shape.outputSize >= 2;
  const chosen: CostName = cost ?? (!classes ? 'quadratic' : shape.outputSize >= 2 ? 'logLikelihood' : 'crossEntropy');
  switch (chosen) {
    case 'logLikelihood':
      return { outputActivation: 'softmax', cost: chosen };
    case 'crossEntropy':
      return { outputActivation: shape.outputSize >= 2 ? 'softmax' : 'sigmoid', cost: chosen };
    case 'quadratic':
      return { outputActivation: classes ? (shape.outputSize >= 2 ? 'softmax' : 'sigmoid') : 'linear', cost: chosen };
  }
}
