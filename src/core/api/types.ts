import type { Outcome } from '../evaluators/verdict';
import type { CallNote, StoredCall, Turn, Verdict } from '../model/call';

/** Shapes that cross the API boundary (both transports), shared by main and renderer. */

/** Headline timing figures on each call (audio when analysed, else transcript), sortable and filterable in SQL. */
export const metricColumns = ['latency_p50_ms', 'latency_p90_ms', 'ttfw_ms', 'interruption_count', 'longest_silence_ms'] as const;
export type MetricColumn = (typeof metricColumns)[number];

export const callSortColumns = ['started_at', 'created_at', 'duration_s', 'provider', 'turn_count', ...metricColumns] as const;
export type CallSortColumn = (typeof callSortColumns)[number];

export const metricOperators = ['>', '>=', '<', '<='] as const;
export interface MetricFilter {
  column: MetricColumn;
  op: (typeof metricOperators)[number];
  value: number;
}

export interface CallListFilter {
  /** words in the transcript (full-text), or an exact call id / short id / phone number. */
  q?: string | undefined;
  provider?: string | undefined;
  status?: string | undefined;
  /** any of these statuses (the seed-002 filter maps one of its words to several of ours). */
  statuses?: string[] | undefined;
  agent_id?: string | undefined;
  customer_number?: string | undefined;
  verdict?: Verdict | 'unreviewed' | undefined;
  started_after?: string | undefined;
  started_before?: string | undefined;
  /** e.g. `{column: 'latency_p90_ms', op: '>', value: 2000}`; all must hold. */
  metrics?: MetricFilter[] | undefined;
  /** the newest result of an evaluator on the call; all must hold. */
  evaluations?: { evaluator_id: string; outcome: 'pass' | 'fail' | 'error' | 'not_applicable' | 'none' }[] | undefined;
}

export interface CallListQuery {
  offset: number;
  limit: number;
  sort: { column: CallSortColumn; direction: 'asc' | 'desc' };
  filter: CallListFilter;
}

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
  rows: (CallListRow & { evaluations?: Record<string, RowEvaluation> })[];
  total: number;
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
}

export interface ListenerInfo {
  /** base URL of the local listener, e.g. http://127.0.0.1:8787 */
  url: string | null;
  /** why the listener is not running, when it is not. */
  error: string | null;
  api_key: string;
  ingest_path: string;
  curl_example: string;
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

export type WebhookProviderName = 'retell' | 'elevenlabs' | 'bland' | 'vapi';

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
}

export interface SettingsPatch {
  /** a string sets the secret, null or '' clears it, absent leaves it. */
  webhook_secrets?: Partial<Record<WebhookProviderName, string | null>> | undefined;
  body_limit_bytes?: number | undefined;
  listener_port?: number | undefined;
  slow_reply_ms?: number | undefined;
}

export type CallChange = 'created' | 'merged' | 'deleted' | 'reviewed';

/** Events pushed from main to every open window (IPC) or browser tab (server-sent events). */
export interface ApiEvents {
  'calls.changed': { ids: number[]; change: CallChange };
  'import.progress': ImportProgress & { import_id: string };
  'import.finished': ImportSummary & { import_id: string };
  'evaluation.progress': EvaluationProgressEvent;
  'evaluation.finished': EvaluationProgressEvent;
}

export interface EvaluationProgressEvent {
  run_id: string;
  status: 'running' | 'completed' | 'cancelled';
  counts: Record<'pending' | 'running' | 'done' | 'failed' | 'reused' | 'cancelled', number> & { total: number };
}
export type ApiEventName = keyof ApiEvents;
