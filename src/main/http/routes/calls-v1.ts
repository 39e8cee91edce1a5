import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { callSortColumns, metricColumns, type MetricFilter } from '../../../core/api/types';
import { callListItem, callResource, statusesFor, transcriptEntry } from '../../../core/present/livekit-workflow-calls';
import type { AppCore } from '../../app';
import { dispatch } from '../../api/dispatch';
import { callIdFromParam, parseQuery } from '../route-helpers';

/** Seed 002: read routes for calls (`GET /api/v1/calls`, detail, transcript). */

const instant = z.iso.datetime({ offset: true });

/** `latency_p90_ms_gt=2000`, `ttfw_ms_lt=1500`, ... for each headline figure. */
const metricBounds = Object.fromEntries(
  metricColumns.flatMap((column) => [
    [`${column}_gt`, z.coerce.number().finite().optional()],
    [`${column}_lt`, z.coerce.number().finite().optional()],
  ]),
);

function metricFilters(query: Record<string, unknown>): MetricFilter[] {
  return metricColumns.flatMap((column) => {
    const bounds: MetricFilter[] = [];
    const above = query[`${column}_gt`];
    const below = query[`${column}_lt`];
    if (typeof above === 'number') bounds.push({ column, op: '>', value: above });
    if (typeof below === 'number') bounds.push({ column, op: '<', value: below });
    return bounds;
  });
}

const listQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  page_size: z.coerce.number().int().min(1).max(100).default(20),
  // the contract's limits, checked here so a problem is named by this route's own parameter
  status: z.string().max(100).optional(),
  workflow_id: z.string().max(200).optional(),
  user_id: z.string().max(100).optional(),
  started_after: instant.optional(),
  started_before: instant.optional(),
  // ours
  provider: z.string().max(100).optional(),
  q: z.string().max(500).optional(),
  verdict: z.enum(['success', 'failure', 'unreviewed']).optional(),
  sort: z.enum(callSortColumns).default('started_at'),
  order: z.enum(['asc', 'desc']).default('desc'),
  ...metricBounds,
});

const activeQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(50) });

export function registerCallsV1Routes(app: FastifyInstance, core: AppCore): void {
  const auth = { config: { auth: 'api-key' as const } };

  app.get('/api/v1/calls', auth, async (request) => {
    const query = parseQuery(listQuery, request);
    const page = await dispatch(core.handlers, 'listCalls', {
      offset: (query.page - 1) * query.page_size,
      limit: query.page_size,
      sort: { column: query.sort, direction: query.order },
      filter: {
        statuses: query.status ? statusesFor(query.status) : undefined,
        agent_id: query.workflow_id,
        customer_number: query.user_id,
        started_after: query.started_after,
        started_before: query.started_before,
        provider: query.provider,
        q: query.q,
        verdict: query.verdict,
        metrics: metricFilters(query),
      },
    });
    return {
      items: page.rows.map((row) => callListItem(row, row.agent_history)),
      total: page.total,
      page: query.page,
      page_size: query.page_size,
      pages: Math.ceil(page.total / query.page_size),
    };
  });

  app.get('/api/v1/calls/active', auth, async (request) => {
    const { limit } = parseQuery(activeQuery, request);
    const page = await dispatch(core.handlers, 'listCalls', {
      offset: 0,
      limit,
      sort: { column: 'started_at', direction: 'desc' },
      filter: { statuses: statusesFor('active') },
    });
    return page.rows.map((row) => ({ ...callListItem(row, row.agent_history), status: 'active', current_agent: row.agent_history.at(-1) ?? null }));
  });

  app.get<{ Params: { id: string } }>('/api/v1/calls/:id', auth, async (request) => {
    const { call, turns, agent_history } = await dispatch(core.handlers, 'getCall', { id: callIdFromParam(core, request.params.id) });
    return callResource(call, turns, agent_history);
  });

  app.get<{ Params: { id: string } }>('/api/v1/calls/:id/transcript', auth, async (request) => {
    const { call, turns } = await dispatch(core.handlers, 'getCall', { id: callIdFromParam(core, request.params.id) });
    return turns.map((turn) => transcriptEntry(call, turn));
  });
}
