import { describe, expect, it } from 'vitest';
import { normalizeVapi, vapiFormat, vapiMessagesToTurns } from '../../../src/core/formats/vapi';
import { loadCorpus } from '../../support/corpus';
import { fieldPaths, refusal } from '../../support/refusal';
import { describeCorpusFormat } from '../../support/format-suite';

const cases = loadCorpus('vapi');

/** The ApiError a call throws (failing the test when it throws nothing or something else). */
const paths = fieldPaths;

/** A corpus payload, deep-copied so a test can break it. */
function corpusPayload(name: string): Record<string, unknown> {
  const found = cases.find((c) => c.name === `vapi/${name}`);
  if (!found) throw new Error(`no corpus case vapi/${name}`);
  return structuredClone(found.payload) as Record<string, unknown>;
}

const START = Date.parse('2026-01-01T00:00:00.000Z');

describeCorpusFormat('Vapi', 'vapi', vapiFormat, 4);

describe('Vapi call facts', () => {
  it('keeps performanceMetrics as provider metrics and the uninterpreted report fields as extra', () => {
    const payload = corpusPayload('eocr_basic');
    const message = payload.message as { artifact: { performanceMetrics: unknown } };
    const { call } = normalizeVapi(payload);
    expect(call.provider_metrics).toEqual(message.artifact.performanceMetrics);
    expect(call.direction).toBe('inbound');
    expect(call.extra).toMatchObject({ analysis: expect.any(Object), assistant: expect.any(Object), costs: expect.any(Array) });
    // the transcript became turns, the metrics provider_metrics: neither is repeated in extra
    expect(call.extra?.artifact).toMatchObject({ logUrl: expect.any(String) });
    expect(call.extra?.artifact).not.toHaveProperty('messages');
    expect(call.extra?.artifact).not.toHaveProperty('performanceMetrics');
    expect(call.extra).not.toHaveProperty('startedAt');
  });

  it('takes as stereo recording the first stereo URL that is not the mono file', () => {
    const payload = corpusPayload('eocr_tools_legacy_fields');
    const message = payload.message as { artifact: Record<string, unknown>; recordingUrl: string; stereoRecordingUrl: string };
    message.artifact.stereoRecordingUrl = message.artifact.recordingUrl;
    delete message.artifact.recording;
    message.stereoRecordingUrl = 'https://example.com/stereo.wav';
    expect(normalizeVapi(payload).call.stereo_recording_url).toBe('https://example.com/stereo.wav');
    message.stereoRecordingUrl = message.recordingUrl;
    expect(normalizeVapi(payload).call.stereo_recording_url).toBe(message.artifact.recordingUrl);
  });

  it('takes the stated duration of older reports over ended - started', () => {
    const payload = corpusPayload('eocr_tools_legacy_fields');
    (payload.message as Record<string, unknown>).durationSeconds = 52.4;
    expect(normalizeVapi(payload).call.duration_s).toBe(52.4);
  });

  it('reads outbound numbers as agent -> customer', () => {
    const { call } = normalizeVapi(corpusPayload('eocr_no_answer_empty'));
    expect(call).toMatchObject({ direction: 'outbound', from_number: '+14155550101', to_number: '+13035550119' });
  });

  it('reports a report as ended even when its call copy is stale', () => {
    const payload = corpusPayload('eocr_basic');
    ((payload.message as Record<string, unknown>).call as Record<string, unknown>).status = 'in-progress';
    expect(normalizeVapi(payload).call.status).toBe('ended');
  });

  it('imports an in-progress GET /call object without end facts', () => {
    const { call, turns } = normalizeVapi({ id: 'c1', orgId: 'o1', status: 'in-progress', startedAt: '2026-01-01T00:00:00Z', messages: [] });
    expect(call).toMatchObject({ status: 'in-progress', ended_at: null, duration_s: null, end_reason: null, cost_usd: null });
    expect(turns).toEqual([]);
  });
});

