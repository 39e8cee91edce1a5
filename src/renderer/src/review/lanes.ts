/** A waveform lane: which channel of the recording it draws and whose voice that is. */
export interface Lane<T> {
  label: 'Agent' | 'Caller' | 'Mixed' | 'Turns';
  channel: number;
  peaks: T;
}

/**
 * The lanes to draw, the agent always on top whatever channel the recording put it on, so the eye
 * finds the same speaker in the same place from one call to the next. A single channel is one
 * mixed lane; without peaks there is only the turns' timeline.
 */
export function lanesOf<T>(channels: readonly T[], agentChannel: number | null, hasPeaks: boolean): Lane<T>[] {
  const [first, second] = channels;
  if (first === undefined) return [];
  if (!hasPeaks) return [{ label: 'Turns', channel: 0, peaks: first }];
  if (second === undefined) return [{ label: 'Mixed', channel: 0, peaks: first }];
  const agent = agentChannel === 1 ? 1 : 0;
  const caller = 1 - agent;
  return [
    { label: 'Agent', channel: agent, peaks: agent === 0 ? first : second },
    { label: 'Caller', channel: caller, peaks: caller === 0 ? first : second },
  ];
}
