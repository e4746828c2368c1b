/** The reference kernel: any plan, one example at a time, in the plan's precision. */
import { InputError } from './errors';
import { backward } from './backward';
import type { Plan } from './compile';
import type { Dataset } from './datasets/dataset';
import { forward } from './forward';
import { score, type BatchKernel, type Evaluation, type KernelRequest } from './kernel';
import { createOptimizer } from './optimizers';
import { createWorkspace } from './workspace';

export function createJsKernel({ plan, train, optimizer: settings }: KernelRequest): BatchKernel {
  const ws = createWorkspace(plan);
  const optimizer = createOptimizer(settings, plan.params.length);
  const backup = plan.params.slice();
  const speed = new Float64Array(plan.blocks.length);
  const { inputSize, outputSize } = train;
  checkShapes(plan, train);

  return {
    name: `js-${plan.precision}`,
    trainBatch(order, start, m, hp) {
      const { nabla } = ws;
      nabla.fill(0);
      let costSum = 0;
      for (let i = start; i < start + m; i++) {
        const e = order[i];
        forward(plan, ws, train.x, e * inputSize);
        costSum += backward(plan, ws, train.y, e * outputSize);
      }
      let gradientSum = 0;
      for (let i = 0; i < nabla.length; i++) gradientSum += nabla[i];
      if (!Number.isFinite(costSum) || !Number.isFinite(gradientSum)) return Number.isFinite(costSum) ? NaN : costSum;
      backup.set(plan.params);
      optimizer.apply(plan.params, nabla, plan.frozen, plan.isWeight, m, hp);
      let paramSum = 0;
      for (let i = 0; i < plan.params.length; i++) paramSum += plan.params[i];
      if (!Number.isFinite(paramSum)) {
        plan.params.set(backup);
        return Infinity;
      }
      for (let bi = 0; bi < plan.blocks.length; bi++) {
        const b = plan.blocks[bi];
        if (b.biasOffset < 0) continue;
        let s = 0;
        for (let j = 0; j < b.size; j++) s += Math.abs(nabla[b.biasOffset + j]);
        speed[bi] = s / (b.size * m);
      }
      return costSum;
    },
    addSpeedOfLearning(target) {
      for (let i = 0; i < speed.length; i++) target[i] += speed[i];
    },
    syncToPlan() {
      // The JS kernel trains plan.params in place.
    },
    syncFromPlan() {},
    evaluate(data: Dataset): Evaluation {
      checkShapes(plan, data);
      return evaluatePlan(plan, data, ws);
    },
    dispose() {},
  };
}

export function evaluatePlan(plan: Plan, data: Dataset, ws = createWorkspace(plan)): Evaluation {
  const output = plan.output;
  if (!output) throw new Error('evaluation needs an Output binding');
  const evaluation: Evaluation = { costSum: 0, correct: 0, absDeviationSum: 0, count: data.count };
  for (let i = 0; i < data.count; i++) {
    const out = forward(plan, ws, data.x, i * data.inputSize);
    evaluation.costSum += output.cost.value(out, data.y, output.size, i * data.outputSize);
    score(evaluation, out, data, i);
  }
  return evaluation;
}

export function checkShapes(plan: Plan, data: Dataset): void {
  if (data.inputSize !== plan.inputSize) {
    throw new InputError(`dataset "${data.name}" has ${data.inputSize} inputs per example but the network takes ${plan.inputSize}`);
  }
  const outSize = plan.output?.size ?? 0;
  if (data.outputSize !== outSize) {
    throw new InputError(`dataset "${data.name}" has ${data.outputSize} targets per example but the network's Output has ${outSize} units`);
  }
}
