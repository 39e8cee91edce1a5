import { describe, expect, it } from 'vitest';
import { segmentTimingMetrics, transcriptTimingMetrics, type TimingMetrics } from '../../../src/core/metrics/compute';
import { segmentsFromTurns } from '../../../src/core/metrics/segments';
import { seg, turn, turns } from './build';

/** A booking call with a tool lookup, a backchannel, a user interruption and a long silence. */
const booking = turns(
  turn('agent', 500, 2500, 'Hi, thanks for calling. How can I help?'), // 8 words
  turn('user', 3100, 5000, 'I need to move my appointment.'), // 6
  turn('tool', null, null, 'lookup_slots'),
  turn('agent', 5700, 9000, 'Sure, let me check. I have Tuesday at ten or Thursday at two.'), // 13
  turn('user', 6500, 7100, 'uh-huh'), // 1: backchannel (600 ms, inside the agent)
  turn('user', 8600, 10000, 'Thursday works'), // 2: interrupts the agent by 400 ms
  turn('agent', 14000, 15000, "Great, you're booked."), // 3: after 4 s of silence
  turn('user', 15150, 16000, 'Thanks'), // 1
);

const bookingMetrics: TimingMetrics = {
  latencies: [{ at_ms: 5700, ms: 700 }, { at_ms: 14000, ms: 4000 }],
  latency_ms: { p50: 700, p90: 4000, p95: 4000, p99: 4000, mean: 2350, min: 700, max: 4000, count: 2, values: [700, 4000] },
  ttfw_ms: 500,
  interruptions: {
    user_interrupts_agent: [{ at_ms: 8600, overlap_ms: 400 }],
    agent_interrupts_user: [],
    backchannels: [{ at_ms: 6500, overlap_ms: 600, speaker: 'user' }],
  },
  silence: { longest_ms: 4000, segments: [{ start_ms: 10000, end_ms: 14000 }] },
  // agent 2000 + 3300 + 1000 = 6300 ms, user 1900 + 600 + 1400 + 850 = 4750 ms
  talk_ratio: 6300 / 11050,
  wpm: { agent: 24 / (6300 / 60000), user: 10 / (4750 / 60000) },
  speech_ms: { agent: 6300, user: 4750 },
  // the classes themselves: overlap-verdicts.test.ts
  overlaps: [expect.objectContaining({ at_ms: 6500, class: 'backchannel' }), expect.objectContaining({ at_ms: 8600, speaker: 'user' })],
};

describe('transcriptTimingMetrics', () => {
  it('every figure of a booking call', () => {
    const metrics = transcriptTimingMetrics(booking);
    expect(metrics).toEqual({
      ...bookingMetrics,
      talk_ratio: expect.closeTo(bookingMetrics.talk_ratio ?? Number.NaN, 9),
      wpm: { agent: expect.closeTo(228.5714285714, 6), user: expect.closeTo(126.3157894737, 6) },
    });
  });

  it('latencies by the corpus rule: an agent turn after a user backchannel turn counts from it', () => {
    const call = turns(
      turn('user', 0, 1000, 'My card was declined.'),
      turn('agent', 1500, 4000, 'I can help with that, let me look.'),
      turn('user', 3500, 3800, 'yeah'),
      turn('agent', 4500, 6000, 'It was flagged for fraud.'),
    );
    expect(transcriptTimingMetrics(call).latencies).toEqual([{ at_ms: 1500, ms: 500 }, { at_ms: 4500, ms: 700 }]);
    // the segment rule answers the user's last real words (1000), which the agent already answered at 1500
    expect(segmentTimingMetrics(segmentsFromTurns(call)).latencies).toEqual([{ at_ms: 1500, ms: 500 }]);
  });

  it('turns without an end count for latency (corpus rule) but not as speech', () => {
    const call = turns(turn('user', 0, 1000, 'Hello?'), turn('agent', 1800, null, 'Hi there, sorry for the wait.'));
    const metrics = transcriptTimingMetrics(call);
    expect(metrics.latencies).toEqual([{ at_ms: 1800, ms: 800 }]);
    expect(metrics.ttfw_ms).toBe(1800); // TTFW needs only the start
    expect(metrics.speech_ms).toEqual({ agent: 0, user: 1000 });
    expect(metrics.talk_ratio).toBe(0);
    // no agent minutes, so no agent words per minute; the untimed turn's words are not counted
    expect(metrics.wpm).toEqual({ agent: null, user: 60 });
  });

  it('a single turn', () => {
    expect(transcriptTimingMetrics(turns(turn('agent', 300, 1500, 'Hello, this is Ava from Acme.')))).toEqual({
      latencies: [],
      latency_ms: null,
      ttfw_ms: 300,
      interruptions: { user_interrupts_agent: [], agent_interrupts_user: [], backchannels: [] },
      silence: { longest_ms: 0, segments: [] },
      talk_ratio: 1,
      wpm: { agent: 300, user: null },
      speech_ms: { agent: 1200, user: 0 },
      overlaps: [],
    } satisfies TimingMetrics);
  });

  it('no turns, or turns without times', () => {
    const empty: TimingMetrics = {
      latencies: [],
      latency_ms: null,
      ttfw_ms: null,
      // unknown, not zero: nothing was placed in time
      interruptions: null,
      silence: { longest_ms: null, segments: [] },
      talk_ratio: null,
      wpm: { agent: null, user: null },
      speech_ms: { agent: 0, user: 0 },
      overlaps: [],
    };
    expect(transcriptTimingMetrics([])).toEqual(empty);
    expect(transcriptTimingMetrics(turns(turn('agent', null, null, 'Hi.'), turn('user', null, null, 'Hello.')))).toEqual(empty);
  });

  it('the silence threshold is an option', () => {
    expect(transcriptTimingMetrics(booking, { silenceThresholdMs: 600 }).silence).toEqual({
      longest_ms: 4000,
      segments: [{ start_ms: 2500, end_ms: 3100 }, { start_ms: 5000, end_ms: 5700 }, { start_ms: 10000, end_ms: 14000 }],
    });
    expect(transcriptTimingMetrics(booking, { silenceThresholdMs: 4001 }).silence.segments).toEqual([]);
  });
});

