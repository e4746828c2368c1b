import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importNetwork2 } from '../../engine/formats/network2';
import { loadProject } from '../../engine/project';
import { cli, expectOneLineError } from './run-cli';

const dir = mkdtempSync(join(tmpdir(), 'neuroloom-cli-'));
const at = (name: string): string => join(dir, name);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('neuroloom CLI', () => {
  it('prints help', () => {
    const r = cli('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/neuroloom train \[FILE\] --data/);
  });

  it('trains a fresh network with JSON lines, writes a project, and trains it further', () => {
    const r = cli('train', '--sizes', '2,8,1', '--data', 'xor', '--epochs', '4', '--eta', '1', '--lambda', '0', '--seed', '7', '--json', '--out', at('xor.json'));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const events = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { event: string; epoch?: number; trainingCost?: number; testAccuracy?: number });
    expect(events[0].event).toBe('start');
    const epochs = events.filter((e) => e.event === 'epoch');
    expect(epochs.map((e) => e.epoch)).toEqual([1, 2, 3, 4]);
    expect(epochs[3].trainingCost).toBeLessThan(epochs[0].trainingCost as number);
    expect(events[events.length - 1]).toMatchObject({ event: 'done', status: 'done', epochs: 4 });
    const project = loadProject(JSON.parse(readFileSync(at('xor.json'), 'utf8')));
    expect(project.seed).toBe(7);
    expect(project.dataset).toEqual({ source: 'builtin', name: 'xor' });

    // The saved project trains on from its own weights, dataset and seed.
    const again = cli('train', at('xor.json'), '--epochs', '1');
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/epoch 1\/1 {2}train cost [0-9.]+ {2}test cost [0-9.]+ {2}accuracy [0-9.]+%/);
  });

  it('is deterministic: the same seed gives the same output file', () => {
    cli('train', '--sizes', '2,4,1', '--data', 'circle', '--epochs', '2', '--seed', '3', '--out', at('a.json'));
    cli('train', '--sizes', '2,4,1', '--data', 'circle', '--epochs', '2', '--seed', '3', '--out', at('b.json'));
    expect(readFileSync(at('a.json'), 'utf8')).toBe(readFileSync(at('b.json'), 'utf8'));
  });

  it('evaluates, and converts between project and network2.py JSON', () => {
    cli('train', '--sizes', '2,6,1', '--data', 'gauss', '--epochs', '3', '--out', at('g.json'));
    const e = cli('eval', at('g.json'), '--data', 'gauss', '--json');
    expect(e.status).toBe(0);
    const result = JSON.parse(e.stdout) as { accuracy: number; cost: number; examples: number };
    expect(result.examples).toBeGreaterThan(0);
    expect(result.accuracy).toBeGreaterThan(0.8);

    expect(cli('convert', at('g.json'), at('g2.json'), '--format', 'network2').status).toBe(0);
    const n2 = JSON.parse(readFileSync(at('g2.json'), 'utf8')) as { sizes: number[]; cost: string };
    expect(n2.sizes).toEqual([2, 6, 1]);
    expect(n2.cost).toBe('CrossEntropyCost');
    expect(importNetwork2(n2, 'g2.json').edges).toHaveLength(3);
    const e2 = cli('eval', at('g2.json'), '--data', 'gauss', '--json');
    expect(JSON.parse(e2.stdout)).toEqual(result);
  });

  describe('bad input: one line, a non-zero exit, no stack', () => {
    it.each([
      [['frobnicate'], /unknown command "frobnicate"/],
      [['train', '--sizes', '2,3,1'], /no dataset: pass --data/],
      [['train', '--sizes', '2,3,1', '--data', 'xor', '--eta', 'fast'], /--eta fast: not a finite number/],
      [['train', '--sizes', '2,3,1', '--data', 'xor', '--batch', '0'], /--batch 0: must be at least 1/],
      [['train', '--sizes', '2,3,1', '--data', 'xor', '--optimizer', 'lbfgs'], /--optimizer lbfgs: expected one of sgd, momentum, adam/],
      [['train', '--sizes', '2,3,1', '--data', 'no-such-set'], /no-such-set: is neither a built-in dataset/],
      [['train', '--sizes', '3,3,1', '--data', 'xor'], /has 2 inputs per example but the network takes 3/],
      [['train', '/no/such/file.json', '--data', 'xor'], /\/no\/such\/file.json: cannot read \(ENOENT\)/],
      [['train', '--sizes', '2,3,1', '--data', 'xor', '--wat'], /Unknown option '--wat'/],
    ])('%j', (args, pattern) => {
      expectOneLineError(cli(...args), pattern);
    });

    it('refuses corrupted, truncated and hostile network files, naming the file', () => {
      const cases: [string, string, RegExp][] = [
        ['empty.json', '', /empty.json: .*empty/],
        ['truncated.json', '{"sizes": [2, 3, 1], "weights": [[[0.1, 0.2], [0.3', /truncated.json: .*(ends too early|truncated)/],
        ['nan.json', '{"sizes": [2, 1], "weights": [[[NaN, 1]]], "biases": [[[0]]], "cost": "QuadraticCost"}', /nan.json: weights\[0\]\[0\]\[0\] is NaN/],
        ['proto.json', '{"__proto__": {"x": 1}, "sizes": [2, 1], "weights": [[[1, 1]]], "biases": [[[0]]], "cost": "QuadraticCost"}', /proto.json: the key "__proto__" is not allowed/],
        ['huge.json', '{"sizes": [1048576, 1048576, 10], "weights": [], "biases": [], "cost": "QuadraticCost"}', /huge.json: sizes \[1048576, 1048576, 10\] declare 1,099,523,162,122 weights and biases; the limit is/],
        ['garbage.json', '\u0000\u0001binary', /garbage.json: not valid JSON/],
        ['other.json', '{"hello": "world"}', /other.json: not a Neuroloom project, network document or network2.py JSON/],
        ['newer.json', '{"format": "neuroloom-network", "version": 99, "nodes": [], "edges": []}', /newer.json: .*version 99, made by a newer Neuroloom/],
      ];
      for (const [name, text, pattern] of cases) {
        writeFileSync(at(name), text);
        expectOneLineError(cli('train', at(name), '--data', 'xor'), pattern);
      }
    });

    it('refuses corrupted data files, naming the file', () => {
      writeFileSync(at('ragged.csv'), 'a,b,label\n1,2,0\n3,1\n');
      expectOneLineError(cli('train', '--sizes', '2,3,1', '--data', at('ragged.csv')), /ragged.csv: .*(line|row) 3/);
      writeFileSync(at('train-images-idx3-ubyte'), Buffer.from([0, 0, 8, 1, 0, 0, 0, 1]));
      writeFileSync(at('train-labels-idx1-ubyte'), Buffer.from([0, 0, 8, 1, 0, 0, 0, 1, 3]));
      expectOneLineError(cli('train', '--sizes', '784,3,10', '--data', at('train-images-idx3-ubyte')), /train-images-idx3-ubyte: .*magic/);
    });
  });

  it('runs the benchmark command (one quick epoch on stand-in images; the real figures come from npm run bench)', () => {
    const r = cli('bench', '--epochs', '1', '--warmup', '0', '--js-epochs', '0', '--accuracy-epochs', '0', '--data', at('no-fashion-here'), '--json');
    const report = JSON.parse(r.stdout) as { speed: { rows: { kernel: string; secondsPerEpoch: number }[]; data: { synthetic: boolean } } };
    expect(report.speed.data.synthetic).toBe(true);
    expect(report.speed.rows.map((row) => row.kernel)).toContain('wasm-simd-float32');
    for (const row of report.speed.rows) expect(row.secondsPerEpoch).toBeGreaterThan(0);
    expectOneLineError(cli('bench', '--fast'), /bench: unknown option --fast/);
  });

  it('reports divergence with exit code 3 and keeps finite weights', () => {
    const r = cli('train', '--sizes', '2,8,1', '--data', 'xor', '--cost', 'quadratic', '--eta', '1e300', '--epochs', '2', '--out', at('div.json'));
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/diverged in epoch 1, mini-batch \d+\. The weights became infinite or NaN\. The learning rate eta = 1e\+300 is probably too high/);
    const project = loadProject(JSON.parse(readFileSync(at('div.json'), 'utf8')));
    expect(project.network.nodes.length).toBe(4);
  });
});
