/**
 * The one error shape of every surface (DESIGN §3): `{error: {code, message, fields?}}`.
 * Core code throws ApiError; each transport maps `code` to its own status.
 */

export type ErrorCode =
  | 'invalid_json'
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'request_timeout'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'invalid_payload'
  | 'insufficient_storage'
  | 'internal';

export interface FieldProblem {
  /** dotted path into the payload, `messages.2.role`; `$` for the whole body. */
  path: string;
  message: string;
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; fields?: FieldProblem[] };
}

export const httpStatusByCode: Record<ErrorCode, number> = {
  invalid_json: 400,
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  request_timeout: 408,
  payload_too_large: 413,
  unsupported_media_type: 415,
  invalid_payload: 422,
  /** the disk holding the data folder is full: nothing was stored, retry once space is freed. */
  insufficient_storage: 507,
  internal: 500,
};

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldProblem[] | undefined;

  constructor(code: ErrorCode, message: string, fields?: FieldProblem[]) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.fields = fields;
  }
}

export function toErrorBody(error: ApiError): ErrorBody {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.fields ? { fields: error.fields } : {}),
    },
  };
}

export function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const inner = value.error;
  return typeof inner === 'object' && inner !== null && 'code' in inner && 'message' in inner;
}

/** Formats a zod-style issue path (`['messages', 2, 'role']`) as `messages.2.role`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '$' : path.map(String).join('.');
}

/** What a zod issue carries that a field error needs (zod's own issues, or ones re-pathed by hand). */
export interface PathIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/**
 * Zod issues as the API's field errors: the one place they are turned into `{path, message}`.
 * `at` is the dotted path of the value that was validated ('' when it is the whole body).
 */
export function fieldProblems(issues: readonly PathIssue[], at = ''): FieldProblem[] {
  return issues.map((issue) => ({ path: formatPath(at ? [at, ...issue.path] : issue.path), message: issue.message }));
}

/** The 422 naming every bad field: `<lead>: a.b, c`. */
export function invalidFields(lead: string, fields: FieldProblem[]): ApiError {
  return new ApiError('invalid_payload', `${lead}: ${fields.map((f) => f.path).join(', ')}`, fields);
}
