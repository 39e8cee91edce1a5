import type { z } from 'zod';
import { ApiError, formatPath, type FieldProblem } from '../api/errors';

/** Turns a zod failure into the 422 that names every bad field path. */
export function invalidPayload(format: string, error: z.ZodError): ApiError {
  const fields: FieldProblem[] = error.issues.map((issue) => ({
    path: formatPath(issue.path),
    message: issue.message,
  }));
  const list = fields.map((f) => f.path).join(', ');
  return new ApiError('invalid_payload', `${format} payload is invalid at: ${list}`, fields);
}
