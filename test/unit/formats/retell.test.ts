import { describe, expect, it } from 'vitest';
import { normalizeRetell, retellFormat, retellTranscriptToTurns } from '../../../src/core/formats/retell';
import { loadCorpus } from '../../support/corpus';
import { fieldPaths, refusal } from '../../support/refusal';
import { describeCorpusFormat } from '../../support/format-suite';

const cases = loadCorpus('retell');

const paths = fieldPaths;

function corpusPayload(name: string): Record<string, unknown> {
  const found = cases.find((c) => c.name === `retell/${name}`);
  if (!found) throw new Error(`no corpus case retell/${name}`);
  return structuredClone(found.payload) as Record<string, unknown>;
}

const callOf = (payload: Record<string, unknown>) => payload.call as Record<string, unknown>;
const context = { callStartMs: null, path: 'transcript_json' };

describeCorpusFormat('Retell', 'retell', retellFormat, 4);

describe('Retell call facts', () => {
  it('keeps latency as provider metrics, dynamic variables, metadata and the rest as extra', () => {
    const payload = corpusPayload('call_ended_transfer');
    const { call } = normalizeRetell(payload);
    expect(call.provider_metrics).toEqual(callOf(payload).latency);
    expect(call.dynamic_variables).toEqual({ customer_name: 'unknown' });
    expect(call.metadata).toEqual({ crm_contact_id: '0035e00000Qz8XbAAJ' });
    expect(call.direction).toBe('inbound');
    expect(call.extra).toMatchObject({ call_type: 'phone_call', transfer_destination: '+18005550142', call_cost: expect.any(Object) });
    expect(call.extra).not.toHaveProperty('transcript_object');
    expect(call.extra).not.toHaveProperty('latency');
  });

  it('converts the cost from cents', () => {
    const payload = corpusPayload('call_analyzed_tools');
    callOf(payload).call_cost = { combined_cost: 250 };
    expect(normalizeRetell(payload).call.cost_usd).toBe(2.5);
  });

  it('takes the callee as the customer of an outbound call', () => {
    const payload = corpusPayload('call_started_ongoing');
    callOf(payload).direction = 'outbound';
    expect(normalizeRetell(payload).call.customer_number).toBe('+16465550130');
  });

  it('falls back to end - start when duration_ms is missing', () => {
    const payload = corpusPayload('call_ended_transfer');
    delete callOf(payload).duration_ms;
    expect(normalizeRetell(payload).call.duration_s).toBeCloseTo(40.2, 6);
  });

  it('leaves the times unknown when the timestamps cannot be epoch ms of a call (before 2000)', () => {
    const payload = corpusPayload('call_ended_transfer');
    Object.assign(callOf(payload), { start_timestamp: 1773731985, end_timestamp: 17310771069, duration_ms: 39084 });
    const { call } = normalizeRetell(payload);
    expect(call.started_at).toBeNull();
    expect(call.ended_at).toBeNull();
    expect(call.duration_s).toBe(39.084);
  });

  it('gives a call_started webhook zero turns', () => {
    const { call, turns } = normalizeRetell(corpusPayload('call_started_ongoing'));
    expect(turns).toEqual([]);
    expect(call).toMatchObject({ status: 'ongoing', ended_at: null, duration_s: null });
  });

  it('names the other webhook events too', () => {
    const payload = corpusPayload('call_ended_transfer');
    payload.event = 'transfer_started';
    expect(retellFormat.detect(payload)).toBe('retell.webhook.transfer_started');
    expect(normalizeRetell(payload).call.source_format).toBe('retell.webhook.transfer_started');
  });
});

