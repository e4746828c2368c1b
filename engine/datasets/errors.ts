import { InputError } from '../errors';

/**
 * A problem with data a user gave us (a file, a CSV text, a dataset name).
 * The message always starts with the file's name, so a user sees which file
 * is wrong and why, never a stack trace. An InputError, so hosts show it as it is.
 */
export class DataError extends InputError {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'DataError';
  }
}

/** "47.0 MB", "1.00 GiB": sizes as a person reads them in an error message. */
export function formatBytes(n: number): string {
  if (n >= 2 ** 30) return `${(n / 2 ** 30).toFixed(2)} GiB`;
  if (n >= 2 ** 20) return `${(n / 2 ** 20).toFixed(1)} MiB`;
  if (n >= 2 ** 10) return `${(n / 2 ** 10).toFixed(1)} KiB`;
  return `${n} bytes`;
}

/** 60000 -> "60,000", without depending on the host's locale. */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The most bytes we ever decompress or allocate for one data file. */
export const DEFAULT_MAX_BYTES = 2 ** 30;
