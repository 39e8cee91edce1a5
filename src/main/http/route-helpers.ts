import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { ApiError } from '../../core/api/errors';
import { parseOrThrow } from '../../core/api/validate';
import type { AppCore } from '../app';
import type { StoredCall } from '../../core/model/call';
import { findCallIdByRef, getCall } from '../store/calls';

/** Who may call a route; checked by the onRequest hook in server.ts. */
export type RouteAuth = 'api-key' | 'session' | 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: RouteAuth;
  }
}

/** Validates a route's query parameters (before they are mapped to a contract input). */
export function parseQuery<S extends z.ZodType>(schema: S, request: FastifyRequest): z.output<S> {
  return parseOrThrow(schema, request.query, 'invalid query parameters');
}

/** Validates a JSON body; a request without one is validated as `undefined` (schemas give defaults). */
export function parseBody<S extends z.ZodType>(schema: S, request: FastifyRequest): z.output<S> {
  return parseOrThrow(schema, request.body ?? undefined, 'invalid request body');
}

/** Resolves `{id}` path params (our integer id, the uuid, the short id or the provider's id) to the contract's call id. */
export function callIdFromParam(core: AppCore, ref: string): number {
  const id = findCallIdByRef(core.db, ref);
  if (id === null) throw new ApiError('not_found', `no call with id "${ref}"`);
  return id;
}

/** Resolves `{id}` path params to the stored call, for the routes that serve its files (media, exports). */
export function callFromParam(core: AppCore, ref: string): StoredCall {
  const call = getCall(core.db, callIdFromParam(core, ref));
  if (!call) throw new ApiError('not_found', `no call with id "${ref}"`);
  return call;
}

export function contentTypeOf(request: FastifyRequest): string {
  return request.headers['content-type'] ?? 'application/octet-stream';
}

export function rawBodyOf(request: FastifyRequest): Buffer {
  return request.rawBody ?? Buffer.from(JSON.stringify(request.body ?? null));
}
