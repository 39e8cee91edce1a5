import type { z } from 'zod';
import { apiContract, type ApiMethod, type ApiParsedInput } from './contract';
import { fieldProblems, invalidFields } from './errors';

/** Validates a value with a schema; a failure is the 422 that names every bad field (`<lead>: a.b, c`). */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, lead: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw invalidFields(lead, fieldProblems(result.error.issues));
  return result.data;
}

// The contract seen through a mapped type, so indexing it with a generic method keeps the link
// between the method and its parsed input type.
const inputSchemas: { [M in ApiMethod]: { input: z.ZodType<ApiParsedInput<M>> } } = apiContract;

/** Validates an input for a method, the same way for every transport. */
export function parseApiInput<M extends ApiMethod>(method: M, raw: unknown): ApiParsedInput<M> {
  return parseOrThrow(inputSchemas[method].input, raw ?? undefined, `invalid input for ${method}`);
}
