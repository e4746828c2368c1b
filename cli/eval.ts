/** neuroloom eval: cost and accuracy (or deviation) of a network file on a dataset. */
import { compile } from '../engine/compile';
import { evaluatePlan } from '../engine/js-kernel';
import { CliError, USAGE_EXIT } from './errors';
import { loadData } from './data';
import { readNetworkFile } from './network-file';
import { costFlag, num, parseFlags, str } from './options';
import { withCost } from './train';

export function evalCommand(argv: string[]): number {
  const { positionals, values } = parseFlags(argv);
  if (positionals.length !== 1) throw new CliError('eval takes one network FILE', USAGE_EXIT);
  const { project } = readNetworkFile(positionals[0]);
  const dataName = str(values, 'data');
  if (!dataName) throw new CliError('eval needs --data NAME|PATH', USAGE_EXIT);
  const seed = num(values, 'seed', { integer: true, min: 0 }) ?? project.seed;
  const { train, test } = loadData(dataName, str(values, 'test'), seed, 'float64');
  const data = test ?? train;
  const plan = compile(withCost(project.network, costFlag(values)), 'float64');
  if (!plan.output) throw new CliError(`${positionals[0]}: the network has no Output node`);
  const e = evaluatePlan(plan, data);
  const result = {
    dataset: data.name,
    examples: e.count,
    cost: e.costSum / e.count,
    accuracy: data.task === 'classification' ? e.correct / e.count : null,
    meanAbsoluteDeviation: e.absDeviationSum / (e.count * data.outputSize),
  };
  if (values.json === true) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } else {
    const acc = result.accuracy !== null ? `  accuracy ${(result.accuracy * 100).toFixed(2)}% (${e.correct}/${e.count})` : '';
    process.stdout.write(`${result.dataset}: ${result.examples} examples  cost ${result.cost.toFixed(6)}${acc}  mean |deviation| ${result.meanAbsoluteDeviation.toFixed(6)}\n`);
  }
  return 0;
}
