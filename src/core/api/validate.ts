import type { z } from 'zod';
import { apiContract, type ApiParsedInput } from './contract';
import { ApiError, formatPath } from './errors';
import type { ApiMethod } from './methods';

// The contract seen through a mapped type, so indexing it with a generic method keeps the link
// between the method and its parsed input type.
const inputSchemas: { [M in ApiMethod]: { input: z.ZodType<ApiParsedInput<M>> } } = apiContract;

/** Validates an input for a method, the same way for both transports. */
export function parseApiInput<M extends ApiMethod>(method: M, raw: unknown): ApiParsedInput<M> {
  const result = inputSchemas[method].input.safeParse(raw ?? undefined);
  if (!result.success) {
    const fields = result.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
    throw new ApiError('invalid_payload', `invalid input for ${method}: ${fields.map((f) => f.path).join(', ')}`, fields);
  }
  return result.data;
}
