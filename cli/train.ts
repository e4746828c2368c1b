/**
 * neuroloom train: trains a network file on a dataset and writes the result.
 * A feed-forward network trains on examples, one with an LSTM or recurrent
 * node on sequences; both run through the trainer host's run adapters
 * (engine/protocol/dense-run.ts, sequence-run.ts), one mini-batch per step.
 */
import { resolve } from 'node:path';
import { layeredNetwork } from '../engine/build';
import { compile, writeBack } from '../engine/compile';
import type { CostName } from '../engine/costs';
import { catalogEntry } from '../engine/datasets/catalog';
import { isSequenceSplit, type LoadedDataset } from '../engine/datasets/loaded';
import { isSequenceSetName } from '../engine/datasets/sequence-sets';
import type { NetworkDocument } from '../engine/document';
import { createDenseRun } from '../engine/protocol/dense-run';
import type { StartRequest } from '../engine/protocol/messages';
import { checkDataKind, type HostedRun } from '../engine/protocol/run';
import { createSequenceRun } from '../engine/protocol/sequence-run';
import { newProject, type Hyperparameters, type Project, type SavedDatasetChoice, type SequenceSettings } from '../engine/project';
import { RECURRENT_HYPERPARAMETERS } from '../engine/recipes';
import { compileSequence, isRecurrentNetwork, writeBackSequence } from '../engine/recurrent/network';
import type { EpochMetrics } from '../engine/train';
import { CliError, USAGE_EXIT } from './errors';
import { kernelsFor } from './kernels';
import { loadData } from './data';
import { readNetworkFile, writeNetworkFile } from './network-file';
import {
  cellFlag,
  clipNormFlag,
  costFlag,
  formatFlag,
  initFlag,
  num,
  optimizerFlag,
  parseFlags,
  precisionFlag,
  sequenceFlagGiven,
  sequenceFlags,
  shuffleFlag,
  sizesFlag,
  str,
  type FlagValues,
} from './options';
import { formatSeconds, ProgressBar } from './progress';
import { newRecurrentNetwork } from './recurrent-network';

export async function trainCommand(argv: string[]): Promise<number> {
  const { positionals, values } = parseFlags(argv);
  const opened = openOrCreate(positionals, values);
  const seed = num(values, 'seed', { integer: true, min: 0 }) ?? opened.project.seed;
  const json = values.json === true;
  const dataName = str(values, 'data') ?? datasetFromProject(opened.project);
  if (!dataName) throw new CliError('no dataset: pass --data NAME|PATH (e.g. --data digits)', USAGE_EXIT);
  const sequence = sequenceSettingsFor(dataName, values, opened.project.dataset);
  const precision = precisionFlag(values) ?? opened.project.hyperparameters.precision;
  const data = loadData(dataName, str(values, 'test'), seed, precision, sequence);
  const { project, recurrent } = opened.fresh === 'recurrent' ? { project: withRecurrentNetwork(opened.project, values, data), recurrent: true } : opened;
  checkDataKind(recurrent, isSequenceSplit(data), dataName);
  if (recurrent && formatFlag(values) === 'network2') {
    throw new CliError("--format network2: network2.py's JSON holds layered feed-forward networks only; write a project (--format project)", USAGE_EXIT);
  }
  const hp = resolveHyperparameters(project.hyperparameters, values);
  const dataset = savedChoice(project.dataset, dataName, str(values, 'test'), sequence);
  const request: StartRequest = {
    type: 'start',
    network: withCost(project.network, costFlag(values)),
    dataset,
    hyperparameters: hp,
    seed,
    initialise: opened.fresh !== false || initFlag(values) !== undefined,
  };
  const run = isSequenceSplit(data) ? createSequenceRun(request, data, () => Date.now()) : createDenseRun(request, data, kernelsFor(), () => Date.now());

  const log = (line: string): void => void process.stdout.write(`${line}\n`);
  if (json) {
    log(JSON.stringify({ event: 'start', kernel: run.kernel, train: run.trainCount, test: run.testCount, ...hp, seed, ...(sequence ? { sequence } : {}) }));
  } else {
    const unit = isSequenceSplit(data) ? 'sequences' : 'examples';
    const clip = !isSequenceSplit(data) ? '' : hp.clipNorm === undefined ? ', no gradient clipping' : `, gradient clipped to norm ${hp.clipNorm}`;
    log(`training on ${data.train.name}: ${run.trainCount} ${unit}${run.testCount > 0 ? `, testing on ${run.testCount}` : ''}; ${hp.epochs} epochs, eta ${hp.eta}, mini-batch ${hp.batchSize}, lambda ${hp.lambda}, ${hp.optimizer}${clip}, ${run.kernel}`);
  }
  const status = await trainLoop(run, hp.epochs, json, log);

  const outPath = str(values, 'out');
  if (outPath) {
    const trained: Project = { ...project, network: trainedNetwork(request.network, run, precision), hyperparameters: hp, seed, dataset };
    writeNetworkFile(outPath, trained, formatFlag(values) ?? 'project');
    if (!json) log(`wrote ${outPath}`);
  }
  if (json) log(JSON.stringify({ event: 'done', status, epochs: run.epoch }));
  run.dispose();
  return status === 'diverged' ? 3 : status === 'stopped' ? 130 : 0;
}

