/**
 * neuroloom new: writes a new project with weights drawn from the seed,
 * ready to open in the app or to train with `neuroloom train FILE`:
 *   --sizes 784,30,10                       a layered network
 *   --cell lstm|rnn --hidden D              a recurrent one, its Input and readout
 *       sized by --inputs/--outputs or by --data (a sequence set or file)
 */
import { initialiseDocument, layeredNetwork } from '../engine/build';
import { isSequenceSplit } from '../engine/datasets/loaded';
import { DEFAULT_HYPERPARAMETERS, newProject, type Project } from '../engine/project';
import { RECURRENT_HYPERPARAMETERS } from '../engine/recipes';
import { MAX_SEQUENCE_UNITS } from '../engine/recurrent/layout';
import { initialiseSequenceDocument } from '../engine/recurrent/network';
import { loadData } from './data';
import { CliError, USAGE_EXIT } from './errors';
import { writeNetworkFile } from './network-file';
import { cellFlag, costFlag, formatFlag, initFlag, num, parseFlags, sizesFlag, str, targetsFlag, type FlagValues } from './options';
import { newRecurrentNetwork, type SequenceShapeFlags } from './recurrent-network';
import { resolveHyperparameters, savedChoice, sequenceSettingsFor } from './train';

export function newCommand(argv: string[]): number {
  const { positionals, values } = parseFlags(argv);
  if (positionals.length > 0) throw new CliError(`new takes no FILE (got ${positionals.join(' ')}); name the output with --out`, USAGE_EXIT);
  const out = str(values, 'out');
  if (!out) throw new CliError('new needs --out FILE', USAGE_EXIT);
  const seed = num(values, 'seed', { integer: true, min: 0 }) ?? 1;
  const sizes = sizesFlag(values);
  const cell = cellFlag(values);
  if (sizes && cell) throw new CliError('give either --sizes (a layered network) or --cell (a recurrent one), not both', USAGE_EXIT);
  let project: Project;
  if (sizes) {
    const image = sizes[0] === 784 ? { width: 28, height: 28 } : undefined;
    const hp = resolveHyperparameters(DEFAULT_HYPERPARAMETERS, values);
    const doc = layeredNetwork(sizes, { image, cost: costFlag(values) });
    project = newProject(initialiseDocument(doc, initFlag(values) ?? hp.init, seed), `network ${sizes.join('-')}`, { hyperparameters: hp, seed });
  } else if (cell) {
    const { shape, dataset } = recurrentShape(values, seed);
    const hp = resolveHyperparameters(RECURRENT_HYPERPARAMETERS, values);
    const doc = initialiseSequenceDocument(newRecurrentNetwork(values, shape), seed, { remBias: hp.remBias });
    project = newProject(doc, `${cell} network`, { hyperparameters: hp, seed, dataset });
  } else {
    throw new CliError('new needs --sizes like 784,30,10, or --cell lstm|rnn with --hidden D', USAGE_EXIT);
  }
  writeNetworkFile(out, project, formatFlag(values) ?? 'project');
  process.stdout.write(`wrote ${out}\n`);
  return 0;
}

/** Sizes from --inputs and --outputs, or from the sequences --data names (then also the project's dataset). */
function recurrentShape(values: FlagValues, seed: number): { shape: SequenceShapeFlags; dataset: Project['dataset'] } {
  const dataName = str(values, 'data');
  const inputs = num(values, 'inputs', { integer: true, min: 1, max: MAX_SEQUENCE_UNITS });
  const outputs = num(values, 'outputs', { integer: true, min: 1, max: MAX_SEQUENCE_UNITS });
  if (dataName) {
    if (inputs !== undefined || outputs !== undefined) throw new CliError('give either --data or --inputs and --outputs, not both', USAGE_EXIT);
    const sequence = sequenceSettingsFor(dataName, values, null);
    const data = loadData(dataName, undefined, seed, 'float64', sequence);
    if (!isSequenceSplit(data)) throw new CliError(`"${dataName}" holds examples, not sequences: a recurrent network trains on a sequence set or a CSV with a "sequence" column`);
    const { train } = data;
    return {
      shape: { inputSize: train.inputSize, outputSize: train.outputSize, task: train.task, targets: train.targets },
      dataset: savedChoice(null, dataName, undefined, sequence),
    };
  }
  if (inputs === undefined || outputs === undefined) throw new CliError('a recurrent network needs --inputs N and --outputs M (features per step, readout units), or --data NAME', USAGE_EXIT);
  return { shape: { inputSize: inputs, outputSize: outputs, targets: targetsFlag(values) ?? 'last' }, dataset: null };
}
