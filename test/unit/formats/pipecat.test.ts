import { describe, expect, it } from 'vitest';
import { pipecatFormat, pipecatMessagesToTurns } from '../../../src/core/formats/pipecat';
import { loadCorpus } from '../../support/corpus';
import { describeCorpusFormat } from '../../support/format-suite';
import { fieldPaths, refusal } from '../../support/refusal';

const cases = loadCorpus('pipecat');


const said = (role: string, content: string, timestamp: string, extra: Record<string, unknown> = {}) => ({
  role,
  content,
  user_id: role === 'user' ? 'caller-1' : null,
  timestamp,
  ...extra,
});

const toolCall = (id: string, name: string, args: string) => ({ id, type: 'function', function: { name, arguments: args } });

describeCorpusFormat('Pipecat', 'pipecat', pipecatFormat, 3);

describe('Pipecat corpus extras', () => {
  it('never has a call id, so the store derives one', () => {
    expect(cases.length).toBeGreaterThan(0);
    for (const corpusCase of cases) expect(pipecatFormat.normalize(corpusCase.payload).call.external_id).toBeNull();
  });

  it('merges each role=tool result into its tool call', () => {
    const context = cases.find((c) => c.name === 'pipecat/llm_context_messages_tools');
    const tools = pipecatFormat.normalize(context?.payload).turns.filter((t) => t.role === 'tool');
    expect(tools[0]?.tool).toEqual({
      name: 'lookup_account',
      arguments: { account_number: '77031924' },
      result: '{"name": "Priya Raman", "plan": "Fiber 500", "address": "88 Birch Ln"}',
    });
    // a tool turn without its call, or a call without its result, would show as null here
    expect(tools.map((t) => t.tool?.result ?? null)).not.toContain(null);
  });
});

describe('Pipecat transcript messages', () => {
  it('measures turn starts from the first timestamp and never invents an end', () => {
    const { call, turns } = pipecatFormat.normalize([
      said('assistant', 'Hi', '2026-06-11T07:12:03.600+00:00'),
      said('user', 'Hello', '2026-06-11T07:12:09.500+00:00'),
    ]);
    expect(call.started_at).toBe('2026-06-11T07:12:03.600Z');
    expect(call).toMatchObject({ ended_at: null, duration_s: null, external_id: null });
    expect(turns.map((t) => [t.role, t.start_ms, t.end_ms])).toEqual([
      ['agent', 0, null],
      ['user', 5900, null],
    ]);
  });

  it('keeps the interrupted flag of assistant turns', () => {
    const { turns } = pipecatFormat.normalize([
      said('assistant', 'Let me', '2026-06-11T07:12:03.600+00:00', { interrupted: true }),
      said('user', 'Stop', '2026-06-11T07:12:04.000+00:00'),
    ]);
    expect(turns.map((t) => t.interrupted)).toEqual([true, null]);
  });

  it('reads an app wrapper: its start is the call start, other keys go to extra', () => {
    const { call, turns } = pipecatFormat.normalize({
      session: 'abc',
      started_at: '2026-06-11T07:12:00.000Z',
      ended_at: '2026-06-11T07:13:00.000Z',
      messages: [said('assistant', 'Hi', '2026-06-11T07:12:03.600Z')],
    });
    expect(call).toMatchObject({
      source_format: 'pipecat.transcript-messages',
      started_at: '2026-06-11T07:12:00.000Z',
      ended_at: '2026-06-11T07:13:00.000Z',
      duration_s: 60,
      extra: { session: 'abc' },
    });
    expect(turns[0]?.start_ms).toBe(3600);
    expect(pipecatFormat.detect({ messages: [said('user', 'x', '2026-06-11T07:12:03.600Z')] })).toBe('pipecat.transcript-messages');
  });

  it('names bad fields by their path', () => {
    const error = refusal(() =>
      pipecatFormat.normalize([
        said('assistant', 'Hi', 'yesterday'),
        said('narrator', 'x', '2026-06-11T07:12:03.600Z'),
        { role: 'user', content: 42, timestamp: '2026-06-11T07:12:03.600Z' },
      ]),
    );
    expect(error.code).toBe('invalid_payload');
    // the unknown role of message 1 is no fault: it is kept as a turn of its own
    expect(fieldPaths(error)).toEqual(['0.timestamp', '2.content']);
  });

  it('keeps a message of an unknown role as a turn with its own name', () => {
    const { turns } = pipecatFormat.normalize([said('assistant', 'Hi', '2026-06-11T07:12:03.000Z'), said('narrator', 'x', '2026-06-11T07:12:04.000Z')]);
    expect(turns.map((t) => [t.role, t.raw_role])).toEqual([['agent', undefined], ['other', 'narrator']]);
  });

  it('names bad wrapper fields and bad wrapped messages together', () => {
    const error = refusal(() => pipecatFormat.normalize({ started_at: 'soon', messages: [{ role: 'user', content: 'x', timestamp: 5 }] }));
    expect(fieldPaths(error)).toEqual(['started_at', 'messages.0.timestamp']);
    expect(fieldPaths(refusal(() => pipecatFormat.normalize({ messages: 'none' })))).toEqual(['messages']);
    expect(fieldPaths(refusal(() => pipecatFormat.normalize('hello')))).toEqual(['$']);
  });
});

