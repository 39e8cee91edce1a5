/**
 * The normalized call (DESIGN §2). Every payload format is turned into this shape by
 * `core/formats`; the store, the metrics and the UI only ever see this shape.
 * Times inside a call are milliseconds from call start; instants are UTC ISO-8601 with ms.
 */

/** `other`: a speaker the payload names with a role we do not know; the turn keeps that name (`raw_role`). */
export type Role = 'agent' | 'user' | 'tool' | 'other';

export interface Word {
  text: string;
  start_ms: number;
  end_ms: number;
}

export interface ToolInvocation {
  name: string;
  arguments: unknown;
  result: unknown;
}

export interface Turn {
  idx: number;
  role: Role;
  text: string;
  /** null when the payload carries no time: never guessed. */
  start_ms: number | null;
  end_ms: number | null;
  words: Word[] | null;
  tool: ToolInvocation | null;
  /** the provider's own "interrupted" flag, null when it says nothing. */
  interrupted: boolean | null;
  agent_name: string | null;
  /** the payload's own role name, for a turn whose role is `other` (never sinks the call). */
  raw_role?: string;
  /** a turn over 64 KiB is stored cut: its size in bytes before the cut (absent when whole). */
  original_bytes?: number;
}

export type JsonObject = Record<string, unknown>;

/** A judgement the platform itself made of the call (a Cekura metric), kept as it reported it. */
export interface ProviderEvaluation {
  /** the platform's name for the check. */
  name: string;
  /** the platform's id for it, as a string. */
  id: string | null;
  /** how the platform types it (`binary`, `numeric`, ...). */
  type: string | null;
  passed: boolean | null;
  score: number | null;
  explanation: string | null;
}

/** What a payload says about a call; everything except identity may be null. */
export interface CallFacts {
  provider: string;
  source_format: string;
  /** the provider's call id; null when the format has none (the store derives a content hash). */
  external_id: string | null;
  /** the voice platform the sender named (seed 000 `provider_platform`), else the provider. */
  platform: string;
  agent_id: string | null;
  direction: string | null;
  from_number: string | null;
  to_number: string | null;
  customer_number: string | null;
  started_at: string | null;
  ended_at: string | null;
  duration_s: number | null;
  status: string | null;
  end_reason: string | null;
  recording_url: string | null;
  stereo_recording_url: string | null;
  agent_channel: number | null;
  metadata: JsonObject | null;
  dynamic_variables: JsonObject | null;
  cost_usd: number | null;
  provider_metrics: JsonObject | null;
  /** the platform's own evaluations of the call, as reported (null: none reported). */
  provider_evaluations: ProviderEvaluation[] | null;
  /** top-level fields the format does not interpret, kept as sent. */
  extra: JsonObject | null;
}

export interface NormalizedCall {
  call: CallFacts;
  turns: Turn[];
}

export type Verdict = 'success' | 'failure';

/** A call as stored: the facts plus the store's own identity and review state. */
export interface StoredCall extends CallFacts {
  id: number;
  uuid: string;
  short_id: string;
  external_id: string;
  recording_path: string | null;
  verdict: Verdict | null;
  reviewed_at: string | null;
  turn_count: number;
  created_at: string;
  updated_at: string;
  /** headline timing figures (docs/METRICS.md), from the recording when analysed, else the transcript. */
  latency_p50_ms: number | null;
  latency_p90_ms: number | null;
  ttfw_ms: number | null;
  interruption_count: number | null;
  longest_silence_ms: number | null;
  metrics_source: 'audio' | 'transcript' | null;
  /** line quality from the recording (issue 16; null until analysed). */
  agent_snr_db: number | null;
  caller_snr_db: number | null;
  clipping_share: number | null;
  dead_air_ms: number | null;
}

export const emptyCallFacts = (provider: string, sourceFormat: string): CallFacts => ({
  provider,
  source_format: sourceFormat,
  external_id: null,
  platform: provider,
  agent_id: null,
  direction: null,
  from_number: null,
  to_number: null,
  customer_number: null,
  started_at: null,
  ended_at: null,
  duration_s: null,
  status: null,
  end_reason: null,
  recording_url: null,
  stereo_recording_url: null,
  agent_channel: null,
  metadata: null,
  dynamic_variables: null,
  cost_usd: null,
  provider_metrics: null,
  provider_evaluations: null,
  extra: null,
});

/** A reviewer's note, anchored to a time in the call (null: about the whole call). */
export interface CallNote {
  id: number;
  at_ms: number | null;
  text: string;
  created_at: string;
}
