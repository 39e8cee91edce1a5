import { describe, expect, it } from 'vitest';
import { BACKCHANNEL_PHRASES, classifyOverlaps, isBackchannelText } from '../../../src/core/metrics/overlaps';
import type { SpeechSegment } from '../../../src/core/metrics/segments';
import { seg } from './build';

/** The events without the segment reference, for readable expectations. */
function overlaps(segments: SpeechSegment[]) {
  return classifyOverlaps(segments).map(({ kind, speaker, at_ms, overlap_ms }) => ({ kind, speaker, at_ms, overlap_ms }));
}

describe('classifyOverlaps', () => {
  it('150 ms of overlap at a handoff is crosstalk: nothing', () => {
    expect(overlaps([seg('agent', 0, 3000), seg('user', 2850, 5000, 'I want to cancel')])).toEqual([]);
  });

  it('the 200 ms rule: 199 ms is nothing, 200 ms counts', () => {
    expect(overlaps([seg('agent', 0, 3000), seg('user', 2801, 5000)])).toEqual([]);
    expect(overlaps([seg('agent', 0, 3000), seg('user', 2800, 5000)])).toEqual([{ kind: 'interruption', speaker: 'user', at_ms: 2800, overlap_ms: 200 }]);
  });

  it('400 ms of the user over the agent, running past the agent: user interrupts agent', () => {
    expect(overlaps([seg('agent', 0, 3000), seg('user', 2600, 5000, 'I want to cancel')])).toEqual([
      { kind: 'interruption', speaker: 'user', at_ms: 2600, overlap_ms: 400 },
    ]);
  });

  it('"Sorry, | can I stop you" split by a comma\'s pause is one barge-in, not a backchannel and nothing', () => {
    // the audio splits the caller's words at a 215 ms pause; the agent stops 195 ms into the second part
    expect(overlaps([seg('agent', 9145, 10965), seg('user', 10130, 10555), seg('user', 10770, 14140)])).toEqual([
      { kind: 'interruption', speaker: 'user', at_ms: 10130, overlap_ms: 835 },
    ]);
  });

  it('a pause of 500 ms or more ends the utterance: "mm-hmm", then words of its own', () => {
    expect(overlaps([seg('agent', 0, 8000), seg('user', 2000, 2500), seg('user', 3000, 4500, 'wait, which address')])).toEqual([
      { kind: 'backchannel', speaker: 'user', at_ms: 2000, overlap_ms: 500 },
      { kind: 'interruption', speaker: 'user', at_ms: 3000, overlap_ms: 1500 },
    ]);
    expect(overlaps([seg('agent', 0, 8000), seg('user', 2000, 2500), seg('user', 2999, 4500)])).toEqual([
      { kind: 'interruption', speaker: 'user', at_ms: 2000, overlap_ms: 2500 },
    ]);
  });

  it('speech after the agent stops does not continue a backchannel into an interruption', () => {
    expect(overlaps([seg('agent', 0, 3000), seg('user', 2200, 2700, 'uh-huh'), seg('user', 3100, 5000, 'so about my bill')])).toEqual([
      { kind: 'backchannel', speaker: 'user', at_ms: 2200, overlap_ms: 500 },
    ]);
  });

  it('backchannel words split by a short pause are still a backchannel ("yeah | okay")', () => {
    expect(overlaps([seg('agent', 0, 9000), seg('user', 2000, 2400, 'yeah'), seg('user', 2650, 3500, 'okay')])).toEqual([
      { kind: 'backchannel', speaker: 'user', at_ms: 2000, overlap_ms: 1500 },
    ]);
  });

  it('a 600 ms "uh-huh" inside agent speech is a backchannel', () => {
    expect(overlaps([seg('agent', 0, 5000), seg('user', 2000, 2600, 'uh-huh')])).toEqual([
      { kind: 'backchannel', speaker: 'user', at_ms: 2000, overlap_ms: 600 },
    ]);
  });

  it('a short segment inside the other speaker is a backchannel whatever its words, or with none (audio)', () => {
    expect(overlaps([seg('agent', 0, 5000), seg('user', 2000, 2900, 'no')])).toEqual([{ kind: 'backchannel', speaker: 'user', at_ms: 2000, overlap_ms: 900 }]);
    expect(overlaps([seg('agent', 0, 5000), seg('user', 2000, 2999)])).toEqual([{ kind: 'backchannel', speaker: 'user', at_ms: 2000, overlap_ms: 999 }]);
  });

  it('a 1.5 s user utterance fully inside agent speech that is not backchannel words interrupts', () => {
    expect(overlaps([seg('agent', 0, 6000), seg('user', 2000, 3500, 'wait, that is the wrong address')])).toEqual([
      { kind: 'interruption', speaker: 'user', at_ms: 2000, overlap_ms: 1500 },
    ]);
  });

  it('the same 1.5 s of backchannel words is a backchannel; without text (audio) it is an interruption', () => {
    expect(overlaps([seg('agent', 0, 6000), seg('user', 2000, 3500, 'Yeah, okay. Got it.')])).toEqual([
      { kind: 'backchannel', speaker: 'user', at_ms: 2000, overlap_ms: 1500 },
    ]);
    expect(overlaps([seg('agent', 0, 6000), seg('user', 2000, 3500)])).toEqual([{ kind: 'interruption', speaker: 'user', at_ms: 2000, overlap_ms: 1500 }]);
  });

  it('a short "yeah" that outlasts the agent takes the floor: an interruption', () => {
    expect(overlaps([seg('agent', 0, 3000), seg('user', 2600, 3200, 'yeah')])).toEqual([{ kind: 'interruption', speaker: 'user', at_ms: 2600, overlap_ms: 400 }]);
  });

  it('ending exactly when the other speaker ends is not ending before: an interruption', () => {
    expect(overlaps([seg('agent', 0, 3000), seg('user', 2500, 3000, 'uh-huh')])).toEqual([{ kind: 'interruption', speaker: 'user', at_ms: 2500, overlap_ms: 500 }]);
  });

  it('agent interrupts user', () => {
    expect(overlaps([seg('user', 0, 4000, 'so the thing is my card'), seg('agent', 3000, 6000, 'Let me stop you there.')])).toEqual([
      { kind: 'interruption', speaker: 'agent', at_ms: 3000, overlap_ms: 1000 },
    ]);
  });

  it('an agent "mm-hmm" inside user speech is the agent\'s backchannel', () => {
    expect(overlaps([seg('user', 0, 6000), seg('agent', 2000, 2500, 'Mm-hmm.')])).toEqual([{ kind: 'backchannel', speaker: 'agent', at_ms: 2000, overlap_ms: 500 }]);
  });

  it('starting together is not starting inside: P.start < S.start', () => {
    expect(overlaps([seg('agent', 1000, 3000), seg('user', 1000, 2000)])).toEqual([]);
  });

  it('speech of the same speaker never overlaps itself', () => {
    expect(overlaps([seg('agent', 0, 3000), seg('agent', 1000, 4000)])).toEqual([]);
  });

  it('with several containing segments, P is the one ending last', () => {
    // the user's 2000-2800 starts inside both agent segments; against 0-2500 it would outlast P
    expect(overlaps([seg('agent', 0, 2500), seg('agent', 1000, 6000), seg('user', 2000, 2800)])).toEqual([
      { kind: 'backchannel', speaker: 'user', at_ms: 2000, overlap_ms: 800 },
    ]);
  });

  it('several events, in order of start', () => {
    const segments = [seg('agent', 0, 5000), seg('user', 4000, 9000, 'no no'), seg('agent', 7000, 7600, 'okay'), seg('user', 1000, 1400, 'mhm')];
    expect(overlaps(segments)).toEqual([
      { kind: 'backchannel', speaker: 'user', at_ms: 1000, overlap_ms: 400 },
      { kind: 'interruption', speaker: 'user', at_ms: 4000, overlap_ms: 1000 },
      { kind: 'backchannel', speaker: 'agent', at_ms: 7000, overlap_ms: 600 },
    ]);
  });
});

describe('isBackchannelText', () => {
  it('every listed phrase, alone, in any case and punctuation', () => {
    expect(BACKCHANNEL_PHRASES.filter((phrase) => !isBackchannelText(phrase))).toEqual([]);
    expect(['Uh-huh.', 'MM-HMM', 'Mhm...', 'OK!', 'Got it, yeah.', 'I see.', 'uh huh', 'Yes, sure, right.'].map(isBackchannelText)).toEqual(Array(8).fill(true));
  });

  it('any other word, or half of a two-word phrase, makes it no backchannel', () => {
    expect(['', '  ...  ', 'got', 'see', 'I', 'yeah but no', 'okay so my card', 'huh', 'yeah?? wait'].map(isBackchannelText)).toEqual(Array(9).fill(false));
  });
});
