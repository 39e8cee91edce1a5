import type { ChannelLine } from '../../core/metrics/line-quality';

/** Messages between the analysis service (main thread) and the audio worker. */

/** The worker's `workerData`, set by the app from its environment (the worker reads no environment). */
export interface AudioWorkerSettings {
  /** CALLSCOPE_VAD=energy: measure by energy alone, without loading the speech model. */
  energyOnly: boolean;
}

export interface AnalyseRequest {
  jobId: number;
  path: string;
  agentChannel: 0 | 1 | null;
  agentTurns: { start_ms: number; end_ms: number }[];
  peaksPerSecond: number;
  /** where the worker writes the waveform peaks (Float32 min/max pairs, channel after channel). */
  peaksPath: string;
}

export interface AnalyseSegment {
  speaker: 'agent' | 'user' | null;
  channel: number;
  start_ms: number;
  end_ms: number;
}

export type AnalyseResponse =
  | {
      jobId: number;
      ok: true;
      durationMs: number;
      sampleRate: number;
      channelCount: number;
      agentChannel: number | null;
      agentChannelReason: string;
      segments: AnalyseSegment[];
      analysisMs: number;
      /** which voice-activity path measured it; `vadNote` says why the model was not used. */
      vad: 'silero+energy' | 'energy';
      vadNote: string | null;
      /** each channel's line quality (issue 16). */
      lines: ChannelLine[];
    }
  | { jobId: number; ok: false; error: string };
