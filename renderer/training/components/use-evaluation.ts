/**
 * One evaluation per (network, test set) pair, shared by the confusion
 * matrix and the misclassified digits. It runs in slices of a few
 * milliseconds between which the page gets on with everything else, so
 * evaluating 2,000 digits once a second during a run never blocks it.
 */
import { useEffect, useState } from 'react';
import type { Dataset } from '../../../engine/datasets/dataset';
import type { NetworkDocument } from '../../../engine/document';
import { evaluateClassifierSteps, type ClassifierEvaluation } from '../evaluate';
import { useTestSet, useThrottledValue } from '../hooks';

export type Evaluation = ClassifierEvaluation | string;

/** How long one slice may run before the page gets its turn. */
const SLICE_MS = 8;

const cache = new WeakMap<NetworkDocument, WeakMap<Dataset, Promise<Evaluation>>>();

// A MessageChannel turn is not clamped to 4 ms as a nested setTimeout is, and input still gets in between.
const queue: (() => void)[] = [];
let channel: MessageChannel | null = null;
function nextTask(fn: () => void): void {
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => queue.shift()?.();
  }
  queue.push(fn);
  channel.port2.postMessage(null);
}

function evaluateInSlices(network: NetworkDocument, data: Dataset): Promise<Evaluation> {
  return new Promise((resolve) => {
    let steps: ReturnType<typeof evaluateClassifierSteps>;
    try {
      steps = evaluateClassifierSteps(network, data);
    } catch (e) {
      resolve(e instanceof Error ? e.message : String(e));
      return;
    }
    const slice = (): void => {
      const end = performance.now() + SLICE_MS;
      try {
        for (;;) {
          const step = steps.next();
          if (step.done) return resolve(step.value);
          if (performance.now() >= end) return nextTask(slice);
        }
      } catch (e) {
        resolve(e instanceof Error ? e.message : String(e));
      }
    };
    nextTask(slice);
  });
}

export function evaluationFor(network: NetworkDocument, data: Dataset): Promise<Evaluation> {
  let byData = cache.get(network);
  if (!byData) {
    byData = new WeakMap();
    cache.set(network, byData);
  }
  let result = byData.get(data);
  if (!result) {
    result = evaluateInSlices(network, data);
    byData.set(data, result);
  }
  return result;
}

/** The evaluation of `network` on `data`; until a new one is ready, the previous one stays (no flicker while training). */
export function useEvaluation(network: NetworkDocument, data: Dataset | null): Evaluation | null {
  const [shown, setShown] = useState<{ data: Dataset; result: Evaluation } | null>(null);
  useEffect(() => {
    if (!data) return;
    let live = true;
    void evaluationFor(network, data).then((result) => {
      if (live) setShown({ data, result });
    });
    return () => {
      live = false;
    };
  }, [network, data]);
  return data && shown?.data === data ? shown.result : null;
}

export interface TestEvaluation {
  data: Dataset | null;
  evaluation: ClassifierEvaluation | null;
  /** What a view says instead while there is nothing to show: the test set's problem, or the evaluation's. */
  message: string | null;
}

/** The current network on the run's test set, at most once a second while training: what the digit views show. */
export function useTestEvaluation(network: NetworkDocument): TestEvaluation {
  const test = useTestSet();
  const shown = useThrottledValue(network, 1000);
  const evaluation = useEvaluation(shown, test.data);
  if (test.message !== null) return { data: test.data, evaluation: null, message: test.message };
  if (typeof evaluation === 'string') return { data: test.data, evaluation: null, message: evaluation };
  return { data: test.data, evaluation, message: null };
}