describe('Pipecat LLM context messages', () => {
  it('has no timing at all and drops system prompts', () => {
    const { call, turns } = pipecatFormat.normalize([
      { role: 'system', content: 'You are Riley.' },
      { role: 'assistant', content: 'Hi' },
      { role: 'user', content: [{ type: 'text', text: 'my internet' }, { type: 'image_url', image_url: { url: 'x' } }, { type: 'text', text: 'is down' }] },
    ]);
    expect(call).toMatchObject({ source_format: 'pipecat.llm-context-messages', started_at: null });
    expect(turns.map((t) => [t.role, t.text, t.start_ms, t.end_ms])).toEqual([
      ['agent', 'Hi', null, null],
      ['user', 'my internet\nis down', null, null],
    ]);
  });

  it('makes one tool turn per tool call, after any text the same message speaks', () => {
    const { turns } = pipecatFormat.normalize([
      { role: 'system', content: 'x' },
      { role: 'assistant', content: 'Checking both.', tool_calls: [toolCall('a', 'one', '{"n":1}'), toolCall('b', 'two', 'not json')] },
      { role: 'tool', tool_call_id: 'b', content: 'second' },
      { role: 'tool', tool_call_id: 'a', content: 'first' },
      { role: 'tool', tool_call_id: 'zzz', name: 'three', content: 'orphan' },
    ]);
    expect(turns.map((t) => [t.role, t.text, t.tool])).toEqual([
      ['agent', 'Checking both.', null],
      ['tool', '', { name: 'one', arguments: { n: 1 }, result: 'first' }],
      ['tool', '', { name: 'two', arguments: 'not json', result: 'second' }],
      ['tool', '', { name: 'three', arguments: null, result: 'orphan' }],
    ]);
  });

  it('names a tool call without a function name', () => {
    const error = refusal(() =>
      pipecatFormat.normalize([{ role: 'system', content: 'x' }, { role: 'assistant', tool_calls: [{ id: 'a', function: { arguments: '{}' } }] }]),
    );
    expect(fieldPaths(error)).toEqual(['1.tool_calls.0.function.name']);
  });

  it('does not claim untimed chats without a system prompt or tools, nor timed lists of another shape', () => {
    expect(pipecatFormat.detect([{ role: 'user', content: 'hi' }])).toBeNull();
    expect(pipecatFormat.detect([])).toBeNull();
    expect(pipecatFormat.detect([{ role: 'system', content: 'x' }, { role: 'bot', content: 'hi' }])).toBeNull();
    expect(pipecatFormat.detect({ id: 1, messages: [{ role: 'system', content: 'x', start_time: 1 }] })).toBeNull();
  });
});

describe('pipecatMessagesToTurns', () => {
  it('uses the given call start, else the earliest timestamp, and prefixes error paths', () => {
    const messages = [said('user', 'later', '2026-01-01T00:00:05.000Z'), said('assistant', 'first', '2026-01-01T00:00:02.000Z')];
    const start = Date.parse('2026-01-01T00:00:00.000Z');
    expect(pipecatMessagesToTurns(messages, { callStartMs: start, path: 'transcript_json' }).map((t) => t.start_ms)).toEqual([5000, 2000]);
    expect(pipecatMessagesToTurns(messages, { callStartMs: null, path: 'transcript_json' }).map((t) => t.start_ms)).toEqual([3000, 0]);
    expect(fieldPaths(refusal(() => pipecatMessagesToTurns([{ role: 5 }], { callStartMs: null, path: 'transcript_json' })))).toEqual([
      'transcript_json.0.role',
    ]);
    expect(fieldPaths(refusal(() => pipecatMessagesToTurns(7, { callStartMs: null, path: 'transcript_json' })))).toEqual(['transcript_json']);
    expect(fieldPaths(refusal(() => pipecatMessagesToTurns({}, { callStartMs: null, path: 'transcript_json' })))).toEqual([
      'transcript_json.messages',
    ]);
  });
});
