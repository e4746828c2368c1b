/**
 * The built-in digits as one compact file for the browser build: the mnist
 * package's 10,000 digits are 21 MB of JSON; every pixel there is one of at
 * most 256 distinct numbers (byte/255 rounded to three decimals), so a pixel
 * is stored as its index into a palette of those exact numbers. Decoding
 * gives back the very same pixel values the JSON holds, so a run in the
 * browser sees the same data as the CLI and the desktop app.
 *
 * Layout (little-endian), gzipped as a whole:
 *   0  "NLDG"   4  version (u32 = 1)   8  side (u32 = 28)   12  palette size P (u32, 1..256)
 *   16 ten u32 counts, one per digit   56  P float64 palette values
 *   56 + 8P  the pixels, one byte each, digit 0's images first
 */
import { digitsDataset, DIGIT_PIXELS, DIGIT_SIDE } from './digits';
import type { Dataset } from './dataset';
import { DataError, formatBytes, formatCount } from './errors';
import { gunzipLimited, isGzip } from './gzip';

const MAGIC = [0x4e, 0x4c, 0x44, 0x47]; // "NLDG"
const VERSION = 1;
const HEADER = 56;
/** More images than the asset may hold: a hostile header cannot ask for more. */
const MAX_IMAGES = 100_000;
/** The largest the unpacked asset can be: header, palette and MAX_IMAGES images. */
export const DIGITS_ASSET_MAX_BYTES = HEADER + 8 * 256 + MAX_IMAGES * DIGIT_PIXELS;

/** Packs per-digit pixel arrays (as the mnist package gives them) into the asset's unpacked bytes. */
export function encodeDigitsAsset(perDigit: readonly ArrayLike<number>[]): Uint8Array {
  if (perDigit.length !== 10) throw new Error(`expected 10 arrays of pixels (one per digit), got ${perDigit.length}`);
  const palette = new Map<number, number>();
  let images = 0;
  for (const [d, pixels] of perDigit.entries()) {
    if (pixels.length === 0 || pixels.length % DIGIT_PIXELS !== 0) {
      throw new Error(`digit ${d}: ${pixels.length} values is not a whole number of 28x28 images`);
    }
    images += pixels.length / DIGIT_PIXELS;
    for (let i = 0; i < pixels.length; i++) {
      const v = pixels[i];
      if (!(v >= 0 && v <= 1)) throw new Error(`digit ${d}: pixel value ${v} is not in [0, 1]`);
      if (!palette.has(v)) {
        if (palette.size === 256) throw new Error('the pixels take more than 256 distinct values; they do not fit a byte palette');
        palette.set(v, palette.size);
      }
    }
  }
  // Sorted, so the same pixels always give the same file.
  const values = [...palette.keys()].sort((a, b) => a - b);
  values.forEach((v, i) => palette.set(v, i));
  const P = values.length;
  const out = new Uint8Array(HEADER + 8 * P + images * DIGIT_PIXELS);
  const view = new DataView(out.buffer);
  out.set(MAGIC, 0);
  view.setUint32(4, VERSION, true);
  view.setUint32(8, DIGIT_SIDE, true);
  view.setUint32(12, P, true);
  perDigit.forEach((pixels, d) => view.setUint32(16 + 4 * d, pixels.length / DIGIT_PIXELS, true));
  values.forEach((v, i) => view.setFloat64(HEADER + 8 * i, v, true));
  let at = HEADER + 8 * P;
  for (const pixels of perDigit) {
    for (let i = 0; i < pixels.length; i++) out[at++] = palette.get(pixels[i]) as number;
  }
  return out;
}

interface Header {
  palette: number;
  counts: number[];
  /** The whole unpacked size the header declares. */
  size: number;
}

/** Checks the header before anything else is read or inflated; needs HEADER bytes. */
function readHeader(head: Uint8Array, file: string): Header {
  if (head.length < HEADER || MAGIC.some((m, i) => head[i] !== m)) {
    throw new DataError(file, 'is not a Neuroloom digits file (run `node scripts/build-digits-asset.mjs` to make it)');
  }
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const version = view.getUint32(4, true);
  if (version !== VERSION) throw new DataError(file, `is version ${version} of the digits format; this build reads version ${VERSION}`);
  const side = view.getUint32(8, true);
  if (side !== DIGIT_SIDE) throw new DataError(file, `holds ${side}x${side} images; expected ${DIGIT_SIDE}x${DIGIT_SIDE}`);
  const palette = view.getUint32(12, true);
  if (palette < 1 || palette > 256) throw new DataError(file, `its palette has ${palette} values; expected 1 to 256`);
  const counts: number[] = [];
  let images = 0;
  for (let d = 0; d < 10; d++) {
    const c = view.getUint32(16 + 4 * d, true);
    counts.push(c);
    images += c;
  }
  if (images > MAX_IMAGES) throw new DataError(file, `declares ${formatCount(images)} images, more than the ${formatCount(MAX_IMAGES)} limit`);
  return { palette, counts, size: HEADER + 8 * palette + images * DIGIT_PIXELS };
}

/**
 * The asset (gzipped or not) -> all digits in one dataset, ordered by digit,
 * exactly as engine/datasets/digits.ts's digitsDataset makes it from the JSON.
 */
export function decodeDigitsAsset(bytes: Uint8Array, file = 'digits.bin'): Dataset {
  const raw = isGzip(bytes)
    ? gunzipLimited(bytes, {
        file,
        maxBytes: DIGITS_ASSET_MAX_BYTES,
        // A wrong or hostile header stops the inflating at its first 56 bytes.
        declaredSize: (head) => (head.length < HEADER ? null : readHeader(head, file).size),
      })
    : bytes;
  const { palette: P, counts, size } = readHeader(raw, file);
  if (raw.length !== size) {
    throw new DataError(file, `is ${formatBytes(raw.length)} but its header declares ${formatBytes(size)}; it is truncated or corrupt`);
  }
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const palette = new Float64Array(P);
  for (let i = 0; i < P; i++) {
    const v = view.getFloat64(HEADER + 8 * i, true);
    if (!(v >= 0 && v <= 1)) throw new DataError(file, `palette value ${i} is ${v}, not a pixel value in [0, 1]`);
    palette[i] = v;
  }
  let at = HEADER + 8 * P;
  const perDigit = counts.map((c, d) => {
    const pixels = new Float32Array(c * DIGIT_PIXELS);
    for (let i = 0; i < pixels.length; i++) {
      const index = raw[at++];
      if (index >= P) throw new DataError(file, `digit ${d}: pixel index ${index} is outside its palette of ${P} values`);
      pixels[i] = palette[index];
    }
    return pixels;
  });
  return digitsDataset(perDigit, file);
}
