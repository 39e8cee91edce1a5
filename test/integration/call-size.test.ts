import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type RunningTestApp } from '../support/temp-app';

let app: RunningTestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

const call = (id: string, text: string) => ({ id, provider_platform: 'vapi', messages: [{ role: 'bot', content: 'Hello' }, { role: 'user', content: text }] });
const post = (body: string) => app.api('/api/v1/import', { method: 'POST', headers: { 'content-type': 'application/json' }, body });

describe('size per call in POST /api/v1/import', () => {
  it('a call over the per-call limit (8 MiB, as the webhook routes) is a failed item with its reason; the others land', async () => {
    const huge = call('huge', 'x'.repeat(10 * 1024 * 1024));
    const response = await post(JSON.stringify([call('fine', 'ok'), huge]));
    const body = await response.json();
    expect(response.status).toBe(201);
    expect(body).toMatchObject({ imported: 1, failed: 1 });
    expect(body.results[1]).toEqual({
      ok: false,
      source: 'body[1]',
      error: { code: 'payload_too_large', message: 'this call is 10.0 MiB, over the per-call limit of 8.0 MiB (the body limit in Settings)' },
    });
    expect((await app.api('/api/v1/calls/huge')).status).toBe(404);
    // alone, it is the answer's status
    const alone = await post(JSON.stringify(huge));
    expect(alone.status).toBe(413);
    expect((await alone.json()).error.message).toMatch(/over the per-call limit of 8\.0 MiB/);
  });

  it('a turn over 64 KiB is stored cut and flagged, the payload kept whole', async () => {
    const text = 'word '.repeat(40_000); // 200 000 bytes
    expect((await post(JSON.stringify(call('long-turn', text)))).status).toBe(201);
    const transcript = await (await app.api('/api/v1/calls/long-turn/transcript')).json();
    expect(transcript[0]).not.toHaveProperty('truncated');
    expect(transcript[1]).toMatchObject({ truncated: true, original_bytes: 200_000 });
    expect(transcript[1].content.length).toBe(64 * 1024);
    const stored = app.core.db.prepare("SELECT length(body) AS n FROM call_payloads p JOIN calls c ON c.id = p.call_id WHERE c.external_id = 'long-turn'").get() as { n: number };
    expect(stored.n).toBeGreaterThan(200_000);
  });
});