describe('segmentTimingMetrics', () => {
  it('the booking call as audio segments (no text): the same figures, wpm from the given words', () => {
    const audio = segmentsFromTurns(booking).map(({ speaker, start_ms, end_ms }) => seg(speaker, start_ms, end_ms));
    const metrics = segmentTimingMetrics(audio, { agent: 24, user: 10 });
    expect(metrics).toEqual({
      ...bookingMetrics,
      talk_ratio: expect.closeTo(bookingMetrics.talk_ratio ?? Number.NaN, 9),
      wpm: { agent: expect.closeTo(228.5714285714, 6), user: expect.closeTo(126.3157894737, 6) },
    });
  });

  it('no word counts: no words per minute', () => {
    expect(segmentTimingMetrics([seg('agent', 0, 1000), seg('user', 1500, 2000)]).wpm).toEqual({ agent: null, user: null });
    expect(segmentTimingMetrics([seg('agent', 0, 1000)], null).wpm).toEqual({ agent: null, user: null });
  });

  it('a user turn split by a pause and an agent turn split by pauses: one handoff', () => {
    const segments = [
      seg('user', 0, 1200), seg('user', 1700, 3000),
      seg('agent', 3450, 5000), seg('agent', 5400, 7000), seg('agent', 7300, 9000),
    ];
    const metrics = segmentTimingMetrics(segments);
    expect(metrics.latencies).toEqual([{ at_ms: 3450, ms: 450 }]);
    expect(metrics.latency_ms?.p50).toBe(450);
    expect(metrics.ttfw_ms).toBe(3450);
  });

  it('overlaps in both directions and both speakers\' backchannels', () => {
    const segments = [
      seg('agent', 0, 4000), seg('user', 1000, 1600), // user backchannel
      seg('user', 3850, 6000), // 150 ms of crosstalk: nothing
      seg('agent', 5000, 5400), // agent backchannel in the user's turn
      seg('agent', 6500, 9000), seg('user', 8500, 10000), // user interrupts agent by 500
      seg('agent', 9500, 12000), // agent interrupts user by 500
    ];
    expect(segmentTimingMetrics(segments).interruptions).toEqual({
      user_interrupts_agent: [{ at_ms: 8500, overlap_ms: 500 }],
      agent_interrupts_user: [{ at_ms: 9500, overlap_ms: 500 }],
      backchannels: [{ at_ms: 1000, overlap_ms: 600, speaker: 'user' }, { at_ms: 5000, overlap_ms: 400, speaker: 'agent' }],
    });
  });

  it('ignores segments with non-finite times or an end before their start', () => {
    const metrics = segmentTimingMetrics([seg('agent', 0, 1000), seg('user', 3000, 2000), seg('user', Number.NaN, 5000), seg('agent', 800, Infinity)]);
    expect(metrics.speech_ms).toEqual({ agent: 1000, user: 0 });
    expect(metrics.silence.longest_ms).toBe(0);
  });
});
