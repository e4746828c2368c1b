/**
 * A dataset in memory: examples as rows of one flat typed array, so a
 * 60,000-image set is two allocations, and a kernel can copy it once.
 */
export type Task = 'classification' | 'regression';

export interface Dataset {
  name: string;
  task: Task;
  inputSize: number;
  outputSize: number;
  count: number;
  /** count * inputSize features, row-major. */
  x: Float32Array | Float64Array;
  /** count * outputSize targets (one-hot for classification), row-major. */
  y: Float32Array | Float64Array;
  /** Class index of each example, for classification. */
  labels?: Uint8Array;
  classNames?: string[];
  /** Set when each example is an image (row-major pixels). */
  image?: { width: number; height: number };
}

/** Examples [start, end) as a new dataset sharing nothing with the original. */
export function sliceDataset(data: Dataset, start: number, end: number, name = data.name): Dataset {
  const count = Math.max(0, Math.min(end, data.count) - start);
  return {
    ...data,
    name,
    count,
    x: data.x.slice(start * data.inputSize, (start + count) * data.inputSize),
    y: data.y.slice(start * data.outputSize, (start + count) * data.outputSize),
    labels: data.labels?.slice(start, start + count),
  };
}

/** The examples at the given indices, in that order. */
export function pickExamples(data: Dataset, indices: ArrayLike<number>, name = data.name): Dataset {
  const count = indices.length;
  const x = new (data.x.constructor as Float32ArrayConstructor | Float64ArrayConstructor)(count * data.inputSize);
  const y = new (data.y.constructor as Float32ArrayConstructor | Float64ArrayConstructor)(count * data.outputSize);
  const labels = data.labels ? new Uint8Array(count) : undefined;
  for (let i = 0; i < count; i++) {
    const s = indices[i];
    x.set(data.x.subarray(s * data.inputSize, (s + 1) * data.inputSize), i * data.inputSize);
    y.set(data.y.subarray(s * data.outputSize, (s + 1) * data.outputSize), i * data.outputSize);
    if (labels && data.labels) labels[i] = data.labels[s];
  }
  return { ...data, name, count, x, y, labels };
}

/** One-hot targets for class labels. */
export function oneHot(labels: Uint8Array, classes: number): Float32Array {
  const y = new Float32Array(labels.length * classes);
  for (let i = 0; i < labels.length; i++) y[i * classes + labels[i]] = 1;
  return y;
}