/** Epochs of mini-batches with a progress bar, a line per epoch, and SIGINT as a stop. */
async function trainLoop(run: HostedRun, epochs: number, json: boolean, log: (line: string) => void): Promise<'done' | 'diverged' | 'stopped'> {
  let stopRequested = false;
  const onSigint = (): void => {
    stopRequested = true;
  };
  process.on('SIGINT', onSigint);
  const bar = new ProgressBar(process.stderr, epochs * run.batchesPerEpoch);
  try {
    let lastYield = Date.now();
    for (let e = 0; e < epochs; e++) {
      for (;;) {
        const result = run.step();
        if (result.divergence) {
          bar.clear();
          if (json) log(JSON.stringify({ event: 'diverged', ...result.divergence }));
          else process.stderr.write(`diverged in epoch ${result.divergence.epoch}, mini-batch ${result.divergence.batch}. ${result.divergence.hint}\n`);
          return 'diverged';
        }
        if (!json) bar.update(e * run.batchesPerEpoch + (result.epoch ? run.batchesPerEpoch : run.batch), `epoch ${e + 1}/${epochs}`);
        if (result.epoch) {
          bar.clear();
          log(json ? JSON.stringify({ event: 'epoch', ...result.epoch }) : describeEpoch(result.epoch, epochs));
          break;
        }
        // Let SIGINT through now and then; the loop itself is synchronous.
        if (Date.now() - lastYield > 200) {
          await new Promise((resolve) => setImmediate(resolve));
          lastYield = Date.now();
        }
        if (stopRequested) {
          bar.clear();
          process.stderr.write(`stopped in epoch ${e + 1}; keeping the weights so far\n`);
          return 'stopped';
        }
      }
    }
    return 'done';
  } finally {
    process.off('SIGINT', onSigint);
  }
}

type Opened = { project: Project; fresh: false | 'dense'; recurrent: boolean } | { project: Project; fresh: 'recurrent'; recurrent: true };

function openOrCreate(positionals: string[], values: FlagValues): Opened {
  const sizes = sizesFlag(values);
  const cell = cellFlag(values);
  if (positionals.length > 1) throw new CliError(`train takes one network file, got ${positionals.length}`, USAGE_EXIT);
  const fresh = [sizes ? '--sizes' : null, cell ? '--cell' : null].filter((f) => f !== null);
  if (fresh.length > 1) throw new CliError('give either --sizes (a layered network) or --cell (a recurrent one), not both', USAGE_EXIT);
  if (positionals.length === 1 && fresh.length > 0) throw new CliError(`give either a network FILE or ${fresh[0]}, not both`, USAGE_EXIT);
  if (positionals.length === 1) {
    const { project, format } = readNetworkFile(positionals[0]);
    const recurrent = isRecurrentNetwork(project.network);
    // A bare recurrent document has no recipe of its own: the one it trains with is the recurrent one.
    if (recurrent && format !== 'project') project.hyperparameters = { ...RECURRENT_HYPERPARAMETERS };
    return { project, fresh: false, recurrent };
  }
  if (cell) {
    // Its Input and readout take their sizes from the data, loaded next.
    return { project: newProject(layeredNetwork([1, 1]), `${cell} network`, { hyperparameters: { ...RECURRENT_HYPERPARAMETERS } }), fresh: 'recurrent', recurrent: true };
  }
  if (!sizes) throw new CliError('train needs a network FILE, --sizes like 784,30,10, or --cell lstm|rnn', USAGE_EXIT);
  const image = sizes[0] === 784 ? { width: 28, height: 28 } : undefined;
  return { project: newProject(layeredNetwork(sizes, { image }), `network ${sizes.join('-')}`), fresh: 'dense', recurrent: false };
}

/** The project with a fresh --cell network shaped by the data (features per step, outputs, where the targets are). */
function withRecurrentNetwork(project: Project, values: FlagValues, data: LoadedDataset): Project {
  if (!isSequenceSplit(data)) {
    throw new CliError(`--cell makes a recurrent network, which trains on sequences, but "${data.train.name}" holds examples: use --sizes, or a sequence set (noisy-sine, adding, delayed-recall, a CSV with a "sequence" column)`);
  }
  const { train } = data;
  return { ...project, network: newRecurrentNetwork(values, { inputSize: train.inputSize, outputSize: train.outputSize, task: train.task, targets: train.targets }) };
}

