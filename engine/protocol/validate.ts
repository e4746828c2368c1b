/**
 * Requests reach the trainer from another process or thread: each is checked
 * before it is acted on. The network itself is validated again by compile().
 */
import { z } from 'zod';
import { InputError } from '../errors';
import { datasetChoiceSchema, hyperparametersSchema } from '../project';
import type { TrainerRequest } from './messages';

const patchSchema = hyperparametersSchema.pick({ eta: true, lambda: true, batchSize: true, epochs: true }).partial().strict();

const requestSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('start'),
    network: z.record(z.string(), z.unknown()),
    dataset: datasetChoiceSchema,
    hyperparameters: hyperparametersSchema,
    seed: z.number().int().min(0).max(0xffffffff),
    initialise: z.boolean(),
    paused: z.boolean().optional(),
  }),
  z.object({ type: z.literal('pause') }),
  z.object({ type: z.literal('resume') }),
  z.object({ type: z.literal('step') }),
  z.object({ type: z.literal('stop') }),
  z.object({ type: z.literal('setHyperparameters'), patch: patchSchema }),
]);

export function parseTrainerRequest(raw: unknown): TrainerRequest {
  const parsed = requestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`bad trainer request: ${issue.path.map(String).join('.') || 'message'}: ${issue.message}`);
  }
  return parsed.data as TrainerRequest;
}