describe('Vapi messages', () => {
  const context = { callStartMs: START, path: 'messages' };

  it('turns each toolCalls entry into a tool turn and merges its result', () => {
    const turns = vapiMessagesToTurns(
      [
        {
          role: 'tool_calls',
          message: '',
          time: START + 1000,
          secondsFromStart: 1,
          toolCalls: [
            { id: 'a', type: 'function', function: { name: 'first', arguments: '{"x":1}' } },
            { id: 'b', type: 'function', function: { name: 'second', arguments: 'not json' } },
          ],
        },
        { role: 'tool_call_result', toolCallId: 'b', name: 'second', result: 'done', time: START + 1500, secondsFromStart: 1.5 },
        { role: 'tool_call_result', toolCallId: 'a', name: 'first', result: '{"ok":true}', time: START + 1600, secondsFromStart: 1.6 },
      ],
      context,
    );
    expect(turns.map((t) => [t.idx, t.role, t.start_ms, t.tool])).toEqual([
      [0, 'tool', 1000, { name: 'first', arguments: { x: 1 }, result: { ok: true } }],
      [1, 'tool', 1000, { name: 'second', arguments: 'not json', result: 'done' }],
    ]);
  });

  it('never guesses a missing end time', () => {
    const [turn] = vapiMessagesToTurns([{ role: 'bot', message: 'hi', time: START + 400, secondsFromStart: 0.4 }], context);
    expect(turn).toMatchObject({ role: 'agent', start_ms: 400, end_ms: null });
  });

  it('keeps start and end on the secondsFromStart clock', () => {
    // secondsFromStart says 2.0 s while time says 2.5 s after the call start: the end follows the start
    const [turn] = vapiMessagesToTurns([{ role: 'user', message: 'hello', time: START + 2500, endTime: START + 3500, secondsFromStart: 2 }], context);
    expect(turn).toMatchObject({ start_ms: 2000, end_ms: 3000 });
  });

  it('reads epoch-ms times against the call start when secondsFromStart is missing', () => {
    const [turn] = vapiMessagesToTurns([{ role: 'bot', message: 'hi', time: START + 1200, endTime: START + 2000 }], context);
    expect(turn).toMatchObject({ start_ms: 1200, end_ms: 2000 });
  });

  it('infers the call start from secondsFromStart when none is given', () => {
    const turns = vapiMessagesToTurns(
      [
        { role: 'system', message: 'prompt', time: START, secondsFromStart: 0 },
        { role: 'bot', message: 'hi', time: START + 700, endTime: START + 1500 },
      ],
      { callStartMs: null, path: 'messages' },
    );
    expect(turns).toEqual([expect.objectContaining({ role: 'agent', start_ms: 700, end_ms: 1500 })]);
  });

  it("accepts Cekura's variant whose time is seconds from start", () => {
    const turns = vapiMessagesToTurns(
      [
        { role: 'bot', message: 'Hello, how can I help?', time: 0.0 },
        { role: 'user', message: 'My order is late.', time: 2.5, endTime: 4.25 },
      ],
      { callStartMs: null, path: 'transcript_json' },
    );
    expect(turns.map((t) => [t.role, t.text, t.start_ms, t.end_ms])).toEqual([
      ['agent', 'Hello, how can I help?', 0, null],
      ['user', 'My order is late.', 2500, 4250],
    ]);
  });

  it('drops system prompts, which are not turns', () => {
    const turns = vapiMessagesToTurns([{ role: 'system', message: 'You are Gio.', secondsFromStart: 0 }], context);
    expect(turns).toEqual([]);
  });

  it('finds the messages inside a whole report', () => {
    const turns = vapiMessagesToTurns(corpusPayload('eocr_basic'), { callStartMs: null, path: '' });
    expect(turns).toHaveLength(12);
    expect(turns[1]).toMatchObject({ role: 'user', start_ms: 6300, end_ms: 7400 });
  });

  it('names the bad entries under the given path', () => {
    const error = refusal(() => vapiMessagesToTurns([{ role: 'bot', message: 3 }, { role: 'narrator', message: 'x' }], { callStartMs: null, path: 'transcript_json' }));
    expect(error.code).toBe('invalid_payload');
    expect(paths(error)).toEqual(['transcript_json.0.message']);
    const roles = refusal(() => vapiMessagesToTurns([{ role: 'narrator', message: 'x' }, { role: 'tool_calls', message: '' }], { callStartMs: null, path: 'transcript_json' }));
    expect(paths(roles)).toEqual(['transcript_json.1.toolCalls']);
  });

  it('refuses something that is not a list of messages', () => {
    expect(paths(refusal(() => vapiMessagesToTurns('AI: hi', { callStartMs: null, path: 'transcript_json' })))).toEqual(['transcript_json']);
  });
});

