import { describe, expect, it } from 'vitest';
import { livekitChatToTurns, livekitFormat } from '../../../src/core/formats/livekit';
import { loadCorpus } from '../../support/corpus';
import { describeCorpusFormat } from '../../support/format-suite';
import { fieldPaths, refusal } from '../../support/refusal';

const cases = loadCorpus('livekit');


const message = (role: string, text: string, started?: number, stopped?: number, extra: Record<string, unknown> = {}) => ({
  id: `item_${role}_${text.length}`,
  type: 'message',
  role,
  content: [text],
  interrupted: false,
  extra: {},
  metrics: { ...(started === undefined ? {} : { started_speaking_at: started }), ...(stopped === undefined ? {} : { stopped_speaking_at: stopped }) },
  ...extra,
});

const report = (items: unknown[], overrides: Record<string, unknown> = {}) => ({
  job_id: 'AJ_test',
  room_id: 'RM_test',
  room: 'call-test',
  events: [{ type: 'close', error: null, reason: 'user_initiated', created_at: 1000.5 }],
  audio_recording_path: null,
  audio_recording_started_at: 1000,
  options: { allow_interruptions: true },
  chat_history: { items },
  timestamp: 1001,
  usage: [{ provider: 'openai', model: 'gpt-4.1-mini', input_tokens: 10 }],
  sdk_version: '1.7.0',
  ...overrides,
});

describeCorpusFormat('LiveKit', 'livekit', livekitFormat, 4);

describe('LiveKit corpus extras', () => {
  it('keeps the report extras, per-turn metrics and usage', () => {
    const dental = cases.find((c) => c.name === 'livekit/session_report_dental_tools');
    const { call, turns } = livekitFormat.normalize(dental?.payload);
    expect(call.extra).toMatchObject({ room_name: 'call-_+11320592001_d9VG4C46qKnC', job_id: 'AJ_TUGgueaD6qix', sdk_version: '1.7.0' });
    expect(call.extra).toHaveProperty('events');
    expect(call.extra).toHaveProperty('options');
    expect(call.extra).not.toHaveProperty('chat_history');
    expect(call.provider_metrics?.usage).toHaveLength(3);
    expect(call.provider_metrics?.turns).toContainEqual(expect.objectContaining({ turn: 2, item_id: 'item_aabzlij8x13j', e2e_latency: 0.7 }));
    expect(turns[4]?.tool).toEqual({
      name: 'lookup_patient',
      arguments: { name: 'Marcus Bell', dob: '1988-03-03' },
      result: '{"patient_id": "PT-10442", "next_appointment": "2026-06-11T14:00:00-07:00", "type": "cleaning"}',
    });
  });
});

