/**
 * The IDX format of MNIST and Fashion-MNIST (http://yann.lecun.com/exdb/mnist/):
 * a big-endian magic number 00 00 TT DD (TT the element type, DD the number of
 * dimensions), DD big-endian uint32 dimension sizes, then the elements.
 * Only unsigned bytes (TT = 0x08) are accepted: that is what image and label
 * files use. Every size is checked against the data before anything is
 * allocated, so a corrupt or hostile header cannot ask for 10 GB.
 */
import { oneHot, type Dataset } from './dataset';
import { DataError, DEFAULT_MAX_BYTES, formatBytes, formatCount } from './errors';
import { gunzipLimited, isGzip } from './gzip';

export const IDX_IMAGES_MAGIC = 0x00000803;
export const IDX_LABELS_MAGIC = 0x00000801;
const UNSIGNED_BYTE = 0x08;

const TYPE_NAMES: Record<number, string> = {
  0x08: 'unsigned byte',
  0x09: 'signed byte',
  0x0b: 'short',
  0x0c: 'int',
  0x0d: 'float',
  0x0e: 'double',
};

export type IdxKind = 'images' | 'labels';

export interface IdxArray {
  /** Dimension sizes: [count, rows, columns] for images, [count] for labels. */
  dims: number[];
  /** The elements, row-major. */
  data: Uint8Array;
}

export interface IdxReadOptions {
  /** Named in error messages. */
  file: string;
  kind: IdxKind;
  /** Most bytes to accept after decompression (default 1 GiB). */
  maxBytes?: number;
}

const DIMENSIONS: Record<IdxKind, number> = { images: 3, labels: 1 };

/**
 * The total size the header declares (header included), or null when `head`
 * is too short to tell. Throws a DataError for a wrong magic number.
 */
export function idxDeclaredSize(head: Uint8Array, file: string, kind: IdxKind): number | null {
  if (head.length < 4) return null;
  const expected = kind === 'images' ? IDX_IMAGES_MAGIC : IDX_LABELS_MAGIC;
  const magic = readUint32(head, 0);
  const hex = (n: number): string => `0x${n.toString(16).padStart(8, '0')}`;
  if (head[0] !== 0 || head[1] !== 0 || !(head[2] in TYPE_NAMES)) {
    throw new DataError(file, `is not an IDX ${kind} file (magic number ${hex(magic)}, expected ${hex(expected)})`);
  }
  if (head[2] !== UNSIGNED_BYTE) {
    throw new DataError(
      file,
      `IDX element type 0x${head[2].toString(16).padStart(2, '0')} (${TYPE_NAMES[head[2]]}) is not supported; only unsigned bytes (0x08) are`,
    );
  }
  const dims = head[3];
  if (dims !== DIMENSIONS[kind]) {
    const other = kind === 'images' ? 'a labels file' : 'an images file';
    throw new DataError(
      file,
      `is not an IDX ${kind} file: it has ${dims} dimension${dims === 1 ? '' : 's'} (magic number ${hex(magic)}, expected ${hex(expected)})` +
        (dims === DIMENSIONS[kind === 'images' ? 'labels' : 'images'] ? `; is it ${other}?` : ''),
    );
  }
  const headerSize = 4 + 4 * dims;
  if (head.length < headerSize) return null;
  let elements = 1;
  for (let d = 0; d < dims; d++) {
    const size = readUint32(head, 4 + 4 * d);
    if (size === 0) throw new DataError(file, `IDX dimension ${d + 1} is 0: the file holds no ${kind}`);
    elements *= size; // a double: exact up to 2^53, and past that far above any limit anyway
  }
  return headerSize + elements;
}

/** Parses one IDX file (raw or gzipped), checking sizes before allocating. */
export function readIdx(bytes: Uint8Array, options: IdxReadOptions): IdxArray {
  const { file, kind } = options;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length === 0) throw new DataError(file, 'is empty');
  let raw: Uint8Array;
  if (isGzip(bytes)) {
    raw = gunzipLimited(bytes, { file, maxBytes, declaredSize: (head) => idxDeclaredSize(head, file, kind) });
  } else {
    const size = idxDeclaredSize(bytes, file, kind);
    if (size === null) throw new DataError(file, `is truncated: ${bytes.length} bytes, too short for an IDX header`);
    if (size > maxBytes) throw new DataError(file, `its header declares ${formatBytes(size)}, more than the ${formatBytes(maxBytes)} limit`);
    if (bytes.length < size) {
      throw new DataError(file, `is truncated: its header declares ${formatBytes(size)} but the file holds ${formatBytes(bytes.length)}`);
    }
    if (bytes.length > size) {
      throw new DataError(file, `holds ${formatBytes(bytes.length - size)} more than its header declares; the sizes disagree`);
    }
    raw = bytes;
  }
  const ndims = raw[3];
  const dims: number[] = [];
  for (let d = 0; d < ndims; d++) dims.push(readUint32(raw, 4 + 4 * d));
  return { dims, data: raw.subarray(4 + 4 * ndims) };
}

export interface IdxDatasetOptions {
  name: string;
  /** File names for error messages. */
  imagesFile?: string;
  labelsFile?: string;
  /** Labels must be below this (default 10). */
  classes?: number;
  classNames?: string[];
  maxBytes?: number;
  /**
   * float32 (default) halves the memory of 60,000 images; float64 keeps
   * byte/255 exact, as numpy computes it, for runs compared with the book's code.
   */
  precision?: 'float32' | 'float64';
}

/** Images and labels files -> a classification dataset, pixels scaled to [0, 1]. */
export function idxDataset(imagesBytes: Uint8Array, labelsBytes: Uint8Array, options: IdxDatasetOptions): Dataset {
  const imagesFile = options.imagesFile ?? `${options.name} images`;
  const labelsFile = options.labelsFile ?? `${options.name} labels`;
  const classes = options.classes ?? 10;
  const images = readIdx(imagesBytes, { file: imagesFile, kind: 'images', maxBytes: options.maxBytes });
  const labelArray = readIdx(labelsBytes, { file: labelsFile, kind: 'labels', maxBytes: options.maxBytes });
  const [count, height, width] = images.dims;
  if (labelArray.dims[0] !== count) {
    throw new DataError(
      labelsFile,
      `holds ${formatCount(labelArray.dims[0])} labels but ${imagesFile} holds ${formatCount(count)} images; the counts must agree`,
    );
  }
  const labels = labelArray.data;
  for (let i = 0; i < count; i++) {
    if (labels[i] >= classes) {
      throw new DataError(labelsFile, `label ${labels[i]} of example ${formatCount(i + 1)} is not a class (expected 0 to ${classes - 1})`);
    }
  }
  const Vec = options.precision === 'float64' ? Float64Array : Float32Array;
  const scale = new Vec(256);
  for (let v = 0; v < 256; v++) scale[v] = v / 255;
  const x = new Vec(images.data.length);
  for (let i = 0; i < x.length; i++) x[i] = scale[images.data[i]];
  const ownLabels = labels.slice();
  return {
    name: options.name,
    task: 'classification',
    inputSize: width * height,
    outputSize: classes,
    count,
    x,
    y: oneHot(ownLabels, classes),
    labels: ownLabels,
    classNames: options.classNames ?? Array.from({ length: classes }, (_, i) => String(i)),
    image: { width, height },
  };
}

/** Fashion-MNIST's ten classes, in label order. */
export const FASHION_MNIST_CLASSES = [
  'T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot',
];

function readUint32(b: Uint8Array, at: number): number {
  return ((b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]) >>> 0;
}
