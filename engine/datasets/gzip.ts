/**
 * Guarded gunzip: fflate inflates, we bound the output. A gzip bomb (a few KB
 * that inflate to gigabytes) is refused as soon as the output passes the
 * limit, or as soon as it passes the size the payload's own header declares.
 */
import { Gunzip } from 'fflate';
import { DataError, DEFAULT_MAX_BYTES, formatBytes } from './errors';

/** gzip's magic number 1f 8b (RFC 1952). */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

export interface GunzipOptions {
  /** Named in every error message. */
  file: string;
  /** Refuse to produce more than this many bytes (default 1 GiB). */
  maxBytes?: number;
  /**
   * Reads the start of the output and returns the exact size the whole
   * output must have, or null while it needs more bytes. It may throw a
   * DataError (a wrong magic number) to stop before inflating the rest.
   */
  declaredSize?: (head: Uint8Array) => number | null;
}

/** Input is fed in slices so one push can inflate at most ~1032x this. */
const SLICE = 64 * 1024;

export function gunzipLimited(bytes: Uint8Array, options: GunzipOptions): Uint8Array {
  const { file } = options;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (!isGzip(bytes)) throw new DataError(file, 'is not gzip data (it does not start with 1f 8b)');
  // A member is at least a 10-byte header and an 8-byte trailer.
  if (bytes.length < 18) throw new DataError(file, `gzip data is truncated (${bytes.length} bytes)`);

  // Mutated by the inflater's callbacks, so kept in one object TS does not narrow.
  const state = {
    out: null as Uint8Array | null, // allocated once the size is known
    head: [] as Uint8Array[],
    headLength: 0,
    written: 0,
    memberStart: 0, // output offset where the last gzip member began
    crc: CRC_INIT,
  };
  const produced = (): number => (state.out ? state.written : state.headLength);

  const place = (chunk: Uint8Array): void => {
    let out = state.out;
    if (!out) {
      state.head.push(chunk);
      state.headLength += chunk.length;
      if (state.headLength > maxBytes) {
        throw new DataError(file, `inflates to more than ${formatBytes(maxBytes)}; refusing it (a gzip bomb?)`);
      }
      if (!options.declaredSize) return;
      const joined = concat(state.head, state.headLength);
      state.head = [joined];
      const size = options.declaredSize(joined);
      if (size === null) return;
      if (size > maxBytes) {
        throw new DataError(file, `its header declares ${formatBytes(size)}, more than the ${formatBytes(maxBytes)} limit`);
      }
      out = state.out = new Uint8Array(size);
      state.head = [];
      chunk = joined;
    }
    if (state.written + chunk.length > out.length) {
      throw new DataError(file, `inflates to more data than its header declares (${formatBytes(out.length)}); the sizes disagree`);
    }
    out.set(chunk, state.written);
    state.written += chunk.length;
  };

  const inflater = new Gunzip((chunk) => {
    if (chunk.length === 0) return;
    state.crc = crc32Update(state.crc, chunk);
    place(chunk);
  });
  inflater.onmember = () => {
    // A new member starts: the trailer we check at the end is the last member's.
    state.memberStart = produced();
    state.crc = CRC_INIT;
  };
  try {
    for (let offset = 0; offset < bytes.length; offset += SLICE) {
      const end = Math.min(offset + SLICE, bytes.length);
      inflater.push(bytes.subarray(offset, end), end === bytes.length);
    }
  } catch (error) {
    if (error instanceof DataError) throw error;
    throw new DataError(file, `gzip data is corrupt or truncated (${error instanceof Error ? error.message : String(error)})`);
  }

  // fflate does not read the trailer: a file cut inside it, or right after the
  // deflate data, inflates "fine". The last 8 bytes must be CRC-32 and length.
  const total = produced();
  const n = bytes.length;
  const trailerCrc = (bytes[n - 8] | (bytes[n - 7] << 8) | (bytes[n - 6] << 16) | (bytes[n - 5] << 24)) >>> 0;
  const trailerSize = (bytes[n - 4] | (bytes[n - 3] << 8) | (bytes[n - 2] << 16) | (bytes[n - 1] << 24)) >>> 0;
  if (trailerSize !== (total - state.memberStart) % 2 ** 32 || trailerCrc !== (state.crc ^ CRC_INIT) >>> 0) {
    throw new DataError(file, 'gzip data is truncated or corrupt (its CRC-32 or length check fails)');
  }
  const out = state.out;
  if (!out) {
    if (options.declaredSize) {
      throw new DataError(file, `is truncated: it inflates to only ${formatBytes(total)}, too short for its header`);
    }
    return concat(state.head, state.headLength);
  }
  if (state.written < out.length) {
    throw new DataError(file, `is truncated: its header declares ${formatBytes(out.length)} but it inflates to only ${formatBytes(state.written)}`);
  }
  return out;
}

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1 && chunks[0].length === length) return chunks[0];
  const joined = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    joined.set(c, at);
    at += c.length;
  }
  return joined;
}

const CRC_INIT = 0xffffffff;
const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** The running CRC-32 (IEEE, as gzip uses it), before the final inversion. */
export function crc32Update(crc: number, data: Uint8Array): number {
  let c = crc;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return c >>> 0;
}

/**
 * The first `bytes` bytes a gzip file inflates to (fewer if it is shorter),
 * inflating no more of it than that needs: enough to read a header row.
 * Neither the CRC nor the length is checked, since the rest is not read.
 */
export function gunzipHead(data: Uint8Array, options: { file: string; bytes: number }): Uint8Array {
  const { file } = options;
  if (!isGzip(data)) throw new DataError(file, 'is not gzip data (it does not start with 1f 8b)');
  const out = new Uint8Array(options.bytes);
  let written = 0;
  const inflater = new Gunzip((chunk) => {
    const n = Math.min(chunk.length, out.length - written);
    out.set(chunk.subarray(0, n), written);
    written += n;
  });
  try {
    // Small slices: one push can inflate ~1000 times its size, and we stop as soon as we have enough.
    for (let offset = 0; offset < data.length && written < out.length; offset += 4096) {
      const end = Math.min(offset + 4096, data.length);
      inflater.push(data.subarray(offset, end), end === data.length);
    }
  } catch (error) {
    throw new DataError(file, `gzip data is corrupt or truncated (${error instanceof Error ? error.message : String(error)})`);
  }
  return out.subarray(0, written);
}