/** A generated sequence set's settings: the flags over the saved choice's own (when it names the same set). */
export function sequenceSettingsFor(dataName: string, values: FlagValues, saved: SavedDatasetChoice | null): SequenceSettings | undefined {
  if (!isSequenceSetName(dataName)) {
    const flag = sequenceFlagGiven(values);
    if (flag) throw new CliError(`--${flag} applies to a generated sequence set (noisy-sine, adding, delayed-recall), not to "${dataName}"`, USAGE_EXIT);
    return undefined;
  }
  return sequenceFlags(values, saved?.source === 'builtin' && saved.name === dataName ? saved.sequence : undefined);
}

/** What a written project says it was trained on: a built-in name (with its settings), or the data file's absolute path. */
export function savedChoice(own: SavedDatasetChoice | null, dataName: string, testPath: string | undefined, sequence: SequenceSettings | undefined): SavedDatasetChoice {
  if (own && own.source === 'file' && own.path === dataName && testPath === undefined) return own;
  if (catalogEntry(dataName)) return { source: 'builtin', name: dataName, ...(sequence ? { sequence } : {}) };
  return { source: 'file', path: resolve(dataName), ...(testPath !== undefined ? { testPath: resolve(testPath) } : {}) };
}

/** The network with the run's parameters written in. */
function trainedNetwork(network: NetworkDocument, run: HostedRun, precision: 'float64' | 'float32'): NetworkDocument {
  const params = run.parameters();
  if (isRecurrentNetwork(network)) return writeBackSequence(compileSequence(network), params);
  const plan = compile(network, precision);
  plan.params.set(params);
  return writeBack(plan);
}

export function resolveHyperparameters(base: Hyperparameters, values: FlagValues): Hyperparameters {
  const clipNorm = clipNormFlag(values);
  const hp: Hyperparameters = {
    ...base,
    eta: num(values, 'eta', { positive: true }) ?? base.eta,
    batchSize: num(values, 'batch', { integer: true, min: 1 }) ?? base.batchSize,
    epochs: num(values, 'epochs', { integer: true, min: 1 }) ?? base.epochs,
    lambda: num(values, 'lambda', { min: 0 }) ?? base.lambda,
    optimizer: optimizerFlag(values) ?? base.optimizer,
    momentum: num(values, 'momentum', { min: 0 }) ?? base.momentum,
    init: initFlag(values) ?? base.init,
    shuffle: shuffleFlag(values) ?? base.shuffle,
    precision: precisionFlag(values) ?? base.precision,
    cost: costFlag(values) ?? base.cost,
    remBias: num(values, 'rem-bias') ?? base.remBias,
    clipNorm: clipNorm === undefined ? base.clipNorm : (clipNorm ?? undefined),
  };
  // Absent stays absent, so a saved project does not grow "clipNorm": undefined keys.
  return Object.fromEntries(Object.entries(hp).filter(([, v]) => v !== undefined)) as Hyperparameters;
}

/** The network with its Output node's cost replaced. */
export function withCost(network: NetworkDocument, cost: CostName | undefined): NetworkDocument {
  if (!cost) return network;
  return { ...network, nodes: network.nodes.map((n) => (n.kind === 'output' ? { ...n, cost } : n)) };
}

function datasetFromProject(project: Project): string | undefined {
  const d = project.dataset;
  if (!d) return undefined;
  return d.source === 'builtin' ? d.name : d.path;
}

function describeEpoch(m: EpochMetrics, epochs: number): string {
  const parts = [`epoch ${m.epoch}/${epochs}`, `train cost ${m.trainingCost.toFixed(4)}`];
  if (m.testCost !== null) parts.push(`test cost ${m.testCost.toFixed(4)}`);
  if (m.testAccuracy !== null) parts.push(`accuracy ${(m.testAccuracy * 100).toFixed(2)}%`);
  if (m.testDeviation !== null) parts.push(`mean |deviation| ${m.testDeviation.toFixed(4)}`);
  parts.push(formatSeconds(m.elapsedMs / 1000));
  if (m.gradientNorm !== undefined) parts.push(`gradient norm ${m.gradientNorm.toExponential(2)}${m.clippedBatches ? ` (clipped in ${m.clippedBatches} mini-batches)` : ''}`);
  parts.push(`speed of learning ${m.speedOfLearning.map((s) => `${s.nodeId} ${s.speed.toExponential(2)}`).join(', ')}`);
  return parts.join('  ');
}
