/** One evaluation per (network, test set) pair, shared by the confusion matrix and the misclassified digits. */
import { useMemo } from 'react';
import type { Dataset } from '../../../engine/datasets/dataset';
import type { NetworkDocument } from '../../../engine/document';
import { evaluateClassifier, type ClassifierEvaluation } from '../evaluate';

const cache = new WeakMap<NetworkDocument, WeakMap<Dataset, ClassifierEvaluation | string>>();

export function evaluationFor(network: NetworkDocument, data: Dataset): ClassifierEvaluation | string {
  let byData = cache.get(network);
  if (!byData) {
    byData = new WeakMap();
    cache.set(network, byData);
  }
  let result = byData.get(data);
  if (result === undefined) {
    try {
      result = evaluateClassifier(network, data);
    } catch (e) {
      result = e instanceof Error ? e.message : String(e);
    }
    byData.set(data, result);
  }
  return result;
}

export function useEvaluation(network: NetworkDocument, data: Dataset | null): ClassifierEvaluation | string | null {
  return useMemo(() => (data ? evaluationFor(network, data) : null), [network, data]);
}
