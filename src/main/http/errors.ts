import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { ApiError, httpStatusByCode, toErrorBody, type ErrorCode } from '../../core/api/errors';
import { diskFullError, type StorageHealth } from '../store/disk-full';

export function sendError(reply: FastifyReply, error: ApiError): FastifyReply {
  return reply.code(httpStatusByCode[error.code]).type('application/json').send(toErrorBody(error));
}

/** Fastify's own error codes, translated to ours. */
const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid_json',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
};

function translate(error: FastifyError, bodyLimit: number): ApiError {
  const code = fastifyCodes[error.code];
  if (code === 'payload_too_large') {
    return new ApiError(code, `the request body is larger than the limit of ${bodyLimit} bytes`);
  }
  if (code === 'unsupported_media_type') {
    return new ApiError(code, 'unsupported Content-Type: send the call as application/json');
  }
  if (code) return new ApiError(code, error.message);
  if (error.statusCode === 404) return new ApiError('not_found', error.message);
  // a plugin's own refusal of the request (a multipart field named "__proto__", ...): the client's fault
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) return new ApiError('invalid_payload', error.message);
  return new ApiError('internal', 'internal error');
}

export function registerErrorHandlers(app: FastifyInstance, bodyLimit: number, storage: StorageHealth): void {
  app.setErrorHandler((error: FastifyError | ApiError, request, reply) => {
    if (error instanceof ApiError) return sendError(reply, error);
    // a full disk is logged once a minute by the storage watch, not with a stack per request
    if (storage.noteFailure(error)) return sendError(reply, diskFullError());
    const translated = translate(error, bodyLimit);
    if (translated.code === 'internal') {
      // Method and path only: query strings may hold the UI token.
      console.error(`callscope: ${request.method} ${request.routeOptions.url ?? '?'} failed:`, error);
    }
    return sendError(reply, translated);
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, new ApiError('not_found', `no route ${request.method} ${request.url.split('?')[0]}`)),
  );
}
