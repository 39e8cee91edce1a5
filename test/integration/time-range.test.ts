import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scaledShapes } from '../support/scaled-payloads';
import { startTestApp, type RunningTestApp } from '../support/temp-app';

/**
 * Issue 17 item 7 (data): a time outside any possible range (`start_time: 99999999999999999999`,
 * hugely negative, 1e999, "NaN") is refused with a 4xx naming the field, on every ingest route and
 * for every format, and stores nothing. (It used to reach SQLite as a REAL in an INTEGER column: 500.)
 */
let app: RunningTestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

/** The time fields of each scaled payload (built at n = 2), as dotted paths. */
const timeFields: Record<string, string[]> = {
  efficientai: ['messages.0.start_time', 'messages.1.end_time'],
  cekura: ['transcript_json.0.start_time', 'transcript_json.0.end_time'],
  retell: ['call.start_timestamp', 'call.end_timestamp', 'call.transcript_with_tool_calls.0.words.0.start'],
  'wrapped-retell': ['data.start_timestamp', 'data.transcript_with_tool_calls.3.words.1.end'],
  vapi: ['message.artifact.messages.0.secondsFromStart', 'message.artifact.messages.0.time', 'message.artifact.messages.0.endTime'],
  elevenlabs: ['data.transcript.0.time_in_call_secs', 'data.metadata.start_time_unix_secs', 'data.metadata.call_duration_secs'],
  bland: ['transcripts.0.created_at', 'started_at', 'call_length'],
  livekit: ['chat_history.items.0.metrics.started_speaking_at', 'chat_history.items.1.created_at', 'audio_recording_started_at'],
  pipecat: ['0.timestamp'],
  deepgram: ['results.channels.0.alternatives.0.words.0.start', 'results.channels.1.alternatives.0.words.1.end', 'metadata.duration'],
};

const isoFields = new Set(['transcripts.0.created_at', 'started_at', '0.timestamp']);
/** JSON texts spliced in as the field's value. */
const badNumbers = ['99999999999999999999', '-99999999999999999999', '1e999', '"NaN"', '"Infinity"'];
const badInstants = ['"+275760-09-14T00:00:00.000Z"', '"-999999-01-01T00:00:00Z"', '"NaN"'];

const MARK = '__time_under_test__';

/** The payload's JSON with one field's value replaced by a raw JSON text. */
function withField(payload: unknown, path: string, rawValue: string): string {
  const copy = structuredClone(payload);
  const keys = path.split('.');
  let holder: unknown = copy;
  for (const key of keys.slice(0, -1)) holder = (holder as Record<string, unknown>)[key];
  const last = keys.at(-1) ?? '';
  if (typeof holder !== 'object' || holder === null || !(last in holder)) throw new Error(`no field ${path} in the payload`);
  (holder as Record<string, unknown>)[last] = MARK;
  return JSON.stringify(copy).replace(`"${MARK}"`, rawValue);
}

const callCount = () => (app.core.db.prepare('SELECT count(*) AS n FROM calls').get() as { n: number }).n;

describe('times outside any range are refused, naming the field', () => {
  const cases = scaledShapes
    .filter((shape, i, all) => all.findIndex((s) => s.provider === shape.provider) === i)
    .flatMap((shape) =>
      (timeFields[shape.provider] ?? []).flatMap((path) =>
        (isoFields.has(path) ? badInstants : badNumbers).flatMap((value) =>
          [...new Set([shape.route, '/api/v1/import'])].map((route) => [`${shape.provider} ${path} = ${value} via ${route}`, shape, path, value, route] as const),
        ),
      ),
    );

  it('covers every format', () => {
    expect(new Set(cases.map(([, shape]) => shape.provider)).size).toBe(Object.keys(timeFields).length);
  });

  it.each(cases)('%s', async (_label, shape, path, value, route) => {
    const before = callCount();
    const body = withField(shape.build(2), path, value);
    const response = await app.api(route, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const answer = await response.json();
    expect(response.status, JSON.stringify(answer)).toBeGreaterThanOrEqual(400);
    expect(response.status, JSON.stringify(answer)).toBeLessThan(500);
    expect(answer.error.fields.map((f: { path: string }) => f.path)).toContain(path);
    expect(callCount()).toBe(before);
  });

  it('still takes the same payloads with their times in range', async () => {
    for (const shape of scaledShapes) {
      const response = await app.api(shape.route, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(shape.build(2)) });
      expect(response.status, shape.name).toBeLessThan(300);
    }
  });
});
