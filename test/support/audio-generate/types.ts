export type Speaker = 'agent' | 'user';
export type UtteranceKind = 'turn' | 'interruption' | 'backchannel';

export interface ScriptedUtterance {
  speaker: Speaker;
  text: string;
  /** when the speech starts, in ms from the start of the recording. */
  start_ms: number;
  /** espeak-ng voice, e.g. 'en-us', 'en-gb-scotland', 'en-us+f3' (default 'en-us'). */
  voice?: string;
  kind?: UtteranceKind;
  /** espeak-ng speed in words per minute (default 175). */
  speed?: number;
  /**
   * For an interruption: how long the interrupted speaker keeps talking after this utterance
   * starts before yielding (default 500 ms), i.e. the overlap, unless that speech ends sooner.
   */
  overlap_ms?: number;
}

export interface CallScript {
  utterances: ScriptedUtterance[];
  agentChannel?: 0 | 1;
  /** background noise on both channels: pink noise at this RMS level in dBFS; none when null or absent. */
  noiseDb?: number | null;
  /** silence after the last speech, ms (default 500). */
  tailMs?: number;
}

export interface TruthUtterance {
  speaker: Speaker;
  text: string;
  start_ms: number;
  end_ms: number;
  /** as measured per docs/METRICS.md from the rendered timings: 'turn', 'interruption' or 'backchannel'. */
  kind: string;
}

export interface OverlapEvent {
  at_ms: number;
  overlap_ms: number;
}

export interface CallTruth {
  utterances: TruthUtterance[];
  latencies: { at_ms: number; ms: number }[];
  user_interrupts_agent: OverlapEvent[];
  agent_interrupts_user: OverlapEvent[];
  backchannels: (OverlapEvent & { speaker: Speaker })[];
  silences: { start_ms: number; end_ms: number }[];
}

export interface GeneratedCall {
  /** stereo 16-bit PCM WAV, 16000 Hz. */
  wavPath: string;
  agentChannel: 0 | 1;
  durationMs: number;
  /** measured from the audio actually rendered, per docs/METRICS.md. */
  truth: CallTruth;
  /** what a platform would send: one turn per utterance, whole milliseconds. */
  transcript: { role: Speaker; text: string; start_ms: number; end_ms: number }[];
}
