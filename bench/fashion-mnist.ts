/** Fashion-MNIST for the benchmark: the Debian package's files, or random images of the same shape. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { oneHot, type Dataset } from '../engine/datasets/dataset';
import { Rng } from '../engine/rng';
import { FASHION_MNIST_CLASSES } from '../engine/datasets/idx';
import { resolveDataset } from '../node/data';

export const FASHION_MNIST_DIR = '/usr/share/datasets/fashion-mnist';
const CLASSES = FASHION_MNIST_CLASSES;

export interface BenchData {
  train: Dataset;
  test: Dataset;
  /** Where the data came from, or that it is random stand-in data. */
  source: string;
  synthetic: boolean;
}

export function loadFashionMnist(dir = FASHION_MNIST_DIR): BenchData {
  const file = (name: string): string => join(dir, name);
  const names = ['train-images-idx3-ubyte.gz', 'train-labels-idx1-ubyte.gz', 't10k-images-idx3-ubyte.gz', 't10k-labels-idx1-ubyte.gz'];
  if (!names.every((n) => existsSync(file(n)))) {
    return {
      train: randomImages('random-train', 60000, 1),
      test: randomImages('random-test', 10000, 2),
      source: `random 28x28 images (no Fashion-MNIST in ${dir}: install the Debian package dataset-fashion-mnist)`,
      synthetic: true,
    };
  }
  const { train, test } = resolveDataset(file(names[0]));
  if (!test) throw new Error(`${dir}: the t10k test files were not found beside the training files`);
  return { train, test, source: dir, synthetic: false };
}

function randomImages(name: string, count: number, seed: number): Dataset {
  const rng = new Rng(seed);
  const pixels = new Uint8Array(count * 784);
  for (let i = 0; i < pixels.length; i++) pixels[i] = rng.nextUint32() & 0xff;
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) labels[i] = rng.int(10);
  return imageDataset(name, pixels, labels, 28, 28);
}

function imageDataset(name: string, pixels: Uint8Array, labels: Uint8Array, height: number, width: number): Dataset {
  const x = new Float32Array(pixels.length);
  for (let i = 0; i < pixels.length; i++) x[i] = pixels[i] / 255;
  return {
    name,
    task: 'classification',
    inputSize: width * height,
    outputSize: CLASSES.length,
    count: labels.length,
    x,
    y: oneHot(labels, CLASSES.length),
    labels: labels.slice(),
    classNames: CLASSES,
    image: { width, height },
  };
}
