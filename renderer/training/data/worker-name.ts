/**
 * A Worker's `name` is the one thing a page can hand a worker before its
 * first message: we use it for the digits asset's absolute URL.
 */
const PREFIX = 'neuroloom-trainer digits=';

export function trainerWorkerName(digitsUrl: string): string {
  return `${PREFIX}${digitsUrl}`;
}

export function digitsUrlFromWorkerName(name: string): string | null {
  return name.startsWith(PREFIX) ? name.slice(PREFIX.length) : null;
}
