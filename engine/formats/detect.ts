/** Which kind of file a parsed JSON value is, so a caller can pick the right loader. */
import { NETWORK_FORMAT } from '../document';
import { PROJECT_FORMAT } from '../project';

export type FileFormat = 'project' | 'network' | 'network2';

/**
 * Our own files say what they are in "format". A network2.py file has no such
 * tag; "sizes" with "weights" or "biases" is enough to pick its importer,
 * which then names whatever else is missing.
 */
export function detectFormat(raw: unknown): FileFormat | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const format = Object.hasOwn(raw, 'format') ? (raw as { format: unknown }).format : undefined;
  if (format === PROJECT_FORMAT) return 'project';
  if (format === NETWORK_FORMAT) return 'network';
  if (format === undefined && Object.hasOwn(raw, 'sizes') && (Object.hasOwn(raw, 'weights') || Object.hasOwn(raw, 'biases'))) {
    return 'network2';
  }
  return null;
}
