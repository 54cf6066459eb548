/**
 * τ-bench retail task files and expected end states, read and validated.
 * @see ../../../../../shared/data/tau-bench-retail/SOURCE.md ("Expected end states")
 */
import { InvalidInputError } from '@switchboard/core';
import { z } from 'zod';
import { readJsonFile } from './load.js';

/** One gold tool call: τ tool name and its arguments, exactly as τ-bench lists them. */
export const TauActionSchema = z.object({ name: z.string(), kwargs: z.record(z.string(), z.unknown()) });
export type TauAction = z.infer<typeof TauActionSchema>;

/** A τ task (`tasks_{train,dev}.json`): the customer, their goal, the gold actions, required outputs. */
export const TauTaskSchema = z.object({
  annotator: z.union([z.string(), z.number()]).nullish(),
  user_id: z.string(),
  instruction: z.string(),
  actions: z.array(TauActionSchema),
  outputs: z.array(z.string()),
});
export type TauTask = z.infer<typeof TauTaskSchema>;

const RecordsSchema = z.record(z.string(), z.record(z.string(), z.unknown()));

/**
 * The reference outcome of one task (`expected_{train,dev}.json`): each gold step with τ's
 * observation (a JSON text of the changed record, or a text starting with `Error:` when a rule
 * refused), and the full final records of every order, user and product that changed.
 */
export const TauExpectedSchema = z.object({
  index: z.number().int().min(0),
  user_id: z.string(),
  steps: z.array(TauActionSchema.extend({ observation: z.string() })),
  changed: z.object({ orders: RecordsSchema.optional(), users: RecordsSchema.optional(), products: RecordsSchema.optional() }),
});
export type TauExpected = z.infer<typeof TauExpectedSchema>;

/** Reads and validates a JSON array file. @throws InvalidInputError `DATA_MISSING` or `INVALID_INPUT`. */
function readArray<T>(path: string, schema: z.ZodType<T>): T[] {
  const parsed = z.array(schema).safeParse(readJsonFile(path));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InvalidInputError('INVALID_INPUT', `${path} does not match the expected shape at ${issue ? issue.path.join('.') : '(root)'}`, { details: { path } });
  }
  return parsed.data;
}

/** Reads a τ tasks file. @throws InvalidInputError `DATA_MISSING` (unreadable) or `INVALID_INPUT` (bad shape). */
export const readTauTasks = (path: string): TauTask[] => readArray(path, TauTaskSchema);

/** Reads a τ expected-end-state file. @throws InvalidInputError `DATA_MISSING` (unreadable) or `INVALID_INPUT` (bad shape). */
export const readTauExpected = (path: string): TauExpected[] => readArray(path, TauExpectedSchema);
