/**
 * Every payload the renderer may send, as zod tuples (one per contract
 * method). Strings and byte arrays have ceilings, objects are strict (an
 * unknown key such as "__proto__" is refused), and a call with one argument
 * too many is refused too.
 */
import { z } from 'zod';
import type { DesktopNotices, DesktopRequests, NoticeName, RequestName } from '../../shared/contract';

export const MAX_TEXT_CHARS = 256 * 2 ** 20;
export const MAX_EXPORT_BYTES = 64 * 2 ** 20;
const PATH_MAX = 4096;

const documentText = z.string().min(1).max(MAX_TEXT_CHARS);
const fileName = z.string().min(1).max(255);
const path = z.string().min(1).max(PATH_MAX);
const savedFile = z.object({ name: z.string().max(500), path: path.nullable() }).strict();
const bytes = z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_EXPORT_BYTES, { message: `more than ${MAX_EXPORT_BYTES / 2 ** 20} MiB` });

type Args<F> = F extends (...args: infer A) => unknown ? A : never;
type TupleOf<A extends unknown[]> = z.ZodType<A>;

export const REQUEST_SCHEMAS: { [K in RequestName]: TupleOf<Args<DesktopRequests[K]>> } = {
  openProject: z.tuple([]),
  openRecent: z.tuple([path]),
  recentFiles: z.tuple([]),
  saveProject: z.tuple([documentText, savedFile.nullable(), z.boolean()]),
  importNetwork2: z.tuple([]),
  exportNetwork2: z.tuple([documentText, fileName]),
  // A chart is PNG bytes, metrics are CSV text: the kind decides the data's type.
  exportFile: z.union([z.tuple([fileName, bytes, z.literal('png')]), z.tuple([fileName, z.string().max(MAX_EXPORT_BYTES), z.literal('csv')])]),
  chooseDataFile: z.tuple([]),
  autosave: z.tuple([documentText]),
  recoverable: z.tuple([]),
  discardRecovery: z.tuple([z.string().min(1).max(100)]),
  connectTrainer: z.tuple([]),
};

export const NOTICE_SCHEMAS: { [K in NoticeName]: TupleOf<Args<DesktopNotices[K]>> } = {
  setDocumentState: z.tuple([z.string().max(500), z.boolean()]),
};

/** The first problem, as one line: "argument 2.path: expected string". */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid arguments';
  const [first, ...rest] = issue.path.map(String);
  const where = first === undefined ? 'arguments' : `argument ${Number(first) + 1}${rest.length ? `.${rest.join('.')}` : ''}`;
  return `${where}: ${issue.message}`;
}
