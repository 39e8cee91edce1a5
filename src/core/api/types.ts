import type { OverlapClassCounts } from '../metrics/overlap-review';
import type { z } from 'zod';
import type { Outcome } from '../evaluators/verdict';
import type { CallNote, StoredCall, Turn } from '../model/call';
import type { RunProgress } from '../evaluators/run-progress';
import type { FlagEntry } from './watch-contract';
import type { callListFilterSchema, callListQuerySchema, metricFilterSchema } from './filter-schema';
import type { settingsPatchSchema } from './settings-schema';

/** Where a call's recording analysis stands. */
export type AudioStatus = 'queued' | 'fetching' | 'analysing' | 'done' | 'failed';

/**
 * Shapes that cross the API boundary (both transports), shared by main and renderer. This module
 * holds no zod at run time (the renderer imports it); a shape that has an input schema is its type.
 */

/** Headline timing figures on each call (audio when analysed, else transcript), sortable and filterable in SQL. */
export const metricColumns = [
  'latency_p50_ms', 'latency_p90_ms', 'ttfw_ms', 'interruption_count', 'longest_silence_ms',
  // line quality from the recording (issue 16): null until it is analysed
  'agent_snr_db', 'caller_snr_db', 'clipping_share', 'dead_air_ms',
] as const;
export type MetricColumn = (typeof metricColumns)[number];

export const callSortColumns = ['started_at', 'created_at', 'duration_s', 'provider', 'turn_count', ...metricColumns] as const;
export type CallSortColumn = (typeof callSortColumns)[number];

export const metricOperators = ['>', '>=', '<', '<='] as const;
export type MetricFilter = z.output<typeof metricFilterSchema>;
/** The calls list's filter (filter-schema.ts). */
export type CallListFilter = z.output<typeof callListFilterSchema>;
/** listCalls' input once validated: every default filled in. */
export type CallListQuery = z.output<typeof callListQuerySchema>;

export type CallListRow = Pick<
  StoredCall,
  | 'id' | 'uuid' | 'short_id' | 'provider' | 'platform' | 'external_id' | 'agent_id' | 'from_number'
  | 'to_number' | 'customer_number' | 'started_at' | 'ended_at' | 'duration_s' | 'status' | 'end_reason'
  | 'turn_count' | 'verdict' | 'created_at' | MetricColumn | 'metrics_source'
>;

/** The newest result of each evaluator on a listed call, by evaluator id (the list's result columns). */
export interface RowEvaluation {
  outcome: Outcome;
  verdict: string | null;
  score: number | null;
}

export interface CallPage {
  /**
   * each row with its newest evaluator outcomes, `agent_history` (the agents that spoke, in order: seed 002's
   * field), `caller_opening` (the first words of its first caller turn; null when the caller never spoke)
   * and its `tags`.
   */
  rows: (CallListRow & {
    evaluations?: Record<string, RowEvaluation>;
    agent_history: string[];
    caller_opening?: string | null;
    tags?: string[];
    /** the call's overlaps by class, a reviewer's label in place of the automatic class (issue 16); null when not measurable. */
    overlap_counts?: OverlapClassCounts | null;
  })[];
  total: number;
  /** false when `total` is a lower bound (count 'bound' and more rows after this page) */
  total_exact: boolean;
}

export interface CallMedia {
  /** a playable recording is on this machine (uploaded, imported or fetched). */
  audio: boolean;
  /** precomputed waveform peaks exist (the recording was analysed). */
  peaks: boolean;
  channels: number | null;
  duration_ms: number | null;
  agent_channel: number | null;
}

export interface CallDetail {
  call: StoredCall;
  turns: Turn[];
  notes: CallNote[];
  media: CallMedia;
  /** the agents that spoke, in order (seed 002's `agent_history`). */
  agent_history: string[];
  /** the call's tags, in name order. */
  tags: string[];
}

/**
 * Where to send calls. It carries no API key: the key is read only on an explicit reveal
 * (`revealApiKey`), so a script that lists the listener learns nothing it could post with.
 */
export interface ListenerInfo {
  /** base URL of the local listener, e.g. http://127.0.0.1:8787 */
  url: string | null;
  /** why the listener is not running, when it is not. */
  error: string | null;
  ingest_path: string;
  /** a curl command with `api_key_placeholder` where the key goes. */
  curl_example: string;
  api_key_placeholder: string;
}

