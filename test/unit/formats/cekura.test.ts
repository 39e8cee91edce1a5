import { describe, expect, it } from 'vitest';
import { normalizeCekura } from '../../../src/core/formats/cekura';
import { clockSeconds } from '../../../src/core/formats/cekura-webhook';
import { detectFormat, normalizeAny } from '../../../src/core/formats/registry';
import { fieldPaths, refusal } from '../../support/refusal';
import { callLogCompleted } from '../../support/cekura-call-log';

const pipecatObserve = (timestamp: string) => ({
  call_id: 'call_123',
  agent: 2421,
  transcript_type: 'pipecat',
  transcript_json: [
    { role: 'user', content: 'I need help with my order', timestamp: '2026-04-03T20:15:01Z' },
    { role: 'assistant', content: 'Sure, let me look that up for you.', timestamp: '2026-04-03T20:15:03Z' },
  ],
  timestamp,
});

describe('Cekura observe: the call start', () => {
  it('takes `timestamp` as the start of the call', () => {
    const { call, turns } = normalizeCekura(pipecatObserve('2026-04-03T20:15:00Z'));
    expect(call.started_at).toBe('2026-04-03T20:15:00.000Z');
    expect(turns.map((t) => t.start_ms)).toEqual([1000, 3000]);
  });

  it('leaves the start unknown when the transcript began before `timestamp` (a send time)', () => {
    const { call, turns } = normalizeCekura(pipecatObserve('2026-04-03T20:15:45Z'));
    expect(call.started_at).toBeNull();
    expect(turns.map((t) => t.start_ms)).toEqual([0, 2000]);
  });
});

describe('an unknown role never sinks a call', () => {
  it('keeps a Cekura transcript row of an undefined role as a turn with its own name', () => {
    const { turns } = normalizeCekura({
      call_id: 'c1',
      transcript_json: [
        { role: 'Main Agent', content: 'Hello', start_time: 0, end_time: 1 },
        { role: 'Supervisor', content: 'Listening in.', start_time: 1.5, end_time: 2 },
      ],
    });
    expect(turns.map((t) => [t.role, t.raw_role, t.text])).toEqual([
      ['agent', undefined, 'Hello'],
      ['other', 'Supervisor', 'Listening in.'],
    ]);
  });
});

describe("Cekura's call_log.completed webhook", () => {
  it('is one call: its id, agent, start, mm:ss duration, recording and transcript', () => {
    expect(detectFormat(callLogCompleted)?.sourceFormat).toBe('cekura.webhook.call_log.completed');
    const { call, turns } = normalizeAny(callLogCompleted);
    expect(call).toMatchObject({
      provider: 'cekura',
      external_id: 'call-abc',
      agent_id: '7',
      started_at: '2025-07-31T11:13:42.000Z',
      ended_at: null,
      duration_s: 70,
      end_reason: null,
      customer_number: null,
      recording_url: 'https://example.com/r.mp3',
      status: 'success',
    });
    expect(call.extra).toMatchObject({ id: 41, dropoff_point: 'end of conversation', event_type: 'call_log.completed' });
    expect(turns.map((t) => [t.role, t.text, t.start_ms, t.end_ms])).toEqual([
      ['user', 'Hello.', 200, 900],
      ['agent', 'Hi, how can I help?', 1200, 2600],
    ]);
  });

  it("keeps Cekura's evaluation (the call's success and each metric) as provider evaluations", () => {
    expect(normalizeAny(callLogCompleted).call.provider_evaluations).toEqual([
      { name: 'call success', id: null, type: 'binary', passed: false, score: null, explanation: null },
      { name: 'workflow-adherence', id: '5', type: 'binary', passed: true, score: null, explanation: 'Followed the script. Confirmed the booking.' },
      { name: 'politeness', id: '9', type: 'numeric', passed: null, score: 4, explanation: null },
    ]);
  });

  it('reads h:mm:ss and plain seconds too, and names a missing call id', () => {
    expect(clockSeconds('1:02:03')).toBe(3723);
    expect(clockSeconds(42)).toBe(42);
    expect(clockSeconds('soon')).toBeNull();
    const { call_id: _dropped, ...noId } = callLogCompleted.data;
    expect(fieldPaths(refusal(() => normalizeAny({ ...callLogCompleted, data: { ...noId, call_id: '' } })))).toEqual(['data.call_id']);
  });
});
