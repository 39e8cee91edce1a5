import { describe, expect, it } from 'vitest';
import { chooseAgentChannel, speechAgreement, unionOfSpans } from '../../src/main/audio/agent-channel';

const span = (start_ms: number, end_ms: number): { start_ms: number; end_ms: number } => ({ start_ms, end_ms });

const agentTurns = [span(0, 2000), span(5000, 7000), span(10000, 11000)];
const agentSpeech = [span(80, 1900), span(5100, 6950), span(10050, 10900)];
const userSpeech = [span(2400, 4600), span(7500, 9500)];

describe('chooseAgentChannel', () => {
  it('takes the channel the payload gives, whatever the audio says', () => {
    expect(chooseAgentChannel([agentSpeech, userSpeech], agentTurns, 1)).toEqual({ channel: 1, reason: 'given' });
    expect(chooseAgentChannel([userSpeech, agentSpeech], agentTurns, 0)).toEqual({ channel: 0, reason: 'given' });
  });

  it('picks the channel whose speech matches the transcript agent turns', () => {
    expect(chooseAgentChannel([agentSpeech, userSpeech], agentTurns, null)).toEqual({ channel: 0, reason: 'transcript' });
    expect(chooseAgentChannel([userSpeech, agentSpeech], agentTurns, null)).toEqual({ channel: 1, reason: 'transcript' });
  });

  it('is not fooled by a noisy channel that is "speech" throughout', () => {
    const noisy = [span(0, 12000)];
    expect(chooseAgentChannel([noisy, agentSpeech], agentTurns, null)).toEqual({ channel: 1, reason: 'transcript' });
    expect(chooseAgentChannel([agentSpeech, noisy], agentTurns, null)).toEqual({ channel: 0, reason: 'transcript' });
  });

  it('falls back to channel 0 without a transcript, or when neither channel overlaps it', () => {
    expect(chooseAgentChannel([userSpeech, agentSpeech], [], null)).toEqual({ channel: 0, reason: 'default' });
    expect(chooseAgentChannel([userSpeech, agentSpeech], [span(50000, 60000)], null)).toEqual({ channel: 0, reason: 'default' });
    expect(chooseAgentChannel([[], []], agentTurns, null)).toEqual({ channel: 0, reason: 'default' });
  });

  it('treats a missing second channel as silent', () => {
    expect(chooseAgentChannel([agentSpeech], agentTurns, null)).toEqual({ channel: 0, reason: 'transcript' });
  });
});

describe('speechAgreement', () => {
  it('is intersection over union of covered time, overlapping spans counted once', () => {
    expect(speechAgreement([span(0, 100)], [span(0, 100)])).toBe(1);
    expect(speechAgreement([span(0, 100)], [span(50, 150)])).toBeCloseTo(50 / 150, 10);
    expect(speechAgreement([span(0, 100), span(20, 80)], [span(0, 100)])).toBe(1);
    expect(speechAgreement([], [])).toBe(0);
  });

  it('ignores empty and reversed spans', () => {
    expect(unionOfSpans([span(30, 30), span(50, 10), span(0, 20), span(10, 40)])).toEqual([span(0, 40)]);
  });
});
