/** neuroloom train: trains a network file on a dataset and writes the result. */
import { layeredNetwork } from '../engine/build';
import { compile, writeBack } from '../engine/compile';
import type { CostName } from '../engine/costs';
import type { NetworkDocument } from '../engine/document';
import { initialise } from '../engine/init';
import { newProject, type Hyperparameters, type Project } from '../engine/project';
import { Rng } from '../engine/rng';
import { Trainer, type EpochMetrics, type TrainingSettings } from '../engine/train';
import { CliError, USAGE_EXIT } from './errors';
import { kernelsFor } from './kernels';
import { loadData } from './data';
import { readNetworkFile, writeNetworkFile } from './network-file';
import {
  costFlag,
  formatFlag,
  initFlag,
  num,
  optimizerFlag,
  parseFlags,
  precisionFlag,
  shuffleFlag,
  sizesFlag,
  str,
  type FlagValues,
} from './options';
import { formatSeconds, ProgressBar } from './progress';

export async function trainCommand(argv: string[]): Promise<number> {
  const { positionals, values } = parseFlags(argv);
  const { project, fresh } = openOrCreate(positionals, values);
  const hp = resolveHyperparameters(project.hyperparameters, values);
  const seed = num(values, 'seed', { integer: true, min: 0 }) ?? project.seed;
  const json = values.json === true;
  const network = withCost(project.network, costFlag(values));

  const plan = compile(network, hp.precision);
  if (fresh || initFlag(values)) initialise(plan, hp.init, new Rng(seed));
  const dataName = str(values, 'data') ?? datasetFromProject(project);
  if (!dataName) throw new CliError('no dataset: pass --data NAME|PATH (e.g. --data digits)', USAGE_EXIT);
  const { train, test } = loadData(dataName, str(values, 'test'), seed, hp.precision);

  const settings: TrainingSettings = {
    eta: hp.eta,
    batchSize: hp.batchSize,
    lambda: hp.lambda,
    optimizer: { name: hp.optimizer, momentum: hp.momentum },
    shuffle: hp.shuffle,
    seed,
  };
  const trainer = new Trainer(plan, train, test, settings, { kernels: kernelsFor() });
  const log = (line: string): void => void process.stdout.write(`${line}\n`);
  if (json) {
    log(JSON.stringify({ event: 'start', kernel: trainer.kernel.name, train: train.count, test: test?.count ?? 0, ...hp, seed }));
  } else {
    log(`training on ${train.name}: ${train.count} examples${test ? `, testing on ${test.count}` : ''}; ${hp.epochs} epochs, eta ${hp.eta}, mini-batch ${hp.batchSize}, lambda ${hp.lambda}, ${hp.optimizer}, ${trainer.kernel.name}`);
  }

  let stopRequested = false;
  const onSigint = (): void => {
    stopRequested = true;
  };
  process.on('SIGINT', onSigint);
  const bar = new ProgressBar(process.stderr, hp.epochs * trainer.batchesPerEpoch);
  let status: 'done' | 'diverged' | 'stopped' = 'done';
  try {
    let lastYield = Date.now();
    epochs: for (let e = 0; e < hp.epochs; e++) {
      for (;;) {
        const result = trainer.step();
        if (result.divergence) {
          status = 'diverged';
          bar.clear();
          if (json) log(JSON.stringify({ event: 'diverged', ...result.divergence }));
          else process.stderr.write(`diverged in epoch ${result.divergence.epoch}, mini-batch ${result.divergence.batch}. ${result.divergence.hint}\n`);
          break epochs;
        }
        if (!json) bar.update(e * trainer.batchesPerEpoch + (result.epoch ? trainer.batchesPerEpoch : trainer.batch), `epoch ${e + 1}/${hp.epochs}`);
        if (result.epoch) {
          bar.clear();
          log(json ? JSON.stringify({ event: 'epoch', ...result.epoch }) : describeEpoch(result.epoch, hp.epochs));
          break;
        }
        // Let SIGINT through now and then; the loop itself is synchronous.
        if (Date.now() - lastYield > 200) {
          await new Promise((resolve) => setImmediate(resolve));
          lastYield = Date.now();
        }
        if (stopRequested) {
          status = 'stopped';
          bar.clear();
          process.stderr.write(`stopped in epoch ${e + 1}; keeping the weights so far\n`);
          break epochs;
        }
      }
    }
  } finally {
    process.off('SIGINT', onSigint);
  }

  trainer.kernel.syncToPlan();
  const outPath = str(values, 'out');
  if (outPath) {
    const trained: Project = { ...project, network: writeBack(plan), hyperparameters: hp, seed, dataset: project.dataset ?? { source: 'builtin', name: dataName } };
    writeNetworkFile(outPath, trained, formatFlag(values) ?? 'project');
    if (!json) log(`wrote ${outPath}`);
  }
  if (json) log(JSON.stringify({ event: 'done', status, epochs: trainer.epoch }));
  trainer.kernel.dispose();
  return status === 'diverged' ? 3 : status === 'stopped' ? 130 : 0;
}

function openOrCreate(positionals: string[], values: FlagValues): { project: Project; fresh: boolean } {
  const sizes = sizesFlag(values);
  if (positionals.length > 1) throw new CliError(`train takes one network file, got ${positionals.length}`, USAGE_EXIT);
  if (positionals.length === 1 && sizes) throw new CliError('give either a network FILE or --sizes, not both', USAGE_EXIT);
  if (positionals.length === 1) return { project: readNetworkFile(positionals[0]).project, fresh: false };
  if (!sizes) throw new CliError('train needs a network FILE or --sizes like 784,30,10', USAGE_EXIT);
  const image = sizes[0] === 784 ? { width: 28, height: 28 } : undefined;
  return { project: newProject(layeredNetwork(sizes, { image }), `network ${sizes.join('-')}`), fresh: true };
}

export function resolveHyperparameters(base: Hyperparameters, values: FlagValues): Hyperparameters {
  return {
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
  };
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
  parts.push(`speed of learning ${m.speedOfLearning.map((s) => `${s.nodeId} ${s.speed.toExponential(2)}`).join(', ')}`);
  return parts.join('  ');
}
