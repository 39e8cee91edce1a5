import { describe, expect, it } from 'vitest';
import { overlapVerdicts } from '../../../src/core/metrics/overlap-verdicts';
import type { SpeechSegment } from '../../../src/core/metrics/segments';

const agent = (start_ms: number, end_ms: number, text?: string): SpeechSegment => ({ speaker: 'agent', start_ms, end_ms, ...(text ? { text } : {}) });
const user = (start_ms: number, end_ms: number, text?: string): SpeechSegment => ({ speaker: 'user', start_ms, end_ms, ...(text ? { text } : {}) });

describe('overlapVerdicts', () => {
  it('a barge-in: the caller starts, the agent stops 400 ms later, the caller talks on', () => {
    const [verdict] = overlapVerdicts([agent(0, 5400), user(5000, 8000)]);
    expect(verdict).toMatchObject({ at_ms: 5000, class: 'barge_in', yield_ms: 400, speaker: 'user', overlap_ms: 400 });
    expect(verdict?.evidence).toMatch(/agent stopped 400 ms later.*2\.6 s/);
  });

  it('a backchannel: short caller speech inside the agent, who goes on', () => {
    expect(overlapVerdicts([agent(0, 6000), user(2000, 2500, 'uh-huh')])).toMatchObject([{ class: 'backchannel', yield_ms: null, speaker: 'user' }]);
    expect(overlapVerdicts([user(0, 6000), agent(2000, 2400)])).toMatchObject([{ class: 'backchannel', speaker: 'agent' }]);
  });

  it('agent talk-over: the agent starts inside the caller and talks on', () => {
    expect(overlapVerdicts([user(0, 4000), agent(3000, 7000)])).toMatchObject([{ at_ms: 3000, class: 'agent_talk_over', yield_ms: null, speaker: 'agent', overlap_ms: 1000 }]);
  });

  it('a false cut-off: the agent stops for a caller sound that ends at once, and then resumes', () => {
    const verdicts = overlapVerdicts([agent(0, 3300), user(3000, 3400), agent(4200, 6000)]);
    expect(verdicts).toMatchObject([{ at_ms: 3000, class: 'false_cut_off', yield_ms: 300 }]);
    expect(verdicts[0]?.evidence).toMatch(/resumed 0\.8 s after/);
  });

  it('crosstalk under 200 ms at a handoff is no overlap', () => {
    expect(overlapVerdicts([agent(0, 3000), user(2900, 5000)])).toEqual([]);
  });
});