describe('Retell transcripts', () => {
  const words = (first: number, last: number) => [
    { word: 'a', start: first, end: first + 0.2 },
    { word: 'b', start: last - 0.2, end: last },
  ];

  it('prefers transcript_with_tool_calls and merges results into their invocation', () => {
    const payload = corpusPayload('call_ended_transfer');
    const turns = retellTranscriptToTurns(payload, { callStartMs: null, path: '' });
    const tools = turns.filter((t) => t.role === 'tool');
    expect(tools.map((t) => t.tool)).toEqual([
      { name: 'get_claim_status', arguments: { claim_number: 'HM-4481902' }, result: { status: 'pending_adjuster_review', adjuster: 'Rosa Castillo', last_update: '2026-05-28' } },
      { name: 'transfer_call', arguments: { destination: '+18005550142', reason: 'customer requested adjuster' }, result: 'Transfer initiated' },
    ]);
  });

  it('reads a bare transcript_object: turn times from the first and last word', () => {
    const turns = retellTranscriptToTurns(
      [
        { role: 'agent', content: 'Hi there.', words: words(0.5, 1.4) },
        { role: 'user', content: 'Hello.', words: [{ word: 'Hello.', start: 2.0004, end: 2.6 }] },
      ],
      context,
    );
    expect(turns.map((t) => [t.role, t.start_ms, t.end_ms])).toEqual([
      ['agent', 500, 1400],
      ['user', 2000, 2600],
    ]);
    expect(turns[1]?.words).toEqual([{ text: 'Hello.', start_ms: 2000, end_ms: 2600 }]);
  });

  it('leaves an utterance without word timings untimed', () => {
    const [turn] = retellTranscriptToTurns([{ role: 'agent', content: 'Hi.', words: [] }], context);
    expect(turn).toMatchObject({ start_ms: null, end_ms: null, words: null });
  });

  it('skips node transitions, DTMF, SMS and injected context, which are not spoken', () => {
    const turns = retellTranscriptToTurns(
      [
        { role: 'node_transition', former_node_id: 'a', former_node_name: 'A', new_node_id: 'b', new_node_name: 'B' },
        { role: 'dtmf', digit: '1' },
        { role: 'sms', content: 'sent a photo', time_sec: 3 },
        { role: 'injected', content: 'CRM says VIP', time_sec: 4 },
        { role: 'transfer_target', content: 'Claims desk, Rosa speaking.', words: words(40, 42) },
      ],
      context,
    );
    expect(turns).toEqual([expect.objectContaining({ idx: 0, role: 'agent', agent_name: 'transfer_target', start_ms: 40000 })]);
  });

  it('times a tool invocation by its time_sec when present', () => {
    const [turn] = retellTranscriptToTurns([{ role: 'tool_call_invocation', tool_call_id: 't', name: 'lookup', arguments: '{}', time_sec: 12.5 }], context);
    expect(turn).toMatchObject({ role: 'tool', start_ms: 12500, end_ms: null, tool: { name: 'lookup', arguments: {}, result: null } });
  });

  it('names the bad entries under the given path', () => {
    const error = refusal(() =>
      retellTranscriptToTurns(
        [
          { role: 'agent', content: 'ok', words: [{ word: 'ok', start: '0.1', end: 0.3 }] },
          { role: 'narrator', content: 'x' },
          { role: 'tool_call_invocation', tool_call_id: 't' },
        ],
        context,
      ),
    );
    expect(error.code).toBe('invalid_payload');
    // the undocumented role of entry 1 is no fault: it is kept as a turn of its own
    expect(paths(error)).toEqual(['transcript_json.0.words.0.start', 'transcript_json.2.name']);
  });

  it('keeps an utterance of an undocumented role as a turn with its own name and times', () => {
    const turns = retellTranscriptToTurns([{ role: 'narrator', content: 'x', words: [{ word: 'x', start: 1, end: 1.5 }] }], context);
    expect(turns).toEqual([expect.objectContaining({ role: 'other', raw_role: 'narrator', text: 'x', start_ms: 1000, end_ms: 1500 })]);
    expect(paths(refusal(() => retellTranscriptToTurns([{ role: 'narrator', content: 5 }], context)))).toEqual(['transcript_json.0.content']);
  });
});

describe('Retell bad input', () => {
  it('refuses a webhook without a call id, naming the field', () => {
    const payload = corpusPayload('call_analyzed_tools');
    delete callOf(payload).call_id;
    const error = refusal(() => normalizeRetell(payload));
    expect(error.code).toBe('invalid_payload');
    expect(paths(error)).toEqual(['call.call_id']);
  });

  it('refuses a get-call object without a call id', () => {
    const payload = corpusPayload('get_call_web_unicode');
    delete payload.call_id;
    expect(paths(refusal(() => normalizeRetell(payload)))).toEqual(['call_id']);
  });

  it('names every field of the wrong type, down to the words', () => {
    const payload = corpusPayload('call_ended_transfer');
    const call = callOf(payload);
    call.start_timestamp = '2026-06-05T19:22:40Z';
    call.call_cost = { combined_cost: 'ten' };
    (call.transcript_object as Record<string, unknown>[])[3]!.words = 'HM dash';
    expect(paths(refusal(() => normalizeRetell(payload))).sort()).toEqual(['call.call_cost.combined_cost', 'call.start_timestamp', 'call.transcript_object.3.words']);
  });

  it('refuses an unknown webhook event', () => {
    const payload = corpusPayload('call_ended_transfer');
    payload.event = 'call_exploded';
    expect(retellFormat.detect(payload)).toBeNull();
    expect(paths(refusal(() => normalizeRetell(payload)))).toEqual(['event']);
  });

  it('detects nothing in non-objects or call-less bodies', () => {
    for (const payload of [null, 'x', [], { event: 'call_ended' }, { call_id: 'c', call_type: 'fax' }]) expect(retellFormat.detect(payload)).toBeNull();
  });
});
