import type { z } from 'zod';
import { fieldProblems, invalidFields, type ApiError } from '../api/errors';

/** Turns a zod failure into the 422 that names every bad field path. */
export function invalidPayload(format: string, error: z.ZodError): ApiError {
  return invalidFields(`${format} payload is invalid at`, fieldProblems(error.issues));
}
