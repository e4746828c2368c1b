/** neuroloom eval: cost and accuracy (or deviation) of a network file on a dataset, examples or sequences. */
import { compile } from '../engine/compile';
import { isSequenceSplit } from '../engine/datasets/loaded';
import { evaluatePlan } from '../engine/js-kernel';
import { checkDataKind } from '../engine/protocol/run';
import { checkSequenceFit } from '../engine/protocol/sequence-run';
import { compileSequence, isRecurrentNetwork } from '../engine/recurrent/network';
import { evaluateSequences } from '../engine/recurrent/runner';
import { CliError, USAGE_EXIT } from './errors';
import { loadData } from './data';
import { readNetworkFile } from './network-file';
import { costFlag, num, parseFlags, str } from './options';
import { sequenceSettingsFor, withCost } from './train';

interface EvalResult {
  dataset: string;
  /** Examples, or for sequences the targets (the unit cost and accuracy are averaged over). */
  examples: number;
  sequences?: number;
  cost: number;
  accuracy: number | null;
  meanAbsoluteDeviation: number;
}

export function evalCommand(argv: string[]): number {
  const { positionals, values } = parseFlags(argv);
  if (positionals.length !== 1) throw new CliError('eval takes one network FILE', USAGE_EXIT);
  const { project } = readNetworkFile(positionals[0]);
  const dataName = str(values, 'data');
  if (!dataName) throw new CliError('eval needs --data NAME|PATH', USAGE_EXIT);
  const seed = num(values, 'seed', { integer: true, min: 0 }) ?? project.seed;
  const sequence = sequenceSettingsFor(dataName, values, project.dataset);
  const loaded = loadData(dataName, str(values, 'test'), seed, 'float64', sequence);
  const network = withCost(project.network, costFlag(values));
  checkDataKind(isRecurrentNetwork(network), isSequenceSplit(loaded), dataName);

  let result: EvalResult;
  let correct: number;
  if (isSequenceSplit(loaded)) {
    const data = loaded.test ?? loaded.train;
    const plan = compileSequence(network);
    checkSequenceFit(plan, data);
    const e = evaluateSequences(plan.model, data);
    correct = e.correct;
    result = {
      dataset: data.name,
      examples: e.count,
      sequences: data.count,
      cost: e.costSum / e.count,
      accuracy: data.task === 'classification' ? e.correct / e.count : null,
      meanAbsoluteDeviation: e.absDeviationSum / (e.count * data.outputSize),
    };
  } else {
    const data = loaded.test ?? loaded.train;
    const plan = compile(network, 'float64');
    if (!plan.output) throw new CliError(`${positionals[0]}: the network has no Output node`);
    const e = evaluatePlan(plan, data);
    correct = e.correct;
    result = {
      dataset: data.name,
      examples: e.count,
      cost: e.costSum / e.count,
      accuracy: data.task === 'classification' ? e.correct / e.count : null,
      meanAbsoluteDeviation: e.absDeviationSum / (e.count * data.outputSize),
    };
  }
  if (values.json === true) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } else {
    const acc = result.accuracy !== null ? `  accuracy ${(result.accuracy * 100).toFixed(2)}% (${correct}/${result.examples})` : '';
    const what = result.sequences !== undefined ? `${result.sequences} sequences, ${result.examples} targets` : `${result.examples} examples`;
    process.stdout.write(`${result.dataset}: ${what}  cost ${result.cost.toFixed(6)}${acc}  mean |deviation| ${result.meanAbsoluteDeviation.toFixed(6)}\n`);
  }
  return 0;
}
