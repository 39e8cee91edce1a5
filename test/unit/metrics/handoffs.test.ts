import { describe, expect, it } from 'vitest';
import { segmentLatencies, timeToFirstWord, transcriptLatencies } from '../../../src/core/metrics/handoffs';
import { seg, turn, turns } from './build';
import { segmentTimingMetrics } from '../../../src/core/metrics/compute';
import type { SpeechSegment } from '../../../src/core/metrics/segments';

const none = new Set<never>();

describe('transcriptLatencies (the corpus rule)', () => {
  it('agent.start - user.end for each agent turn answering a user turn', () => {
    const call = turns(turn('agent', 0, 2000), turn('user', 2500, 4000), turn('agent', 4600, 6000), turn('user', 6500, 7000), turn('agent', 8200, 9000));
    expect(transcriptLatencies(call)).toEqual([{ at_ms: 4600, ms: 600 }, { at_ms: 8200, ms: 1200 }]);
  });

  it('skips tool turns between the user and the agent, timed or not', () => {
    const call = turns(turn('user', 0, 1000), turn('tool', 1100, 1200), turn('tool', null, null), turn('agent', 1800, 3000));
    expect(transcriptLatencies(call)).toEqual([{ at_ms: 1800, ms: 800 }]);
  });

  it('needs the user end and the agent start; the agent end is not needed', () => {
    const call = turns(turn('user', 0, null), turn('agent', 1500, 2000), turn('user', 2500, 3000), turn('agent', 3700, null), turn('user', 4000, 5000), turn('agent', null, 7000));
    expect(transcriptLatencies(call)).toEqual([{ at_ms: 3700, ms: 700 }]);
  });

  it('keeps only gaps > 0: overlapping and touching answers are not latencies', () => {
    const call = turns(turn('user', 0, 3000), turn('agent', 2500, 4000), turn('user', 4500, 5000), turn('agent', 5000, 6000));
    expect(transcriptLatencies(call)).toEqual([]);
  });

  it('an agent turn after an agent turn is no handoff', () => {
    const call = turns(turn('user', 0, 1000), turn('agent', 1400, 2000), turn('agent', 2600, 3000));
    expect(transcriptLatencies(call)).toEqual([{ at_ms: 1400, ms: 400 }]);
  });

  it('a single turn and no turns: none', () => {
    expect(transcriptLatencies(turns(turn('agent', 0, 1000)))).toEqual([]);
    expect(transcriptLatencies([])).toEqual([]);
  });
});

describe('segmentLatencies (the segment rule)', () => {
  it('a user turn split by a pause is measured from its last segment', () => {
    const segments = [seg('user', 0, 1000), seg('user', 1600, 3000), seg('agent', 3500, 5000)];
    expect(segmentLatencies(segments, none)).toEqual([{ at_ms: 3500, ms: 500 }]);
  });

  it('an agent turn split by pauses counts once', () => {
    const segments = [seg('user', 0, 1000), seg('agent', 1400, 3000), seg('agent', 3500, 5000), seg('agent', 5600, 7000)];
    expect(segmentLatencies(segments, none)).toEqual([{ at_ms: 1400, ms: 400 }]);
  });

  it('every handoff of a conversation, in any input order', () => {
    const segments = [seg('agent', 6300, 8000), seg('agent', 9700, 10000), seg('user', 2500, 4000), seg('agent', 0, 2000), seg('user', 8100, 9000), seg('agent', 4900, 6000)];
    expect(segmentLatencies(segments, none)).toEqual([{ at_ms: 4900, ms: 900 }, { at_ms: 9700, ms: 700 }]);
  });

  it('the agent speaking first, or cutting in before the user has finished, is no handoff', () => {
    // the agent at 2500 starts inside the user's 1000-4000: the only user segment ended before it is none
    const segments = [seg('agent', 0, 800), seg('user', 1000, 4000), seg('agent', 2500, 5000)];
    expect(segmentLatencies(segments, none)).toEqual([]);
  });

  it('a user segment ending exactly when the agent starts is not "before" it', () => {
    expect(segmentLatencies([seg('user', 0, 1000), seg('agent', 1000, 2000)], none)).toEqual([]);
  });

  it('an agent segment ending with the user (A\'.end = U.end) leaves the next agent segment no handoff: A\'.end < U.end is strict', () => {
    const segments = [seg('user', 0, 1000), seg('agent', 400, 1000), seg('agent', 1500, 2000)];
    expect(segmentLatencies(segments, none)).toEqual([]);
    expect(segmentLatencies([seg('user', 0, 1000), seg('agent', 400, 999), seg('agent', 1500, 2000)], none)).toEqual([{ at_ms: 1500, ms: 500 }]);
  });

  it('user backchannels are not what the agent answers', () => {
    // transcript-shaped segments: the agent's 3000-4000 starts inside its own 0-5000, after the user's "uh-huh" 2000-2600
    const backchannel = seg('user', 2000, 2600, 'uh-huh');
    const segments = [seg('agent', 0, 5000), backchannel, seg('agent', 3000, 4000)];
    expect(segmentLatencies(segments, new Set([backchannel]))).toEqual([]);
    expect(segmentLatencies(segments, none)).toEqual([{ at_ms: 3000, ms: 400 }]);
  });
});

describe('timeToFirstWord', () => {
  it('the start of the first agent segment, whatever the input order', () => {
    expect(timeToFirstWord([seg('user', 0, 900), seg('agent', 2500, 3000), seg('agent', 1200, 2000)])).toBe(1200);
  });

  it('null when the agent never speaks', () => {
    expect(timeToFirstWord([seg('user', 0, 900)])).toBeNull();
    expect(timeToFirstWord([])).toBeNull();
  });
});

describe('agent backchannels take no part in handoffs', () => {
  it('an agent "mm-hmm" inside the caller\'s turn is not an answer, and the real answer is measured from the caller', () => {
    const segments: SpeechSegment[] = [
      { speaker: 'user', start_ms: 0, end_ms: 1000 },
      { speaker: 'user', start_ms: 2000, end_ms: 8000 },
      { speaker: 'agent', start_ms: 3000, end_ms: 3400, text: 'mm-hmm' },
      { speaker: 'agent', start_ms: 9000, end_ms: 12000 },
    ];
    expect(segmentTimingMetrics(segments).latencies).toEqual([{ at_ms: 9000, ms: 1000 }]);
  });
});
