/**
 * Reading the book's network2.py JSON into a layered document. The file may
 * come from anywhere, so everything is checked before it is used: the
 * declared sizes are capped before any matrix is read, every shape is checked
 * against the sizes, and every number must be finite. Errors name the file
 * and the exact entry (weights[l][j][k], as Python would index it).
 */
import { z } from 'zod';
import { layeredNetwork } from '../build';
import { DocumentError, MAX_UNITS, validateNetwork, type NetworkDocument } from '../document';
import {
  MAX_NETWORK2_LAYERS,
  MAX_NETWORK2_PARAMETERS,
  NETWORK2_COST_NAMES,
  NETWORK2_COSTS,
  type Network2CostName,
} from './network2-types';
import { parsePythonJson, pythonNonFinite } from './python-json';

const KEYS = ['sizes', 'weights', 'biases', 'cost'] as const;
const KEY_LIST = 'sizes, weights, biases and cost';
/** Keys that mean someone is trying to reach Object.prototype. */
const FORBIDDEN_KEYS = ['__proto__', 'constructor', 'prototype'];
const MNIST_IMAGE = { width: 28, height: 28 };

const topSchema = z.object({
  sizes: z.array(z.unknown()),
  weights: z.array(z.unknown()),
  biases: z.array(z.unknown()),
  cost: z.string(),
});
const sizesSchema = z.array(z.number().int().min(1).max(MAX_UNITS)).min(2).max(MAX_NETWORK2_LAYERS);
const costSchema = z.enum(NETWORK2_COST_NAMES as [Network2CostName, ...Network2CostName[]]);

type Fail = (problem: string) => never;

/** Parses network2.py JSON text (NaN/Infinity tokens included) into a document. */
export function parseNetwork2Text(text: string, fileName: string): NetworkDocument {
  return importNetwork2(parsePythonJson(text, fileName), fileName);
}

/** A parsed network2.py file as a layered sigmoid document. */
export function importNetwork2(raw: unknown, fileName: string): NetworkDocument {
  const fail: Fail = (problem) => {
    throw new DocumentError(`${fileName}: ${problem}`);
  };
  const top = readTop(raw, fail);
  const sizes = readSizes(top.sizes, fail);
  checkParameterCount(sizes, fail);
  const cost = readCost(top.cost, fail);
  const weights = readWeights(top.weights, sizes, fail);
  const biases = readBiases(top.biases, sizes, fail);
  const doc = layeredNetwork(sizes, {
    activation: 'sigmoid',
    cost: NETWORK2_COSTS[cost],
    weights,
    biases,
    ...(sizes[0] === MNIST_IMAGE.width * MNIST_IMAGE.height ? { image: MNIST_IMAGE } : {}),
  });
  try {
    return validateNetwork(doc);
  } catch (e) {
    return fail(`does not make a valid network: ${(e as Error).message}`);
  }
}

function readTop(raw: unknown, fail: Fail): z.infer<typeof topSchema> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    fail(`expected a JSON object with ${KEY_LIST} (what network2.py's save() writes), got ${describe(raw)}`);
  }
  const keys = Object.keys(raw);
  const forbidden = keys.find((k) => FORBIDDEN_KEYS.includes(k));
  if (forbidden !== undefined) fail(`the key "${forbidden}" is not allowed; a network2.py file holds only ${KEY_LIST}`);
  const missing = KEYS.filter((k) => !Object.hasOwn(raw, k));
  if (missing.length > 0) fail(`missing ${missing.map((k) => `"${k}"`).join(', ')}; a network2.py file holds ${KEY_LIST}`);
  const parsed = topSchema.safeParse(raw);
  if (!parsed.success) {
    const key = String(parsed.error.issues[0].path[0]) as (typeof KEYS)[number];
    const value = (raw as Record<string, unknown>)[key];
    const wanted = key === 'cost' ? 'the name of a cost class' : key === 'sizes' ? 'a list of layer sizes' : 'a list of matrices';
    fail(`"${key}" must be ${wanted}, got ${describe(value)}`);
  }
  return parsed.data;
}

function readSizes(sizes: unknown[], fail: Fail): number[] {
  // Length first: a hostile list of millions of entries is refused without a walk.
  if (sizes.length < 2) fail(`"sizes" must list at least 2 layers (inputs and outputs), got ${sizes.length}`);
  if (sizes.length > MAX_NETWORK2_LAYERS) fail(`"sizes" lists ${sizes.length} layers; the limit is ${MAX_NETWORK2_LAYERS}`);
  const parsed = sizesSchema.safeParse(sizes);
  if (!parsed.success) {
    const i = Number(parsed.error.issues[0].path[0]);
    fail(`sizes[${i}] must be a whole number of units from 1 to ${MAX_UNITS}, got ${describe(sizes[i])}`);
  }
  return parsed.data.slice();
}