describe('LiveKit session report rules', () => {
  it('turns epoch-second speaking times into ms from audio_recording_started_at', () => {
    const { call, turns } = livekitFormat.normalize(report([message('assistant', 'Hi', 1001.25, 1002.5)]));
    expect(call.started_at).toBe('1970-01-01T00:16:40.000Z');
    expect(turns[0]).toMatchObject({ role: 'agent', start_ms: 1250, end_ms: 2500 });
  });

  it('never guesses a missing stop time', () => {
    const { turns } = livekitFormat.normalize(report([message('user', 'hello', 1003)]));
    expect(turns[0]).toMatchObject({ start_ms: 3000, end_ms: null });
  });

  it('takes the close reason as end reason and leaves end time and duration unknown', () => {
    const { call } = livekitFormat.normalize(report([]));
    expect(call).toMatchObject({ external_id: 'RM_test', end_reason: 'user_initiated', status: 'ended', ended_at: null, duration_s: null });
  });

  it('has no status or end reason without a close event', () => {
    const { call } = livekitFormat.normalize(report([], { events: [] }));
    expect(call).toMatchObject({ status: null, end_reason: null });
  });

  it('merges a function_call_output into its call and times the tool from created_at', () => {
    const { turns } = livekitFormat.normalize(
      report([
        { type: 'function_call', id: 'a', call_id: 'c1', name: 'lookup', arguments: '{"q":1}', created_at: 1004 },
        { type: 'function_call_output', id: 'b', call_id: 'c1', name: 'lookup', output: 'found', is_error: false, created_at: 1004.75 },
      ]),
    );
    expect(turns).toEqual([
      expect.objectContaining({ role: 'tool', start_ms: 4000, end_ms: 4750, tool: { name: 'lookup', arguments: { q: 1 }, result: 'found' } }),
    ]);
  });

  it('keeps arguments that are not JSON as sent, and turns an orphan output into its own tool turn', () => {
    const { turns } = livekitFormat.normalize(
      report([
        { type: 'function_call', call_id: 'c1', name: 'lookup', arguments: 'not json' },
        { type: 'function_call_output', call_id: 'c9', name: 'transfer', output: 'ok' },
      ]),
    );
    expect(turns.map((t) => t.tool)).toEqual([
      { name: 'lookup', arguments: 'not json', result: null },
      { name: 'transfer', arguments: null, result: 'ok' },
    ]);
  });

  it('skips system prompts, handoffs and config updates, naming the agent after a handoff', () => {
    const { turns } = livekitFormat.normalize(
      report([
        message('developer', 'Be brief.'),
        message('assistant', 'Hi'),
        { type: 'agent_handoff', old_agent_id: 'greeter', new_agent_id: 'billing', created_at: 1005 },
        { type: 'agent_config_update', instructions: 'x' },
        message('assistant', 'Billing here'),
        message('user', 'ok'),
      ]),
    );
    expect(turns.map((t) => [t.role, t.text, t.agent_name])).toEqual([
      ['agent', 'Hi', null],
      ['agent', 'Billing here', 'billing'],
      ['user', 'ok', null],
    ]);
  });

  it('reads string content and joins the text parts of a list, ignoring image parts', () => {
    const { turns } = livekitFormat.normalize(
      report([
        { type: 'message', role: 'assistant', content: 'plain string' },
        { type: 'message', role: 'user', content: ['first', { type: 'image_content', image: 'x' }, 'second'] },
      ]),
    );
    expect(turns.map((t) => t.text)).toEqual(['plain string', 'first\nsecond']);
  });

  it('keeps the interrupted flag as the provider sent it', () => {
    const { turns } = livekitFormat.normalize(
      report([message('assistant', 'Hel', 1001, 1002, { interrupted: true }), { type: 'message', role: 'user', content: ['x'] }]),
    );
    expect(turns.map((t) => t.interrupted)).toEqual([true, null]);
  });

  it('refuses a report without room_id, naming the field', () => {
    const { room_id: _dropped, ...withoutRoom } = report([]);
    const error = refusal(() => livekitFormat.normalize(withoutRoom));
    expect(error.code).toBe('invalid_payload');
    expect(fieldPaths(error)).toEqual(['room_id']);
  });

  it('names every badly typed field, top-level and in the chat items, in one 422', () => {
    const error = refusal(() =>
      livekitFormat.normalize(
        report(
          [
            message('assistant', 'Hi'),
            message('narrator', 'once upon a time'),
            { ...message('user', 'x'), metrics: { started_speaking_at: '1001' } },
            { type: 'function_call', call_id: 'c1', arguments: '{}' },
            { role: 'user', content: ['no type'] },
          ],
          { audio_recording_started_at: '1000', events: [{ type: 'close', reason: 7 }] },
        ),
      ),
    );
    expect(fieldPaths(error)).toEqual(
      expect.arrayContaining([
        'audio_recording_started_at',
        'chat_history.items.2.metrics.started_speaking_at',
        'chat_history.items.3.name',
        'chat_history.items.4.type',
      ]),
    );
    expect(fieldPaths(error)).not.toContain('chat_history.items.1.role');
  });

  it('names a bad close reason and a missing chat history', () => {
    expect(fieldPaths(refusal(() => livekitFormat.normalize(report([], { events: [{ type: 'close', reason: 7 }] }))))).toEqual(['events.0.reason']);
    expect(fieldPaths(refusal(() => livekitFormat.normalize({ room_id: 'RM_x', job_id: 'AJ_x' })))).toEqual(['chat_history']);
  });
});

