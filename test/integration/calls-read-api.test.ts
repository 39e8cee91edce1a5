import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { normalizeEfficientAi } from '../../src/core/formats/efficientai';
import { postJson, startTestApp, type RunningTestApp } from '../support/temp-app';

const INGEST = '/api/v1/observability/calls';

let app: RunningTestApp;
beforeEach(async () => {
  app = await startTestApp();
});
afterEach(async () => {
  await app.stop();
});

function call(n: number, extra: Record<string, unknown> = {}) {
  const start = Date.UTC(2026, 0, 1, 10, 0, n);
  return {
    id: `call-${String(n).padStart(3, '0')}`,
    agent_id: n % 2 === 0 ? 'agent-even' : 'agent-odd',
    startedAt: new Date(start).toISOString(),
    endedAt: new Date(start + 60_000 + n * 1000).toISOString(),
    messages: [
      { role: 'bot', content: `Hello caller number ${n}`, start_time: start + 500, end_time: start + 2000 },
      { role: 'user', content: n === 7 ? 'I want a refund for my order' : 'Just checking in', start_time: start + 2500, end_time: start + 4000 },
    ],
    ...extra,
  };
}

describe('GET /api/v1/calls (seed 002)', () => {
  beforeEach(async () => {
    for (let n = 1; n <= 25; n++) expect((await postJson(app, INGEST, call(n))).status).toBe(201);
  });

  it('pages newest first with the seed paging keys', async () => {
    const first = await (await app.api('/api/v1/calls?page=1&page_size=10')).json();
    expect(first).toMatchObject({ total: 25, page: 1, page_size: 10, pages: 3 });
    expect(first.items).toHaveLength(10);
    expect(first.items[0]).toMatchObject({ workflow_id: 'agent-odd', duration_seconds: 85, agent_history: [] });
    expect(first.items[0].external_id).toBe('call-025');
    const last = await (await app.api('/api/v1/calls?page=3&page_size=10')).json();
    expect(last.items.map((i: { external_id: string }) => i.external_id)).toEqual(['call-005', 'call-004', 'call-003', 'call-002', 'call-001']);
  });

  it('filters by workflow (agent), time range and transcript words', async () => {
    const even = await (await app.api('/api/v1/calls?workflow_id=agent-even&page_size=100')).json();
    expect(even.total).toBe(12);
    const window = await (
      await app.api('/api/v1/calls?started_after=2026-01-01T10:00:10Z&started_before=2026-01-01T11:00:15%2B01:00')
    ).json();
    expect(window.items.map((i: { external_id: string }) => i.external_id)).toEqual(['call-014', 'call-013', 'call-012', 'call-011', 'call-010']);
    const refund = await (await app.api('/api/v1/calls?q=refund')).json();
    expect(refund.items.map((i: { external_id: string }) => i.external_id)).toEqual(['call-007']);
    const prefix = await (await app.api('/api/v1/calls?q=ref')).json();
    expect(prefix.total).toBe(1);
  });

  it('sorts by another column in SQL', async () => {
    const longest = await (await app.api('/api/v1/calls?sort=duration_s&order=desc&page_size=1')).json();
    expect(longest.items[0].external_id).toBe('call-025');
    const shortest = await (await app.api('/api/v1/calls?sort=duration_s&order=asc&page_size=1')).json();
    expect(shortest.items[0].external_id).toBe('call-001');
  });

  it('lists ongoing calls as active, with the agents that spoke', async () => {
    const live = normalizeEfficientAi({ ...call(30), id: 'live-1' });
    live.call.status = 'ongoing';
    live.turns = live.turns.map((turn, i) => ({ ...turn, agent_name: i === 0 ? 'greeter' : 'billing' }));
    await app.core.ingest(live, { body: Buffer.from('live-1'), content_type: 'application/json', route: 'test' });
    const active = await (await app.api('/api/v1/calls/active')).json();
    expect(active).toHaveLength(1);
    expect(active[0]).toMatchObject({ external_id: 'live-1', status: 'active', current_agent: 'billing', agent_history: ['greeter', 'billing'] });
    const completed = await (await app.api('/api/v1/calls?status=active')).json();
    expect(completed.total).toBe(1);
  });
});

describe('GET /api/v1/calls/{id} and /transcript', () => {
  it('returns the seed fields plus the normalized call', async () => {
    const created = await (await postJson(app, INGEST, call(3, { provider_platform: 'retell', to_phone_number: '+15550001111' }))).json();
    for (const ref of [created.id, created.call_short_id]) {
      const detail = await (await app.api(`/api/v1/calls/${ref}`)).json();
      expect(detail).toMatchObject({
        id: created.id,
        workflow_id: 'agent-odd',
        status: null,
        duration_seconds: 63,
        provider: 'efficientai',
        platform: 'retell',
        source_format: 'efficientai.observability.ingest',
        external_id: 'call-003',
        to_number: '+15550001111',
        metrics: { duration_seconds: 63, agent_handoffs: 0 },
      });
    }
  });

  it('returns the transcript with the seed keys and our timing keys', async () => {
    const created = await (await postJson(app, INGEST, call(4))).json();
    const transcript = await (await app.api(`/api/v1/calls/${created.id}/transcript`)).json();
    expect(transcript).toEqual([
      expect.objectContaining({ role: 'assistant', content: 'Hello caller number 4', timestamp: '2026-01-01T10:00:04.500Z', start_ms: 500, end_ms: 2000, idx: 0 }),
      expect.objectContaining({ role: 'user', content: 'Just checking in', start_ms: 2500, end_ms: 4000, idx: 1 }),
    ]);
  });
});
