/** Zod pieces shared by the document, project and importer schemas. */
import { z } from 'zod';

/** A finite number, with a message a user understands for NaN, Infinity, null or text. */
export const finiteNumber = z.number({
  error: (issue) => (issue.input === undefined ? 'is missing' : `must be a finite number, got ${describe(issue.input)}`),
});

function describe(v: unknown): string {
  if (typeof v === 'number') return String(v);
  if (v === null) return 'null';
  if (typeof v === 'string') return `the text ${JSON.stringify(v.length > 20 ? `${v.slice(0, 20)}...` : v)}`;
  return typeof v;
}