function checkParameterCount(sizes: number[], fail: Fail): void {
  let count = 0;
  for (let l = 0; l + 1 < sizes.length; l++) count += sizes[l + 1] * (sizes[l] + 1);
  if (count > MAX_NETWORK2_PARAMETERS) {
    fail(
      `sizes [${sizes.join(', ')}] declare ${count.toLocaleString('en-US')} weights and biases; ` +
        `the limit is ${MAX_NETWORK2_PARAMETERS.toLocaleString('en-US')}`,
    );
  }
}

function readCost(cost: string, fail: Fail): Network2CostName {
  const parsed = costSchema.safeParse(cost);
  if (!parsed.success) {
    fail(`unknown cost ${JSON.stringify(cost)}; network2.py's costs are ${NETWORK2_COST_NAMES.join(' and ')}`);
  }
  return parsed.data;
}

function readWeights(raw: unknown[], sizes: number[], fail: Fail): number[][][] {
  const layers = sizes.length - 1;
  if (raw.length !== layers) {
    fail(`"weights" holds ${raw.length} matrices, but sizes [${sizes.join(', ')}] need ${layers} (one between each pair of adjacent layers)`);
  }
  const weights: number[][][] = [];
  for (let l = 0; l < layers; l++) {
    const rows = sizes[l + 1];
    const cols = sizes[l];
    const matrix = raw[l];
    if (!Array.isArray(matrix) || matrix.length !== rows) {
      fail(`weights[${l}] (layer ${l} to layer ${l + 1}) must be a list of ${rows} rows, one per unit of layer ${l + 1}, got ${describe(matrix)}`);
    }
    const copy: number[][] = [];
    for (let j = 0; j < rows; j++) {
      const row: unknown = (matrix as unknown[])[j];
      if (!Array.isArray(row) || row.length !== cols) {
        fail(`weights[${l}][${j}] (row ${j} of layer ${l} to layer ${l + 1}) must be a list of ${cols} numbers, one per unit of layer ${l}, got ${describe(row)}`);
      }
      copy.push(readNumbers(row as unknown[], `weights[${l}][${j}]`, 'weights', fail));
    }
    weights.push(copy);
  }
  return weights;
}

function readBiases(raw: unknown[], sizes: number[], fail: Fail): number[][] {
  const layers = sizes.length - 1;
  if (raw.length !== layers) {
    fail(`"biases" holds ${raw.length} vectors, but sizes [${sizes.join(', ')}] need ${layers} (one per layer after the input)`);
  }
  const biases: number[][] = [];
  for (let l = 0; l < layers; l++) {
    const units = sizes[l + 1];
    const column = raw[l];
    if (!Array.isArray(column) || column.length !== units) {
      fail(`biases[${l}] (layer ${l + 1}) must be a list of ${units} one-element lists, one per unit, got ${describe(column)}`);
    }
    const copy = new Array<number>(units);
    for (let j = 0; j < units; j++) {
      const entry: unknown = (column as unknown[])[j];
      if (!Array.isArray(entry) || entry.length !== 1) {
        fail(`biases[${l}][${j}] must be a one-element list like [0.5] (network2.py stores biases as column vectors), got ${describe(entry)}`);
      }
      copy[j] = readNumbers(entry as unknown[], `biases[${l}][${j}]`, 'biases', fail)[0];
    }
    biases.push(copy);
  }
  return biases;
}

/** A fresh copy of a list that must hold finite numbers only. */
function readNumbers(list: unknown[], where: string, what: string, fail: Fail): number[] {
  const out = new Array<number>(list.length);
  for (let k = 0; k < list.length; k++) {
    const v = list[k];
    if (typeof v !== 'number' || !Number.isFinite(v)) fail(`${where}[${k}] is ${describe(v)}; ${what} must be finite numbers`);
    out[k] = v as number;
  }
  return out;
}

/** A value as a user would recognise it in the file. */
function describe(value: unknown): string {
  const token = pythonNonFinite(value);
  if (token !== null) return `${token} (Python writes ${token} when training diverged)`;
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  switch (typeof value) {
    case 'string':
      return `a string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value)}`;
    case 'number':
      if (Number.isFinite(value)) return `the number ${value}`;
      return Number.isNaN(value) ? 'NaN' : `${value} (a number too large for a double)`;
    case 'boolean':
      return String(value);
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}
