import { analyseRecording } from '../src/main/audio/analyse';
import { generateLongCall, type GeneratedCall } from '../test/support/audio-generate';

/**
 * The time to analyse a 60-minute recording (the accuracy over calls and lines is in
 * audio-conditions.ts).
 */
export interface LongFigures {
  minutes: number;
  seconds: number;
  segments: number;
}

/** Generates a long stereo call (kept in `dir` for the listener figure) and times its analysis here. */
export async function benchLongAnalysis(minutes: number, dir: string): Promise<LongFigures & { call: GeneratedCall }> {
  const call = await generateLongCall(minutes, dir);
  const started = performance.now();
  const analysis = await analyseRecording(call.wavPath, { agentChannel: call.agentChannel, agentTurns: [], peaksPerSecond: 100 });
  return { minutes, seconds: (performance.now() - started) / 1000, segments: analysis.segments.length, call };
}
