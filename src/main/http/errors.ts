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

/** Plugins' own 4xx errors (static files, multipart) keep their meaning; anything else is ours to fix. */
const codeByStatus: Record<number, ErrorCode> = {
  400: 'bad_request',
  403: 'forbidden',
  404: 'not_found',
  408: 'request_timeout',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
};

function clientErrorOf(error: FastifyError): ApiError | null {
  const status = error.statusCode ?? 500;
  if (status < 400 || status >= 500) return null;
  return new ApiError(codeByStatus[status] ?? 'bad_request', error.message);
}

function translate(error: FastifyError, bodyLimit: number): ApiError {
  // The client closed the connection mid-body: nobody will read the answer, and it is not our fault.
  if (error.code === 'ERR_STREAM_PREMATURE_CLOSE') return new ApiError('bad_request', 'the request body ended before it was complete');
  const code = fastifyCodes[error.code];
  if (code === 'payload_too_large') {
    return new ApiError(code, `the request body is larger than the limit of ${bodyLimit} bytes`);
  }
  if (code === 'unsupported_media_type') {
    return new ApiError(code, 'unsupported Content-Type: send the call as application/json');
  }
  if (code) return new ApiError(code, error.message);
  return clientErrorOf(error) ?? new ApiError('internal', 'internal error');
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