describe('LiveKit bare chat history', () => {
  it('measures times from the earliest speech and has no id or start', () => {
    const { call, turns } = livekitFormat.normalize({
      items: [message('user', 'late', 2005, 2006), message('assistant', 'early', 2001.5, 2004)],
    });
    expect(call).toMatchObject({ external_id: null, started_at: null, source_format: 'livekit.agents.chat-context' });
    expect(turns.map((t) => [t.start_ms, t.end_ms])).toEqual([
      [3500, 4500],
      [0, 2500],
    ]);
  });

  it('names badly typed items by their path', () => {
    const error = refusal(() => livekitFormat.normalize({ items: [{ type: 'message', role: 'user', content: 5 }] }));
    expect(fieldPaths(error)).toEqual(['items.0.content']);
  });

  it('refuses what is neither a report nor a chat history', () => {
    expect(fieldPaths(refusal(() => livekitFormat.normalize([1, 2])))).toEqual(['$']);
    expect(fieldPaths(refusal(() => livekitFormat.normalize({ something: 'else' })))).toEqual(['items']);
    expect(fieldPaths(refusal(() => livekitFormat.normalize({ items: 'nope' })))).toEqual(['items']);
  });

  it('does not detect an empty or untyped item list', () => {
    expect(livekitFormat.detect({ items: [] })).toBeNull();
    expect(livekitFormat.detect({ items: [{ role: 'user', content: ['hi'] }] })).toBeNull();
    expect(livekitFormat.detect([message('user', 'hi')])).toBeNull();
  });
});

describe('livekitChatToTurns', () => {
  it('reads {items} or a bare list, prefixing error paths with the given path', () => {
    const items = [message('assistant', 'Hi', 10, 11)];
    expect(livekitChatToTurns({ items }, { callStartMs: 9000, path: 'transcript_json' })[0]).toMatchObject({ start_ms: 1000, end_ms: 2000 });
    expect(livekitChatToTurns(items, { callStartMs: null, path: 'transcript_json' })[0]).toMatchObject({ start_ms: 0, end_ms: 1000 });
    const bad = [{ type: 'message', role: 7, content: ['x'] }];
    expect(fieldPaths(refusal(() => livekitChatToTurns({ items: bad }, { callStartMs: null, path: 'transcript_json' })))).toEqual([
      'transcript_json.items.0.role',
    ]);
    expect(fieldPaths(refusal(() => livekitChatToTurns(bad, { callStartMs: null, path: 'transcript_json' })))).toEqual(['transcript_json.0.role']);
    // a role LiveKit does not define is a turn of its own, named as the payload names it
    expect(livekitChatToTurns([{ type: 'message', role: 'narrator', content: ['x'] }], { callStartMs: null, path: '' })).toEqual([
      expect.objectContaining({ role: 'other', raw_role: 'narrator', text: 'x' }),
    ]);
    expect(fieldPaths(refusal(() => livekitChatToTurns('text', { callStartMs: null, path: 'transcript_json' })))).toEqual(['transcript_json']);
    expect(fieldPaths(refusal(() => livekitChatToTurns({}, { callStartMs: null, path: 'transcript_json' })))).toEqual(['transcript_json.items']);
  });

  it('leaves times null when nothing carries a time', () => {
    const turns = livekitChatToTurns({ items: [{ type: 'message', role: 'user', content: ['hi'] }] }, { callStartMs: null, path: '' });
    expect(turns[0]).toMatchObject({ start_ms: null, end_ms: null });
  });
});
