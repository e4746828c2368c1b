/** The CLI with recurrent networks and sequence data: real subprocesses, as a user runs them. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../engine/project';
import { RECURRENT_HYPERPARAMETERS } from '../../engine/recipes';
import { compileSequence, isRecurrentNetwork } from '../../engine/recurrent/network';
import { cli, expectOneLineError } from './run-cli';

const dir = mkdtempSync(join(tmpdir(), 'neuroloom-cli-seq-'));
const at = (name: string): string => join(dir, name);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Line = { event: string; epoch?: number; testAccuracy?: number; testCost?: number; gradientNorm?: number; clippedBatches?: number; speedOfLearning?: { nodeId: string }[] } & Record<string, unknown>;
const lines = (stdout: string): Line[] => stdout.trim().split('\n').map((l) => JSON.parse(l) as Line);

const recall = ['--data', 'delayed-recall', '--delay', '4', '--count', '300', '--symbols', '6'];

describe('neuroloom with recurrent networks', () => {
  it('trains a fresh LSTM on delayed recall, writes it, evaluates it to the same figures, and trains it further', () => {
    const r = cli('train', '--cell', 'lstm', '--hidden', '8', ...recall, '--epochs', '3', '--seed', '2', '--json', '--out', at('lstm.json'));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const events = lines(r.stdout);
    expect(events[0]).toMatchObject({ event: 'start', kernel: 'js-lstm-float64', train: 300, test: 75, optimizer: 'adam', clipNorm: 1, remBias: 3, seed: 2, sequence: { delay: 4, count: 300, symbols: 6 } });
    const epochs = events.filter((e) => e.event === 'epoch');
    expect(epochs.map((e) => e.epoch)).toEqual([1, 2, 3]);
    for (const e of epochs) {
      expect(e.gradientNorm).toBeGreaterThan(0);
      expect(Number.isInteger(e.clippedBatches)).toBe(true);
      expect(e.speedOfLearning?.map((s) => s.nodeId)).toEqual(['lstm', 'readout']);
    }
    expect(events.at(-1)).toMatchObject({ event: 'done', status: 'done', epochs: 3 });

    const project = loadProject(JSON.parse(readFileSync(at('lstm.json'), 'utf8')));
    expect(isRecurrentNetwork(project.network)).toBe(true);
    expect(compileSequence(project.network).model.spec).toMatchObject({ cell: 'lstm', inputSize: 6, hiddenSize: 8, outputSize: 6, outputActivation: 'softmax' });
    expect(project.dataset).toEqual({ source: 'builtin', name: 'delayed-recall', sequence: { delay: 4, count: 300, symbols: 6 } });
    expect(project.hyperparameters).toEqual({ ...RECURRENT_HYPERPARAMETERS, epochs: 3 });

    // eval re-makes the same test set from the saved settings and seed: the last epoch's figures.
    const e = cli('eval', at('lstm.json'), '--data', 'delayed-recall', '--json');
    expect(e.status).toBe(0);
    const result = JSON.parse(e.stdout) as { accuracy: number; cost: number; examples: number; sequences: number };
    expect(result).toMatchObject({ examples: 75, sequences: 75 });
    expect(result.accuracy).toBe(epochs[2].testAccuracy);
    expect(result.cost).toBeCloseTo(epochs[2].testCost as number, 12);

    const again = cli('train', at('lstm.json'), '--epochs', '1');
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/^training on delayed-recall-k4 \(train\): 300 sequences, testing on 75; 1 epochs, .*gradient clipped to norm 1, js-lstm-float64/);
    expect(again.stdout).toMatch(/epoch 1\/1 {2}train cost [0-9.]+ {2}test cost [0-9.]+ {2}accuracy [0-9.]+%.*gradient norm/);
  });

  it('is deterministic: the same seed gives the same file', () => {
    const args = ['train', '--cell', 'rnn', '--hidden', '4', ...recall, '--epochs', '2', '--seed', '5'];
    cli(...args, '--out', at('a.json'));
    cli(...args, '--out', at('b.json'));
    expect(readFileSync(at('a.json'), 'utf8')).toBe(readFileSync(at('b.json'), 'utf8'));
  });

  it('makes a new recurrent network with `new`, which trains as the fresh one does', () => {
    const made = cli('new', '--cell', 'lstm', '--inputs', '6', '--hidden', '8', '--outputs', '6', '--seed', '2', '--out', at('new.json'));
    expect(made.status).toBe(0);
    const project = loadProject(JSON.parse(readFileSync(at('new.json'), 'utf8')));
    expect(project.hyperparameters).toEqual(RECURRENT_HYPERPARAMETERS);
    // Its weights are the ones `train --cell` draws for the same seed: both runs give the same trained file.
    cli('train', at('new.json'), ...recall, '--epochs', '1', '--seed', '2', '--out', at('new-trained.json'));
    cli('train', '--cell', 'lstm', '--hidden', '8', ...recall, '--epochs', '1', '--seed', '2', '--out', at('fresh-trained.json'));
    const weights = (path: string) => loadProject(JSON.parse(readFileSync(path, 'utf8'))).network.edges.map((e) => e.weights);
    expect(weights(at('new-trained.json'))).toEqual(weights(at('fresh-trained.json')));
    // From a sequence set's shape: noisy-sine is regression at every step.
    expect(cli('new', '--cell', 'rnn', '--data', 'noisy-sine', '--out', at('sine.json')).status).toBe(0);
    const sine = loadProject(JSON.parse(readFileSync(at('sine.json'), 'utf8')));
    expect(compileSequence(sine.network)).toMatchObject({ outputs: 'every', model: { spec: { inputSize: 1, outputSize: 1, outputActivation: 'linear', cost: 'quadratic' } } });
    expect(sine.dataset).toEqual({ source: 'builtin', name: 'noisy-sine' });
  });

  it('trains on a CSV of sequences, and saves the file it trained on', () => {
    const rows = ['sequence,x,target'];
    for (let s = 0; s < 40; s++) for (let t = 0; t < 5; t++) rows.push(`s${s},${(s * 7 + t * 3) % 5},${t === 4 ? s % 2 : ''}`);
    writeFileSync(at('walks.csv'), `${rows.join('\n')}\n`);
    const r = cli('train', '--cell', 'lstm', '--hidden', '4', '--data', at('walks.csv'), '--epochs', '2', '--json', '--out', at('walks.json'));
    expect(r.stderr).toBe('');
    expect(lines(r.stdout)[0]).toMatchObject({ train: 40, test: 0 });
    const project = loadProject(JSON.parse(readFileSync(at('walks.json'), 'utf8')));
    expect(project.dataset).toEqual({ source: 'file', path: at('walks.csv') });
    expect(compileSequence(project.network).model.spec).toMatchObject({ inputSize: 1, outputSize: 2 });
    expect(cli('train', at('walks.json'), '--epochs', '1').status).toBe(0);
  });

  describe('bad input: one line, a non-zero exit, no stack', () => {
    it('refuses networks and data that do not go together, naming both', () => {
      cli('train', '--sizes', '2,3,1', '--data', 'xor', '--epochs', '1', '--out', at('dense.json'));
      const cases: [string[], RegExp][] = [
        [['train', '--cell', 'lstm', '--data', 'xor'], /--cell makes a recurrent network, which trains on sequences, but "xor \(train\)" holds examples/],
        [['train', '--sizes', '6,4,6', ...recall], /"delayed-recall" is a sequence dataset: it trains a network with an LSTM or recurrent node, and this network has none/],
        [['train', at('dense.json'), ...recall], /"delayed-recall" is a sequence dataset/],
        [['train', at('lstm.json'), '--data', 'digits'], /"digits" is not a sequence dataset, but this network has an LSTM or recurrent node/],
        [['train', at('lstm.json'), '--data', 'delayed-recall', '--symbols', '4'], /has 4 features per step, but the Input "input" has size 6/],
        [['train', at('lstm.json'), '--data', 'delayed-recall', '--targets', 'every'], /the LSTM node "lstm" reads out at the last step only, but .* has targets at every step: set the node's outputs to "every"/],
        [['eval', at('lstm.json'), '--data', 'noisy-sine'], /"noisy-sine \(test\)" has 1 feature per step, but the Input "input" has size 6/],
      ];
      for (const [args, pattern] of cases) expectOneLineError(cli(...args), pattern);
    });

    it.each([
      [['train', '--cell', 'gru', '--data', 'delayed-recall'], /--cell gru: expected one of lstm, rnn/],
      [['train', '--cell', 'lstm', '--sizes', '2,3', '--data', 'delayed-recall'], /either --sizes .* or --cell .*, not both/],
      [['train', '--cell', 'lstm', '--hidden', '0', '--data', 'delayed-recall'], /--hidden 0: must be at least 1/],
      [['train', '--cell', 'lstm', '--hidden', '100000', '--data', 'delayed-recall'], /--hidden 100000: must be at most 4096/],
      [['train', '--cell', 'lstm', '--data', 'delayed-recall', '--delay', '0'], /--delay 0: must be at least 1/],
      [['train', '--cell', 'lstm', '--data', 'delayed-recall', '--delay', '5000'], /--delay 5000: must be at most 1000/],
      [['train', '--cell', 'lstm', '--data', 'delayed-recall', '--symbols', '1'], /--symbols 1: must be at least 2/],
      [['train', '--cell', 'lstm', '--data', 'delayed-recall', '--targets', 'first'], /--targets first: expected one of last, every/],
      [['train', '--cell', 'lstm', '--data', 'delayed-recall', '--count', '100000', '--length', '10000'], /delayed-recall: 100,000 sequences of 10,000 steps .* more than the 16,777,216 a generated set may/],
      [['train', '--cell', 'lstm', '--data', 'delayed-recall', '--delay', '9', '--length', '4'], /a sequence of 4 steps has no step 9 steps after another/],
      [['train', '--sizes', '2,3,1', '--data', 'xor', '--delay', '3'], /--delay applies to a generated sequence set .*not to "xor"/],
      [['train', '--cell', 'lstm', '--data', 'delayed-recall', '--clip-norm', '0'], /--clip-norm 0: must be greater than 0/],
      [['train', '--cell', 'lstm', '--data', 'delayed-recall', '--clip-norm', '-1'], /--clip-norm=-XYZ/],
      [['train', '--cell', 'lstm', '--data', 'delayed-recall', '--format', 'network2'], /--format network2: network2\.py's JSON holds layered feed-forward networks only/],
      [['new', '--cell', 'lstm', '--out', '/tmp/never-written.json'], /needs --inputs N and --outputs M/],
      [['new', '--cell', 'lstm', '--data', 'xor', '--out', '/tmp/never-written.json'], /"xor" holds examples, not sequences/],
      [['new', '--cell', 'lstm', '--inputs', '2', '--outputs', '2'], /new needs --out FILE/],
    ])('%j', (args, pattern) => {
      expectOneLineError(cli(...args), pattern);
    });

    it('refuses a corrupted sequence CSV, naming the file and the line', () => {
      writeFileSync(at('broken.csv'), 'sequence,x,target\na,1,\nb,2,1\na,3,0\n');
      expectOneLineError(cli('train', '--cell', 'lstm', '--data', at('broken.csv')), /broken\.csv: line 4: sequence "a" started at line 2 and was interrupted by another/);
      writeFileSync(at('cut.csv'), 'sequence,x,target\na,1,');
      expectOneLineError(cli('train', '--cell', 'lstm', '--data', at('cut.csv')), /cut\.csv: sequence "a" \(from line 2\) has no target in any row/);
      // A good one, given to a feed-forward network.
      writeFileSync(at('ok.csv'), 'sequence,x,target\na,1,0\na,2,1\n');
      expectOneLineError(cli('train', '--sizes', '1,2,1', '--data', at('ok.csv')), /ok\.csv" is a sequence dataset: it trains a network with an LSTM or recurrent node/);
    });
  });

  it('runs the recurrent benchmark (one small delay; the real k-sweep is npx neuroloom bench --recurrent)', () => {
    const r = cli('bench', '--recurrent', '--ks', '2', '--seeds', '1', '--epochs', '2', '--hidden', '4', '--train', '200', '--json');
    const report = JSON.parse(r.stdout) as { rows: Record<'lstm' | 'rnn', { k: number; median: number }[]>; largestK: Record<string, number>; lstmOnly: number[]; gradient: { label: string; points: { k: number; norm: number }[] }[] };
    expect(report.rows.lstm.map((row) => row.k)).toEqual([2]);
    expect(report.rows.rnn.map((row) => row.k)).toEqual([2]);
    for (const cell of ['lstm', 'rnn'] as const) expect(report.largestK[cell]).toBe(report.rows[cell][0].median >= 0.95 ? 2 : 0);
    expect(report.gradient.map((g) => g.label)).toEqual(['plain tanh layer', 'LSTM, b_r = 3', 'LSTM, b_r = 1']);
    expect(report.gradient[0].points.map((p) => p.k)).toEqual([1, 2, 5, 10, 20, 40, 80, 160]);
    // The exit code says whether some delay separated the cells (at k = 2 none can: the plain layer manages it too).
    expect(r.status).toBe(report.lstmOnly.length > 0 ? 0 : 1);
    expect(r.stderr).toMatch(/lstm k = 2: median/);
    expectOneLineError(cli('bench', '--recurrent', '--ks', 'ten'), /bench --recurrent: --ks takes whole numbers >= 1 separated by commas, got "ten"/);
  });
});
