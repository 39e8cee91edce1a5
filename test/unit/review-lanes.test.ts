import { describe, expect, it } from 'vitest';
import { lanesOf } from '../../src/renderer/src/review/lanes';

describe('waveform lanes', () => {
  it('puts the agent on top whichever channel carries it', () => {
    expect(lanesOf(['left', 'right'], 0, true).map((l) => [l.label, l.peaks])).toEqual([['Agent', 'left'], ['Caller', 'right']]);
    expect(lanesOf(['left', 'right'], 1, true).map((l) => [l.label, l.peaks, l.channel])).toEqual([['Agent', 'right', 1], ['Caller', 'left', 0]]);
  });

  it('an unknown agent channel reads as the first; one channel is one mixed lane; no peaks is the turns timeline', () => {
    expect(lanesOf(['left', 'right'], null, true).map((l) => l.label)).toEqual(['Agent', 'Caller']);
    expect(lanesOf(['mono'], 1, true)).toEqual([{ label: 'Mixed', channel: 0, peaks: 'mono' }]);
    expect(lanesOf(['empty'], null, false)).toEqual([{ label: 'Turns', channel: 0, peaks: 'empty' }]);
    expect(lanesOf([], 0, true)).toEqual([]);
  });
});
