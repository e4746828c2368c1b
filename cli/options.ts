/** Command-line flags, parsed with node:util and checked into typed values. */
import { parseArgs } from 'node:util';
import { isCostName, COST_NAMES, type CostName } from '../engine/costs';
import { isInitName, INIT_NAMES, type InitName } from '../engine/init';
import { isOptimizerName, OPTIMIZER_NAMES, type OptimizerName } from '../engine/optimizers';
import type { Precision } from '../engine/compile';
import { sequenceSettingsSchema, type SequenceSettings } from '../engine/project';
import { CELL_KINDS, type CellKind } from '../engine/recurrent/layout';
import { CliError, USAGE_EXIT } from './errors';

export const TRAIN_FLAGS = {
  data: { type: 'string' },
  test: { type: 'string' },
  sizes: { type: 'string' },
  epochs: { type: 'string' },
  eta: { type: 'string' },
  batch: { type: 'string' },
  cost: { type: 'string' },
  lambda: { type: 'string' },
  optimizer: { type: 'string' },
  momentum: { type: 'string' },
  init: { type: 'string' },
  seed: { type: 'string' },
  shuffle: { type: 'string' },
  precision: { type: 'string' },
  out: { type: 'string' },
  format: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  // Recurrent networks and sequence sets.
  cell: { type: 'string' },
  hidden: { type: 'string' },
  inputs: { type: 'string' },
  outputs: { type: 'string' },
  'clip-norm': { type: 'string' },
  'rem-bias': { type: 'string' },
  count: { type: 'string' },
  length: { type: 'string' },
  delay: { type: 'string' },
  symbols: { type: 'string' },
  targets: { type: 'string' },
} as const;

export type FlagValues = Partial<Record<keyof typeof TRAIN_FLAGS, string | boolean>>;

export function parseFlags(argv: string[]): { positionals: string[]; values: FlagValues } {
  try {
    const { positionals, values } = parseArgs({ args: argv, options: TRAIN_FLAGS, allowPositionals: true, strict: true });
    return { positionals, values: values as FlagValues };
  } catch (e) {
    const lines = (e as Error).message.split('\n');
    // "--rem-bias -1": node's parser reads -1 as an option and says how to write it.
    const hint = lines.find((l) => l.startsWith('To specify an option argument starting with a dash'));
    const first = hint ? lines[0].replace(/\.$/, '') : lines[0];
    throw new CliError(`${first}${hint ? `; ${hint.replace(/^To specify/, 'to give').replace(/\.$/, '')}` : ''} (see neuroloom --help)`, USAGE_EXIT);
  }
}

export function str(values: FlagValues, name: keyof typeof TRAIN_FLAGS): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}

export function num(values: FlagValues, name: keyof typeof TRAIN_FLAGS, check: { min?: number; max?: number; integer?: boolean; positive?: boolean } = {}): number | undefined {
  const text = str(values, name);
  if (text === undefined) return undefined;
  const v = Number(text);
  const bad = (why: string): CliError => new CliError(`--${name} ${text}: ${why}`, USAGE_EXIT);
  if (text.trim() === '' || !Number.isFinite(v)) throw bad('not a finite number');
  if (check.integer && !Number.isInteger(v)) throw bad('must be a whole number');
  if (check.positive && !(v > 0)) throw bad('must be greater than 0');
  if (check.min !== undefined && v < check.min) throw bad(`must be at least ${check.min}`);
  if (check.max !== undefined && v > check.max) throw bad(`must be at most ${check.max}`);
  return v;
}

function choice<T extends string>(values: FlagValues, name: keyof typeof TRAIN_FLAGS, allowed: readonly T[], is: (s: string) => s is T): T | undefined {
  const text = str(values, name);
  if (text === undefined) return undefined;
  if (!is(text)) throw new CliError(`--${name} ${text}: expected one of ${allowed.join(', ')}`, USAGE_EXIT);
  return text;
}

export const costFlag = (v: FlagValues): CostName | undefined => choice(v, 'cost', COST_NAMES, isCostName);
export const initFlag = (v: FlagValues): InitName | undefined => choice(v, 'init', INIT_NAMES, isInitName);
export const optimizerFlag = (v: FlagValues): OptimizerName | undefined => choice(v, 'optimizer', OPTIMIZER_NAMES, isOptimizerName);
export const shuffleFlag = (v: FlagValues): 'seeded' | 'none' | undefined =>
  choice(v, 'shuffle', ['seeded', 'none'] as const, (s): s is 'seeded' | 'none' => s === 'seeded' || s === 'none');
export const precisionFlag = (v: FlagValues): Precision | undefined =>
  choice(v, 'precision', ['float64', 'float32'] as const, (s): s is Precision => s === 'float64' || s === 'float32');
export const formatFlag = (v: FlagValues): 'project' | 'network2' | undefined =>
  choice(v, 'format', ['project', 'network2'] as const, (s): s is 'project' | 'network2' => s === 'project' || s === 'network2');

/** "784,30,10" -> [784, 30, 10]. */
export function sizesFlag(values: FlagValues): number[] | undefined {
  const text = str(values, 'sizes');
  if (text === undefined) return undefined;
  const sizes = text.split(',').map((s) => Number(s.trim()));
  if (sizes.length < 2 || sizes.some((s) => !Number.isInteger(s) || s < 1 || s > 1_000_000)) {
    throw new CliError(`--sizes ${text}: expected at least two whole numbers like 784,30,10`, USAGE_EXIT);
  }
  return sizes;
}

export const cellFlag = (v: FlagValues): CellKind | undefined => choice(v, 'cell', CELL_KINDS, (s): s is CellKind => (CELL_KINDS as readonly string[]).includes(s));
export const targetsFlag = (v: FlagValues): 'last' | 'every' | undefined =>
  choice(v, 'targets', ['last', 'every'] as const, (s): s is 'last' | 'every' => s === 'last' || s === 'every');

/** --clip-norm X (a positive number) or --clip-norm off; undefined when absent, null for off. */
export function clipNormFlag(values: FlagValues): number | null | undefined {
  const text = str(values, 'clip-norm');
  if (text === 'off' || text === 'none') return null;
  return num(values, 'clip-norm', { positive: true });
}

const SEQUENCE_FLAGS = ['count', 'length', 'delay', 'symbols', 'targets'] as const;

/**
 * --count --length --delay --symbols --targets over `base` (a project's own
 * settings), checked against the same bounds a project file has; undefined
 * when neither gives any.
 */
export function sequenceFlags(values: FlagValues, base: SequenceSettings = {}): SequenceSettings | undefined {
  const given: SequenceSettings = { ...base };
  for (const name of ['count', 'length', 'delay', 'symbols'] as const) {
    const v = num(values, name, { integer: true, min: 1 });
    if (v !== undefined) given[name] = v;
  }
  const targets = targetsFlag(values);
  if (targets) given.targets = targets;
  const parsed = sequenceSettingsSchema.safeParse(given);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue.path[0]);
    const why = issue.code === 'too_big' ? `must be at most ${String(issue.maximum)}` : issue.code === 'too_small' ? `must be at least ${String(issue.minimum)}` : issue.message.toLowerCase();
    throw new CliError(`--${name} ${String(given[name as keyof SequenceSettings])}: ${why}`, USAGE_EXIT);
  }
  return Object.keys(parsed.data).length > 0 ? parsed.data : undefined;
}

/** The first of --count --length --delay --symbols --targets given, for refusing them where no sequence set is generated. */
export function sequenceFlagGiven(values: FlagValues): string | undefined {
  return SEQUENCE_FLAGS.find((name) => values[name] !== undefined);
}
