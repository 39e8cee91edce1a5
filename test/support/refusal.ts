import { expect } from 'vitest';
import { ApiError } from '../../src/core/api/errors';

/** Runs something that must refuse its input with an ApiError, and returns that error. */
export function refusal(run: () => unknown): ApiError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    if (error instanceof ApiError) return error;
  }
  return expect.unreachable('the payload must be refused');
}

/** The field paths an ApiError names. */
export const fieldPaths = (error: ApiError): string[] => (error.fields ?? []).map((f) => f.path);

/** The field paths of the 422 (`invalid_payload`) that `run` must throw. */
export function problemPaths(run: () => unknown): string[] {
  const error = refusal(run);
  expect(error.code).toBe('invalid_payload');
  return fieldPaths(error);
}
