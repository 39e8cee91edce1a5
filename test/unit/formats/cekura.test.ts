import { describe, expect, it } from 'vitest';
import { normalizeCekura } from '../../../src/core/formats/cekura';

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
