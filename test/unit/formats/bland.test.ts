import { describe, expect, it } from 'vitest';
import { blandFormat, blandTranscriptToTurns, normalizeBland } from '../../../src/core/formats/bland';
import { describeCorpusFormat } from '../../support/format-suite';
import { problemPaths } from '../../support/refusal';


const line = (user: string, text: string, createdAt: string) => ({ id: 1, created_at: createdAt, text, user, c_id: 'c1' });
const callWith = (transcripts: unknown[], more: Record<string, unknown> = {}) => ({
  call_id: 'c1',
  c_id: 'c1',
  started_at: '2026-06-01T10:00:00.000000+00:00',
  end_at: '2026-06-01T10:30:00.000000+00:00',
  inbound: false,
  from: '+15550001',
  to: '+15550002',
  transcripts,
  ...more,
});

describeCorpusFormat('Bland', 'bland', blandFormat, 3);

describe('Bland transcript rules', () => {
  it('measures turn starts from the call start and never guesses an end', () => {
    const { turns } = normalizeBland(
      callWith([line('assistant', 'Hi', '2026-06-01T10:00:01.250000+00:00'), line('user', 'Hello', '2026-06-01T10:00:04.000000+00:00')]),
    );
    expect(turns.map((t) => [t.role, t.start_ms, t.end_ms])).toEqual([
      ['agent', 1250, null],
      ['user', 4000, null],
    ]);
  });

  it('maps robot and agent to the agent, agent-action to a tool turn with parsed arguments', () => {
    const { turns } = normalizeBland(
      callWith([
        line('robot', 'Hi', '2026-06-01T10:00:01Z'),
        line('agent-action', 'Tool call: book_slot {"day":"Tue"}', '2026-06-01T10:00:02Z'),
        line('agent', 'Booked.', '2026-06-01T10:00:03Z'),
      ]),
    );
    expect(turns.map((t) => t.role)).toEqual(['agent', 'tool', 'agent']);
    expect(turns[1]?.tool).toEqual({ name: 'book_slot', arguments: { day: 'Tue' }, result: null });
  });

  it('keeps an agent-action of unknown wording whole, under a generic tool name', () => {
    const { turns } = normalizeBland(callWith([line('agent-action', 'Transferred the call', '2026-06-01T10:00:02Z')]));
    expect(turns[0]).toMatchObject({ role: 'tool', text: 'Transferred the call', tool: { name: 'agent-action', arguments: null, result: null } });
  });

  it('counts from the first line when no call start is known', () => {
    const turns = blandTranscriptToTurns(
      [line('assistant', 'Hi', '2026-06-01T10:00:05Z'), line('user', 'Yo', '2026-06-01T10:00:07.5Z')],
      { callStartMs: null, path: 'transcript_json' },
    );
    expect(turns.map((t) => t.start_ms)).toEqual([0, 2500]);
  });

  it('prefixes the error paths of a bare transcript', () => {
    expect(
      problemPaths(() => blandTranscriptToTurns([line('narrator', 'x', 'soon')], { callStartMs: null, path: 'transcript_json' })).sort(),
    ).toEqual(['transcript_json.0.created_at']);
  });

  it('keeps a line of an unknown speaker as a turn with its own name', () => {
    const turns = blandTranscriptToTurns([line('narrator', 'Meanwhile...', '2026-06-01T10:00:01Z')], { callStartMs: null, path: '' });
    expect(turns).toEqual([expect.objectContaining({ role: 'other', raw_role: 'narrator', text: 'Meanwhile...' })]);
  });
});

describe('Bland call facts', () => {
  it('does not read end_at as the end when it is the max_duration cut-off (30 min by default)', () => {
    const { call } = normalizeBland(callWith([], { corrected_duration: '46' }));
    expect(call.ended_at).toBeNull();
    expect(call.duration_s).toBe(46);
  });

  it('reads end_at as the end of the call when it is not the max_duration cut-off', () => {
    const ended = normalizeBland(callWith([], { end_at: '2026-06-01T10:00:45.000Z', max_duration: 30, corrected_duration: '45' })).call;
    expect(ended.ended_at).toBe('2026-06-01T10:00:45.000Z');
    const cutOff = normalizeBland(callWith([], { end_at: '2026-06-01T10:12:00.000Z', max_duration: 12, call_length: 0.3 })).call;
    expect(cutOff.ended_at).toBeNull();
    const ranToTheLimit = normalizeBland(callWith([], { end_at: '2026-06-01T10:12:00.000Z', max_duration: 12, call_length: 12 })).call;
    expect(ranToTheLimit.ended_at).toBe('2026-06-01T10:12:00.000Z');
    expect(normalizeBland(callWith([], { end_at: '2026-06-01T09:59:00.000Z' })).call.ended_at).toBeNull();
  });

  it('takes call_length as minutes when there is no corrected_duration', () => {
    const { call } = normalizeBland(callWith([], { call_length: 0.5 }));
    expect(call.duration_s).toBe(30);
  });

  it('uses the pathway of the original request as agent id when there is no top-level one', () => {
    const { call } = normalizeBland(callWith([], { request_data: { pathway_id: 'pw-1' } }));
    expect(call.agent_id).toBe('pw-1');
  });

  it('treats the callee of an outbound call as the customer and keeps answered_by in extra', () => {
    const { call } = normalizeBland(callWith([], { answered_by: 'voicemail' }));
    expect(call).toMatchObject({ direction: 'outbound', customer_number: '+15550002' });
    expect(call.extra).toMatchObject({ answered_by: 'voicemail', end_at: '2026-06-01T10:30:00.000000+00:00' });
  });
});

describe('Bland bad input', () => {
  it('refuses a call without a call id, naming the field', () => {
    const { call_id: _dropped, ...body } = callWith([]);
    expect(problemPaths(() => normalizeBland(body))).toEqual(['call_id']);
  });

  it('names every field of the wrong type', () => {
    const paths = problemPaths(() =>
      normalizeBland(
        callWith([{ created_at: 'later', text: 7, user: 'assistant' }], { price: '0.07', corrected_duration: 'forty', inbound: 'yes' }),
      ),
    );
    expect(paths.sort()).toEqual(['corrected_duration', 'inbound', 'price', 'transcripts.0.created_at', 'transcripts.0.text'].sort());
  });
});
