import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeAny } from '../../src/core/formats/registry';
import { countListItems, MAX_LIST_ITEMS, MAX_LIST_ITEMS_PER_CALL, MAX_TURNS_PER_CALL } from '../../src/core/formats/limits';
import { DEFAULT_BODY_LIMIT } from '../../src/main/config';
import { scaledShapes, type ScaledShape } from '../support/scaled-payloads';
import { startTestApp, type RunningTestApp } from '../support/temp-app';

/**
 * Issue 17 item 1: no single request holds up the listener's other requests for long. Each format's
 * largest payload that the limits still take (and the ElevenLabs body that froze the listener for
 * 35 s) is posted while another client keeps asking for the call list; the slowest of those answers
 * is the stall. About a quarter of a second on a quiet machine; the bound leaves room for a busy one.
 */
const STALL_LIMIT_MS = 2_500;

let app: RunningTestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

/** The largest n whose payload fits the body limit and every count limit (all grow linearly with n). */
function largestAccepted(shape: ScaledShape): number {
  const at = (n: number) => {
    const payload = shape.build(n);
    const lists = countListItems(payload);
    return { bytes: JSON.stringify(payload).length, turns: normalizeAny(payload).turns.length, longest: lists.longest, total: lists.total };
  };
  const [a, b] = [at(100), at(200)];
  const room = (limit: number, key: keyof typeof a) => {
    const slope = (b[key] - a[key]) / 100;
    return slope <= 0 ? Infinity : 100 + (limit - a[key]) / slope;
  };
  const n = Math.min(room(DEFAULT_BODY_LIMIT, 'bytes'), room(MAX_TURNS_PER_CALL, 'turns'), room(MAX_LIST_ITEMS, 'longest'), room(MAX_LIST_ITEMS_PER_CALL, 'total'));
  return Math.floor(n * 0.97);
}

/** Posts the body while a second client polls a cheap read; the slowest poll answer is the stall. */
async function stallWhile(route: string, body: string, contentType = 'application/json'): Promise<{ status: number; stallMs: number }> {
  let inFlight = true;
  let stallMs = 0;
  const poller = (async () => {
    while (inFlight) {
      const started = performance.now();
      const response = await app.api('/api/v1/calls?page_size=1');
      await response.arrayBuffer();
      stallMs = Math.max(stallMs, performance.now() - started);
    }
  })();
  const response = await app.api(route, { method: 'POST', headers: { 'content-type': contentType }, body });
  await response.arrayBuffer();
  inFlight = false;
  await poller;
  return { status: response.status, stallMs };
}

describe('one request never stalls the listener for long', () => {
  const stalls: string[] = [];
  let worst = 0;
  const record = (what: string, status: number, stallMs: number) => {
    stalls.push(`${what}: ${status}, stall ${Math.round(stallMs)} ms`);
    worst = Math.max(worst, stallMs);
  };

  afterAll(() => {
    console.info(`worst stall ${Math.round(worst)} ms\n  ${stalls.join('\n  ')}`);
  });

  it('answers the 40,000-tool-result ElevenLabs body with a 413 naming the list, at once', async () => {
    const payload = {
      type: 'post_call_transcription',
      data: {
        conversation_id: 'frozen',
        transcript: [{ role: 'agent', message: 'hi', time_in_call_secs: 0, tool_results: Array.from({ length: 40_000 }, () => ({ tool_name: 'lookup', result_value: 'ok' })) }],
      },
    };
    const body = JSON.stringify(payload);
    const { status, stallMs } = await stallWhile('/webhooks/elevenlabs', body);
    record('elevenlabs, 40,000 tool_results', status, stallMs);
    expect(status).toBe(413);
    const refused = await (await app.api('/webhooks/elevenlabs', { method: 'POST', headers: { 'content-type': 'application/json' }, body })).json();
    expect(refused.error.fields[0].path).toBe('data.transcript.0.tool_results');
    expect(stallMs).toBeLessThan(STALL_LIMIT_MS);
  });

  it.each(scaledShapes.map((s) => [s.name, s] as const))('%s, as large as the limits take', async (name, shape) => {
    const n = largestAccepted(shape);
    const body = JSON.stringify(shape.build(n));
    const { status, stallMs } = await stallWhile(shape.route, body);
    record(`${name} (n=${n}, ${Math.round(body.length / 1024)} KiB)`, status, stallMs);
    expect(status).toBeLessThan(300);
    expect(stallMs).toBeLessThan(STALL_LIMIT_MS);
  });

  it('a JSON Lines import of many calls is stored in slices, and the listener answers between them', async () => {
    const shape = scaledShapes.find((s) => s.provider === 'efficientai');
    if (!shape) throw new Error('no EfficientAI shape');
    const lines = Array.from({ length: 1500 }, (_, i) => JSON.stringify({ ...(shape.build(20) as object), id: `bulk-${i}` })).join('\n');
    const { status, stallMs } = await stallWhile('/api/v1/import', lines, 'application/x-ndjson');
    record(`import, 1500 calls as JSON Lines (${Math.round(lines.length / 1024)} KiB)`, status, stallMs);
    expect(status).toBe(201);
    expect(stallMs).toBeLessThan(STALL_LIMIT_MS);
  });
});
