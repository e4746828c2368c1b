/** Builds IDX files byte by byte for the tests. */
export function idxBytes(typeCode: number, dims: number[], data: ArrayLike<number>, ndims = dims.length): Uint8Array {
  const bytes = new Uint8Array(4 + 4 * dims.length + data.length);
  bytes[2] = typeCode;
  bytes[3] = ndims;
  dims.forEach((d, i) => {
    bytes[4 + 4 * i] = (d >>> 24) & 0xff;
    bytes[5 + 4 * i] = (d >>> 16) & 0xff;
    bytes[6 + 4 * i] = (d >>> 8) & 0xff;
    bytes[7 + 4 * i] = d & 0xff;
  });
  bytes.set(Array.from(data), 4 + 4 * dims.length);
  return bytes;
}

export const images = (count: number, rows: number, cols: number, pixels: ArrayLike<number>): Uint8Array =>
  idxBytes(0x08, [count, rows, cols], pixels);
export const labels = (values: number[]): Uint8Array => idxBytes(0x08, [values.length], values);