describe('Vapi bad input', () => {
  it('refuses a report without a call id, naming the field', () => {
    const payload = corpusPayload('eocr_basic');
    delete ((payload.message as Record<string, unknown>).call as Record<string, unknown>).id;
    const error = refusal(() => normalizeVapi(payload));
    expect(error.code).toBe('invalid_payload');
    expect(paths(error)).toEqual(['message.call.id']);
  });

  it('refuses a GET /call object without an id', () => {
    const payload = corpusPayload('get_call_ended');
    delete payload.id;
    expect(paths(refusal(() => normalizeVapi(payload)))).toEqual(['id']);
  });

  it('names every field of the wrong type', () => {
    const payload = corpusPayload('eocr_basic');
    const message = payload.message as Record<string, unknown>;
    message.startedAt = 'yesterday';
    message.cost = '0.07';
    ((message.artifact as Record<string, unknown>).messages as Record<string, unknown>[])[2]!.secondsFromStart = 'six';
    expect(paths(refusal(() => normalizeVapi(payload))).sort()).toEqual(['message.artifact.messages.2.secondsFromStart', 'message.cost', 'message.startedAt']);
  });

  it('keeps a message of an unknown role as a turn with its own name, never refusing the call', () => {
    const payload = corpusPayload('get_call_ended');
    const messages = (payload.artifact as Record<string, unknown>).messages as Record<string, unknown>[];
    messages[1]!.role = 'narrator';
    const { turns } = normalizeVapi(payload);
    expect(turns.filter((t) => t.role === 'other')).toEqual([expect.objectContaining({ raw_role: 'narrator', text: messages[1]!.message })]);
  });

  it("reads an early-2024 report's function_call / function_result as one tool turn with its result", () => {
    const turns = vapiMessagesToTurns(
      [
        { role: 'bot', message: 'Goodbye.', secondsFromStart: 1 },
        { role: 'function_call', name: 'endCall', args: '{"reason": "done"}', message: '', secondsFromStart: 2 },
        { role: 'function_result', name: 'endCall', result: 'ok', secondsFromStart: 2.5 },
      ],
      { callStartMs: null, path: 'message.messages' },
    );
    expect(turns.map((t) => t.role)).toEqual(['agent', 'tool']);
    expect(turns[1]).toMatchObject({ start_ms: 2000, tool: { name: 'endCall', arguments: { reason: 'done' }, result: 'ok' } });
  });

  it('refuses a server message that is not an end-of-call report', () => {
    const payload = { message: { type: 'status-update', status: 'in-progress', call: { id: 'c1' } } };
    expect(vapiFormat.detect(payload)).toBeNull();
    expect(paths(refusal(() => normalizeVapi(payload)))).toEqual(['message.type']);
  });

  it('detects nothing in non-objects', () => {
    for (const payload of [null, 'x', 3, [], { orgId: 'o' }]) expect(vapiFormat.detect(payload)).toBeNull();
  });
});