/** The listener's API key, for the UI's "Reveal" (and "Copy"): asked for one click at a time. */
export interface RevealedApiKey {
  api_key: string;
  /** where it is set: CALLSCOPE_API_KEY, or the data folder's config.json. */
  source: 'env' | 'config';
}

export interface ImportProgress {
  files_done: number;
  files_total: number;
  bytes_done: number;
  bytes_total: number;
  imported: number;
  merged: number;
  duplicates: number;
  failed: number;
  /** the file being read now. */
  current: string | null;
}

export interface ImportSummary {
  imported: number;
  merged: number;
  duplicates: number;
  failed: number;
  files: number;
  /** recordings attached to calls by file stem. */
  attached: number;
  failures: { source: string; message: string }[];
  cancelled: boolean;
  /** calls read, by the format each was read as (`retell.transcript`: a bare Retell transcript). */
  formats: Record<string, number>;
}

/** The providers whose native webhooks the listener takes (`/webhooks/<name>`), each with its own signing secret. */
export const webhookProviderNames = ['retell', 'elevenlabs', 'bland', 'vapi'] as const;
export type WebhookProviderName = (typeof webhookProviderNames)[number];

/** One value per webhook provider. */
export function byWebhookProvider<V>(value: (provider: WebhookProviderName) => V): Record<WebhookProviderName, V> {
  // fromEntries loses the key type; every provider is a key
  return Object.fromEntries(webhookProviderNames.map((provider) => [provider, value(provider)])) as Record<WebhookProviderName, V>;
}

export interface Settings {
  data_dir: string;
  /** where the listener answers now (null when it is not running). */
  listener_url: string | null;
  api_key_source: 'env' | 'config';
  listener_port: number;
  body_limit_bytes: number;
  /** replies slower than this are flagged as slow. */
  slow_reply_ms: number;
  /** write-only secrets: whether each is set, and whether the environment sets it. */
  webhook_secrets: Record<WebhookProviderName, { set: boolean; from_env: boolean }>;
  /**
   * hosts a call's recording_url may point at although they are on this machine or a private
   * network (every other such address is refused): host names, IPs or CIDR ranges.
   */
  recording_fetch_allow_hosts: string[];
}

export type SettingsPatch = z.output<typeof settingsPatchSchema>;

/** Where a call's recording analysis stands after `analyseRecording` queued it (or, with `wait`, once it ended). */
export interface RecordingAnalysis {
  queued: true;
  /** null only when the app is closing (nothing was queued). */
  status: AudioStatus | null;
  error: string | null;
}

/** `labelled`: a reviewer confirmed or changed an overlap's class (issue 16). */
export type CallChange = 'created' | 'merged' | 'deleted' | 'reviewed' | 'labelled';

/** Whether the store can write: the UI shows a banner while the data folder's disk is full. */
export interface StorageStatus {
  disk_full: boolean;
  /** when writes started failing (null while they succeed). */
  since: string | null;
  /** what to tell the user, null while all is well. */
  message: string | null;
}

/** Events pushed from main to every open window (IPC) or browser tab (server-sent events). */
export interface ApiEvents {
  'calls.changed': { ids: number[]; change: CallChange };
  /** a call's recording analysis moved on (queued, fetching, analysing, done, failed): its media and figures change. */
  'audio.changed': { ids: number[]; status: AudioStatus };
  'import.progress': ImportProgress & { import_id: string };
  'import.finished': ImportSummary & { import_id: string };
  'evaluation.progress': EvaluationProgressEvent;
  'evaluation.finished': EvaluationProgressEvent;
  'storage.changed': StorageStatus;
  /**
   * watch rules failed on arriving calls: the newest flags raised (at most 20) and how many in all;
   * with none (count 0), flags were seen or cleared: the counts changed.
   */
  'calls.flagged': { flags: FlagEntry[]; count: number };
}

/** A run's progress as events carry it and screens show it (the run view's `progress` is the same type). */
export interface EvaluationProgressEvent {
  run_id: string;
  status: 'running' | 'completed' | 'cancelled';
  progress: RunProgress;
}

/** Call results reviewed by a `setVerdict`: what changed, not the whole call. */
export interface CallReview {
  id: number;
  verdict: 'success' | 'failure' | null;
  reviewed_at: string | null;
}

/** A call's notes after `addNote` / `deleteNote`. */
export interface CallNotes {
  id: number;
  notes: CallNote[];
}
export type ApiEventName = keyof ApiEvents;
