import type { FastifyRequest } from 'fastify';
import type { NormalizedCall } from '../../core/model/call';
import { normalizeAny } from '../../core/formats/registry';
import type { AppCore } from '../app';
import type { IngestResult } from '../store/ingest';
import { contentTypeOf, rawBodyOf } from './route-helpers';

/** Normalizes a request body (restricted to some providers when the route is provider-specific) and commits it. */
export async function ingestRequest(
  core: AppCore,
  request: FastifyRequest,
  options: { route: string; providers?: readonly string[]; normalized?: NormalizedCall; rawBody?: Buffer },
): Promise<IngestResult> {
  const normalized = options.normalized ?? normalizeAny(request.body, options.providers);
  return core.ingest(normalized, { body: options.rawBody ?? rawBodyOf(request), content_type: contentTypeOf(request), route: options.route });
}
