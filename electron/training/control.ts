/**
 * Messages between main and the utility process on `process.parentPort`
 * (the renderer's training traffic goes on its own MessagePort). Both ends
 * validate what they receive.
 */
import { z } from 'zod';

export const MAX_GRANTED_PATHS = 1000;

/** Main -> worker. */
export const controlToWorkerSchema = z.discriminatedUnion('type', [
  /** The renderer's end of the training channel comes with this message (in `ports`). */
  z.object({ type: z.literal('connect') }).strict(),
  /** Data files the user chose; the worker reads no others. */
  z.object({ type: z.literal('grant'), paths: z.array(z.string().min(1).max(4096)).max(MAX_GRANTED_PATHS) }).strict(),
]);
export type ControlToWorker = z.infer<typeof controlToWorkerSchema>;

/** Worker -> main. */
export const controlFromWorkerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }).strict(),
  /** Sent just before the worker dies of an uncaught error, so main can say why. */
  z.object({ type: z.literal('fatal'), message: z.string().max(10_000) }).strict(),
]);
export type ControlFromWorker = z.infer<typeof controlFromWorkerSchema>;
