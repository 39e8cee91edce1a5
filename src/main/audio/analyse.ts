import { chooseAgentChannel, type AgentChannelReason, type TimeSpan } from './agent-channel';
import { openAudioFile, type DecodedAudio } from './decode';
import { createBandMeters, runModelPass, type BandMeters } from './model-pass';
import { createPeaksAccumulator, type PeaksAccumulator } from './peaks';
import type { SpeechModel } from './speech-model';
import { createSpeechDetector, type SpeechDetector, type SpeechSpan, type VadOptions } from './vad';
import { createLineMeter, type LineMeter } from './line-meter';
import { lineQuality, type ChannelLine } from '../../core/metrics/line-quality';

export interface AnalyseOptions {
  /** the agent's channel when the payload names it. */
  agentChannel: 0 | 1 | null;
  /** the transcript's agent turns (with both times), to tell the channels apart. */
  agentTurns: readonly TimeSpan[];
  peaksPerSecond: number;
  vad?: Partial<VadOptions>;
  /**
   * The speech model (speech-model.ts): with it, the model decides speech versus noise and band
   * levels place the edges (vad-combined.ts) on the two speakers' channels; without it, or for a
   * mono recording, the energy detector alone.
   */
  speechModel?: SpeechModel | null;
}

/** Which detector measured a recording's speech (docs/METRICS.md "Audio"). */
export type VadPath = 'silero+energy' | 'energy';

/**
 * One voice-activity stretch on one channel. `speaker` is null where the channel cannot be
 * attributed: in a mono recording agent and caller share the one channel, so its speech is
 * nobody's in particular (and the audio metrics, which need two speakers, are not computed from
 * it); likewise channels beyond the first two.
 */
export interface AnalysedSegment {
  speaker: 'agent' | 'user' | null;
  channel: number;
  start_ms: number;
  end_ms: number;
}

export interface RecordingAnalysis {
  /** whole milliseconds (rounded). */
  durationMs: number;
  sampleRate: number;
  channelCount: number;
  /** every channel's stretches, by start time. */
  segments: AnalysedSegment[];
  /** null for a mono recording. */
  agentChannel: 0 | 1 | null;
  agentChannelReason: AgentChannelReason | 'mono';
  /** per channel, interleaved min/max pairs (see peaks.ts). */
  peaks: Float32Array[];
  vad: VadPath;
  /** ms of audio the speech model listened to (0 on the energy path). */
  modelHeardMs: number;
  /** each channel's line quality (issue 16), with whose channel it is. */
  lines: ChannelLine[];
}

interface Accumulators {
  /** null on the channels the speech model measures (its spans replace the energy detector's). */
  detectors: (SpeechDetector | null)[];
  peaks: PeaksAccumulator;
  /** for the speech model: stereo recordings analysed with one. */
  bands: BandMeters | null;
  lines: LineMeter[];
}

function accumulators(sampleRate: number, channelCount: number, frameCount: number | null, options: AnalyseOptions): Accumulators {
  const bands = options.speechModel && channelCount >= 2 ? createBandMeters(sampleRate, channelCount) : null;
  return {
    detectors: Array.from({ length: channelCount }, (_, channel) => (bands && channel < bands.meters.length ? null : createSpeechDetector(sampleRate, options.vad))),
    peaks: createPeaksAccumulator(sampleRate, options.peaksPerSecond, channelCount, frameCount),
    bands,
    lines: Array.from({ length: channelCount }, () => createLineMeter(sampleRate)),
  };
}

/** Every analysis reads the same block while it is in cache: one pass over the file. */
function feed(into: Accumulators, block: readonly Float32Array[]): void {
  block.forEach((samples, channel) => {
    into.detectors[channel]?.push(samples);
    into.lines[channel]?.push(samples);
  });
  into.peaks.push(block);
  into.bands?.push(block);
}

interface ChannelSpans {
  spans: SpeechSpan[][];
  vad: VadPath;
  modelHeardMs: number;
}

function conclude(into: Accumulators, sampleRate: number, frames: number, options: AnalyseOptions, found?: ChannelSpans): RecordingAnalysis {
  const energy = into.detectors.map((detector) => detector?.finish() ?? []);
  // the model's spans replace the energy detector's on the channels it measured
  const channelSpans = energy.map((spans, channel) => found?.spans[channel] ?? spans);
  const channelCount = channelSpans.length;
  const levels = into.lines.map((line) => line.finish());
  const linesOf = (speakerOf: (channel: number) => ChannelLine['speaker']): ChannelLine[] =>
    levels.map((frames, channel) => ({ channel, speaker: speakerOf(channel), ...lineQuality(frames, channelSpans[channel] ?? []) }));
  const base = {
    durationMs: Math.round((frames * 1000) / sampleRate),
    sampleRate,
    channelCount,
    peaks: into.peaks.finish(),
    vad: found?.vad ?? 'energy',
    modelHeardMs: found?.modelHeardMs ?? 0,
  } as const;
  if (channelCount < 2) {
    const segments = (channelSpans[0] ?? []).map((span) => ({ speaker: null, channel: 0, ...span }));
    return { ...base, segments, agentChannel: null, agentChannelReason: 'mono', lines: linesOf(() => null) };
  }
  const choice = chooseAgentChannel(channelSpans, options.agentTurns, options.agentChannel);
  const speakerOf = (channel: number): AnalysedSegment['speaker'] =>
    channel === choice.channel ? 'agent' : channel === 1 - choice.channel ? 'user' : null;
  const segments = channelSpans
    .flatMap((spans, channel) => spans.map((span) => ({ speaker: speakerOf(channel), channel, ...span })))
    .sort((a, b) => a.start_ms - b.start_ms || a.channel - b.channel);
  return { ...base, segments, agentChannel: choice.channel, agentChannelReason: choice.reason, lines: linesOf(speakerOf) };
}

/**
 * Decodes, finds speech and computes peaks in one streaming pass: the file is read in blocks and
 * never held whole as floats (an hour of 16 kHz stereo would be 460 MB).
 */
export async function analyseRecording(path: string, options: AnalyseOptions): Promise<RecordingAnalysis> {
  const reader = await openAudioFile(path);
  try {
    const { sampleRate, channelCount, frameCount } = reader.info;
    const into = accumulators(sampleRate, channelCount, frameCount, options);
    let frames = 0;
    for await (const block of reader.blocks()) {
      feed(into, block);
      frames += block[0]?.length ?? 0;
    }
    const model = options.speechModel;
    if (!into.bands || !model) return conclude(into, sampleRate, frames, options);
    const levels = into.bands.meters.map((meter) => meter.finish());
    const pass = await runModelPass(levels, sampleRate, model, () => openAudioFile(path));
    return conclude(into, sampleRate, frames, options, { spans: pass.spans, vad: 'silero+energy', modelHeardMs: pass.heardMs });
  } finally {
    await reader.close();
  }
}

/** The same analysis of audio already decoded, by the energy detector alone. */
export function analyseDecodedAudio(audio: DecodedAudio, options: AnalyseOptions): RecordingAnalysis {
  const frames = audio.channels[0]?.length ?? 0;
  const into = accumulators(audio.sampleRate, audio.channels.length, frames, { ...options, speechModel: null });
  feed(into, audio.channels);
  return conclude(into, audio.sampleRate, frames, options);
}
