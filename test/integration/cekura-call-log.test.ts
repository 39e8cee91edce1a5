import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callLogCompleted } from '../support/cekura-call-log';
import { startTestApp, type RunningTestApp } from '../support/temp-app';

let app: RunningTestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

describe("Cekura's call_log.completed webhook through POST /api/v1/import", () => {
  it('is stored as one call whose reads carry its provider evaluations', async () => {
    const response = await app.api('/api/v1/import', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(callLogCompleted) });
    const body = await response.json();
    expect(response.status, JSON.stringify(body)).toBe(201);
    expect(body.results).toEqual([expect.objectContaining({ ok: true, provider: 'cekura', source_format: 'cekura.webhook.call_log.completed' })]);
    const detail = await (await app.api('/api/v1/calls/call-abc')).json();
    expect(detail).toMatchObject({ external_id: 'call-abc', duration_seconds: 70 });
    expect(detail.provider_evaluations.map((e: { name: string; passed: boolean | null }) => [e.name, e.passed])).toEqual([
      ['call success', false],
      ['workflow-adherence', true],
      ['politeness', null],
    ]);
    // the same body again is a duplicate, not a second call
    const again = await (await app.api('/api/v1/import', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(callLogCompleted) })).json();
    expect(again).toMatchObject({ imported: 0, duplicates: 1 });
  });
});
