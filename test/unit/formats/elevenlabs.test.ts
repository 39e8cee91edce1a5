import { describe, expect, it } from 'vitest';
import { elevenLabsFormat, elevenLabsTranscriptToTurns, normalizeElevenLabs } from '../../../src/core/formats/elevenlabs';
import { describeCorpusFormat } from '../../support/format-suite';
import { problemPaths } from '../../support/refusal';


const agentSays = (message: string | null, secs: number, more: Record<string, unknown> = {}) => ({
  role: 'agent',
  message,
  time_in_call_secs: secs,
  ...more,
});
const userSays = (message: string, secs: number) => ({ role: 'user', message, time_in_call_secs: secs });
const conversationWith = (transcript: unknown[], more: Record<string, unknown> = {}) => ({
  conversation_id: 'conv_1',
  agent_id: 'agent_1',
  status: 'done',
  transcript,
  metadata: { start_time_unix_secs: 1780000000, call_duration_secs: 30 },
  ...more,
});
const webhookWith = (data: unknown) => ({ type: 'post_call_transcription', event_timestamp: 1780000040, data });

describeCorpusFormat('ElevenLabs', 'elevenlabs', elevenLabsFormat, 4);

describe('ElevenLabs transcript rules', () => {
  it('turns integer seconds from call start into turn starts and never guesses an end', () => {
    const { turns } = normalizeElevenLabs(conversationWith([agentSays('Hi', 0), userSays('Hello', 3)]));
    expect(turns.map((t) => [t.start_ms, t.end_ms])).toEqual([
      [0, null],
      [3000, null],
    ]);
  });

  it('makes one tool turn per call, merges the result by request id and keeps the message turn first', () => {
    const { turns } = normalizeElevenLabs(
      conversationWith([
        agentSays('Let me check.', 4, {
          tool_calls: [
            { request_id: 'r1', tool_name: 'lookup', params_as_json: '{"id":7}' },
            { request_id: 'r2', tool_name: 'weather', params_as_json: 'not json' },
          ],
        }),
        agentSays(null, 6, { tool_results: [{ request_id: 'r2', tool_name: 'weather', result_value: '{"sunny":true}' }] }),
        agentSays(null, 7, { tool_results: [{ request_id: 'r1', tool_name: 'lookup', result_value: 'found' }] }),
      ]),
    );
    expect(turns.map((t) => t.role)).toEqual(['agent', 'tool', 'tool']);
    expect(turns[1]?.tool).toEqual({ name: 'lookup', arguments: { id: 7 }, result: 'found' });
    expect(turns[2]?.tool).toEqual({ name: 'weather', arguments: 'not json', result: { sunny: true } });
    expect(turns[1]?.start_ms).toBe(4000);
  });

  it('keeps a result whose call was never logged as a tool turn of its own', () => {
    const { turns } = normalizeElevenLabs(
      conversationWith([agentSays(null, 9, { tool_results: [{ request_id: 'x', tool_name: 'end_call', result_value: '' }] })]),
    );
    expect(turns).toEqual([expect.objectContaining({ role: 'tool', tool: { name: 'end_call', arguments: null, result: '' } })]);
  });

  it("keeps the provider's interrupted flag on the spoken turn only", () => {
    const { turns } = normalizeElevenLabs(
      conversationWith([agentSays('Our hours are', 0, { interrupted: true }), userSays('Thanks', 2)]),
    );
    expect(turns.map((t) => t.interrupted)).toEqual([true, null]);
  });

  it('reports per-turn metrics in both the SDK and the docs shape, keyed by turn', () => {
    const { call } = normalizeElevenLabs(
      conversationWith([
        userSays('Hi', 0),
        agentSays('Hello', 1, { conversation_turn_metrics: { metrics: { convai_llm_service_ttfb: { elapsed_time: 0.4 } } } }),
        agentSays('Anything else?', 3, { conversation_turn_metrics: { convai_llm_service_ttfb: { elapsed_time: 0.5 } } }),
      ]),
    );
    expect(call.provider_metrics).toEqual({
      conversation_turn_metrics: [
        { turn: 1, metrics: { convai_llm_service_ttfb: { elapsed_time: 0.4 } } },
        { turn: 2, metrics: { convai_llm_service_ttfb: { elapsed_time: 0.5 } } },
      ],
    });
  });

  it('names agents on their turns only when the conversation was handed over', () => {
    const one = normalizeElevenLabs(conversationWith([agentSays('Hi', 0, { agent_metadata: { agent_id: 'a' } })]));
    expect(one.turns[0]?.agent_name).toBeNull();
    const two = normalizeElevenLabs(
      conversationWith([
        agentSays('Hi', 0, { agent_metadata: { agent_id: 'front' } }),
        agentSays('Billing here', 5, { agent_metadata: { agent_id: 'billing' } }),
      ]),
    );
    expect(two.turns.map((t) => t.agent_name)).toEqual(['front', 'billing']);
  });

  it('parses a bare transcript list for other importers, prefixing error paths', () => {
    const turns = elevenLabsTranscriptToTurns([agentSays('Hi', 1)], { callStartMs: null, path: 'transcript_json' });
    expect(turns).toEqual([expect.objectContaining({ role: 'agent', text: 'Hi', start_ms: 1000 })]);
    expect(
      problemPaths(() => elevenLabsTranscriptToTurns([{ role: 'agent', message: 'x', time_in_call_secs: 'soon' }], { callStartMs: null, path: 'transcript_json' })),
    ).toEqual(['transcript_json.0.time_in_call_secs']);
  });

  it('keeps an entry of an unknown role as a turn with its own name', () => {
    const turns = elevenLabsTranscriptToTurns([{ role: 'narrator', message: 'x', time_in_call_secs: 2 }], { callStartMs: null, path: '' });
    expect(turns).toEqual([expect.objectContaining({ role: 'other', raw_role: 'narrator', text: 'x', start_ms: 2000 })]);
  });
});

describe('ElevenLabs call facts', () => {
  it('counts only cost_fiat as USD, never the credit cost', () => {
    const { call } = normalizeElevenLabs(conversationWith([], { metadata: { start_time_unix_secs: 1780000000, cost: 797 } }));
    expect(call.cost_usd).toBeNull();
  });

  it('reads the numbers of an outbound call from agent to external number', () => {
    const { call } = normalizeElevenLabs(
      conversationWith([], {
        metadata: {
          start_time_unix_secs: 1780000000,
          phone_call: { direction: 'outbound', agent_number: '+15550001', external_number: '+15550002' },
        },
      }),
    );
    expect(call).toMatchObject({ direction: 'outbound', from_number: '+15550001', to_number: '+15550002', customer_number: '+15550002' });
  });

  it('leaves end, duration and end reason empty while the conversation is in progress', () => {
    const { call } = normalizeElevenLabs(
      conversationWith([], { status: 'in-progress', metadata: { start_time_unix_secs: 1780000000, call_duration_secs: 12, termination_reason: 'x' } }),
    );
    expect(call).toMatchObject({ started_at: '2026-05-28T20:26:40.000Z', ended_at: null, duration_s: null, end_reason: null });
  });

  it('keeps the envelope and uninterpreted fields in extra', () => {
    const { call } = normalizeElevenLabs(webhookWith(conversationWith([], { analysis: { call_successful: 'success' } })));
    expect(call.extra).toMatchObject({ type: 'post_call_transcription', event_timestamp: 1780000040, analysis: { call_successful: 'success' } });
    expect(call.extra).not.toHaveProperty('transcript');
  });
});

describe('ElevenLabs bad input', () => {
  it('refuses a webhook without a conversation id, naming the field', () => {
    const { conversation_id: _dropped, ...data } = conversationWith([]);
    expect(problemPaths(() => normalizeElevenLabs(webhookWith(data)))).toEqual(['data.conversation_id']);
  });

  it('refuses a conversation without a conversation id, naming the field', () => {
    const { conversation_id: _dropped, ...body } = conversationWith([]);
    expect(problemPaths(() => normalizeElevenLabs(body))).toEqual(['conversation_id']);
  });

  it('names every field of the wrong type', () => {
    const paths = problemPaths(() =>
      normalizeElevenLabs(
        webhookWith(
          conversationWith([{ role: 'agent', message: 5, time_in_call_secs: '3' }, { role: 'robot?', message: 'x' }], {
            metadata: { start_time_unix_secs: 'yesterday', cost_fiat: '0.1' },
          }),
        ),
      ),
    );
    expect(paths.sort()).toEqual(
      [
        'data.transcript.0.message',
        'data.transcript.0.time_in_call_secs',
        'data.metadata.start_time_unix_secs',
        'data.metadata.cost_fiat',
      ].sort(),
    );
  });

  it('refuses a tool call without a tool name', () => {
    const body = conversationWith([agentSays(null, 1, { tool_calls: [{ request_id: 'r1' }] })]);
    expect(problemPaths(() => normalizeElevenLabs(body))).toEqual(['transcript.0.tool_calls.0.tool_name']);
  });

  it('does not take a post_call_audio webhook for a transcription', () => {
    expect(elevenLabsFormat.detect({ type: 'post_call_audio', data: { conversation_id: 'c', full_audio: '' } })).toBeNull();
  });
});
