import { callListFilterSchema } from '../api/filter-schema';
import type { CallListFilter, MetricColumn, MetricFilter } from '../api/types';

/**
 * A call filter as one line of text, for the command line and the Compare page:
 *   agent=sales-v2 tag=refund verdict=failure since=2026-11-01 until=2026-11-07 p90>2000 q="refund"
 * or the JSON filter `listCalls` takes (`{"agent_id": "sales-v2"}`). Dates are UTC; `until` a date
 * takes in that whole day. Parsed to the list's filter (validated by callListFilterSchema), with
 * an error that names the bad part.
 */

export class FilterTextError extends Error {}

const METRIC_NAMES: Readonly<Record<string, MetricColumn>> = {
  p50: 'latency_p50_ms',
  p90: 'latency_p90_ms',
  ttfw: 'ttfw_ms',
  interruptions: 'interruption_count',
  silence: 'longest_silence_ms',
  latency_p50_ms: 'latency_p50_ms',
  latency_p90_ms: 'latency_p90_ms',
  ttfw_ms: 'ttfw_ms',
  interruption_count: 'interruption_count',
  longest_silence_ms: 'longest_silence_ms',
  agent_snr: 'agent_snr_db',
  caller_snr: 'caller_snr_db',
  clipping: 'clipping_share',
  dead_air: 'dead_air_ms',
  agent_snr_db: 'agent_snr_db',
  caller_snr_db: 'caller_snr_db',
  clipping_share: 'clipping_share',
  dead_air_ms: 'dead_air_ms',
};
const SHORT_METRIC: Readonly<Record<MetricColumn, string>> = {
  latency_p50_ms: 'p50',
  latency_p90_ms: 'p90',
  ttfw_ms: 'ttfw',
  interruption_count: 'interruptions',
  longest_silence_ms: 'silence',
  agent_snr_db: 'agent_snr',
  caller_snr_db: 'caller_snr',
  clipping_share: 'clipping',
  dead_air_ms: 'dead_air',
};

const TEXT_KEYS = {
  agent: 'agent_id',
  platform: 'platform',
  end_reason: 'end_reason',
  provider: 'provider',
  status: 'status',
  customer: 'customer_number',
  q: 'q',
} as const satisfies Record<string, keyof CallListFilter>;

export const FILTER_KEYS = [...Object.keys(TEXT_KEYS), 'tag', 'verdict', 'since', 'until', 'within', 'duration', 'eval:<evaluator>', ...Object.keys(SHORT_METRIC).map((c) => SHORT_METRIC[c as MetricColumn])];

const OUTCOMES = ['pass', 'fail', 'error', 'not_applicable', 'none'] as const;
const VERDICTS = ['success', 'failure', 'unreviewed', 'reviewed'] as const;

/** The text's parts: whitespace apart, a double-quoted value may hold spaces (`\"` and `\\` inside). */
function tokens(text: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  let started = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (quoted) {
      if (ch === '\\' && i + 1 < text.length) current += text[++i];
      else if (ch === '"') quoted = false;
      else current += ch;
    } else if (ch === '"') {
      quoted = true;
      started = true;
    } else if (/\s/.test(ch)) {
      if (started) out.push(current);
      current = '';
      started = false;
    } else {
      current += ch;
      started = true;
    }
  }
  if (quoted) throw new FilterTextError(`a quote is not closed in "${text.trim()}"`);
  if (started) out.push(current);
  return out;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function instant(part: string, value: string, endOfDay: boolean): string {
  if (DATE.test(value)) {
    const day = new Date(`${value}T00:00:00.000Z`);
    if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value) throw new FilterTextError(`"${part}": ${value} is not a date`);
    if (endOfDay) day.setUTCDate(day.getUTCDate() + 1);
    return day.toISOString();
  }
  const parsed = callListFilterSchema.shape.started_after.safeParse(value);
  if (!parsed.success) throw new FilterTextError(`"${part}": give a date (2026-11-01) or a date and time with its offset (2026-11-01T09:00:00Z)`);
  return new Date(value).toISOString();
}

function number(part: string, value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new FilterTextError(`"${part}": ${value === '' ? 'a number is missing' : `"${value}" is not a number`}`);
  return n;
}

function oneOf<T extends string>(part: string, value: string, allowed: readonly T[]): T {
  const found = allowed.find((a) => a === value);
  if (!found) throw new FilterTextError(`"${part}": give one of ${allowed.join(', ')}`);
  return found;
}

function parseJson(text: string): CallListFilter {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new FilterTextError(`the JSON filter does not parse: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = callListFilterSchema.strict().safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new FilterTextError(`the JSON filter: ${issue?.path.join('.') || '$'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

/** The filter a line of text says; throws FilterTextError naming the part it cannot read. */
export function parseFilterText(text: string): CallListFilter {
  if (text.trim().startsWith('{')) return parseJson(text.trim());
  const filter: CallListFilter = {};
  for (const part of tokens(text)) {
    const match = /^([A-Za-z_][^=<>]*?)(>=|<=|=|>|<)([\s\S]*)$/.exec(part);
    if (!match) throw new FilterTextError(`"${part}" is not key=value (keys: ${FILTER_KEYS.join(', ')})`);
    const [, key = '', op = '', value = ''] = match;
    const metric = METRIC_NAMES[key];
    if (metric) {
      if (op === '=') throw new FilterTextError(`"${part}": compare ${key} with >, >=, < or <=`);
      const metrics: MetricFilter[] = [...(filter.metrics ?? []), { column: metric, op: op as MetricFilter['op'], value: number(part, value) }];
      filter.metrics = metrics;
      continue;
    }
    if (key === 'duration') {
      if (op !== '>=' && op !== '<=') throw new FilterTextError(`"${part}": compare duration (seconds) with >= or <=`);
      const seconds = number(part, value);
      if (op === '>=') filter.min_duration_s = seconds;
      else filter.max_duration_s = seconds;
      continue;
    }
    if (op !== '=') throw new FilterTextError(`"${part}": ${key} takes =`);
    if (value === '') throw new FilterTextError(`"${part}": the value is missing`);
    if (key in TEXT_KEYS) filter[TEXT_KEYS[key as keyof typeof TEXT_KEYS]] = value;
    else if (key === 'tag') filter.tags = [...(filter.tags ?? []), value];
    else if (key === 'verdict') filter.verdict = oneOf(part, value, VERDICTS);
    else if (key === 'since') filter.started_after = instant(part, value, false);
    else if (key === 'until') filter.started_before = instant(part, value, true);
    else if (key === 'within') {
      const days = /^(\d+)d?$/.exec(value);
      if (!days) throw new FilterTextError(`"${part}": give a number of days (within=7d)`);
      filter.started_within_days = Number(days[1]);
    } else if (key.startsWith('eval:') && key.length > 5) {
      filter.evaluations = [...(filter.evaluations ?? []), { evaluator_id: key.slice(5), outcome: oneOf(part, value, OUTCOMES) }];
    } else throw new FilterTextError(`unknown key "${key}" in "${part}" (keys: ${FILTER_KEYS.join(', ')})`);
  }
  const parsed = callListFilterSchema.safeParse(filter);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new FilterTextError(`${issue?.path.join('.') || 'the filter'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

function quote(value: string): string {
  return /^[^\s"\\]+$/.test(value) ? value : `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

const midnight = (iso: string) => iso.endsWith('T00:00:00.000Z');

/** A filter as text that parses back to it; the JSON when the text syntax cannot say it (ticked ids, a queue, several statuses). */
export function formatFilterText(filter: CallListFilter): string {
  if (filter.ids || filter.queue_id !== undefined || filter.statuses) return JSON.stringify(filter);
  const parts: string[] = [];
  for (const [key, field] of Object.entries(TEXT_KEYS)) {
    const value = filter[field];
    if (value !== undefined) parts.push(`${key}=${quote(value)}`);
  }
  for (const tag of filter.tags ?? []) parts.push(`tag=${quote(tag)}`);
  if (filter.verdict) parts.push(`verdict=${filter.verdict}`);
  if (filter.started_after) {
    const iso = new Date(filter.started_after).toISOString();
    parts.push(`since=${midnight(iso) ? iso.slice(0, 10) : iso}`);
  }
  if (filter.started_before) {
    const iso = new Date(filter.started_before).toISOString();
    const dayBefore = new Date(iso);
    dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
    // `until=DAY` means before the next day's midnight; another instant is written out
    parts.push(midnight(iso) ? `until=${dayBefore.toISOString().slice(0, 10)}` : `until=${iso}`);
  }
  if (filter.started_within_days !== undefined) parts.push(`within=${filter.started_within_days}d`);
  if (filter.min_duration_s !== undefined) parts.push(`duration>=${filter.min_duration_s}`);
  if (filter.max_duration_s !== undefined) parts.push(`duration<=${filter.max_duration_s}`);
  for (const m of filter.metrics ?? []) parts.push(`${SHORT_METRIC[m.column]}${m.op}${m.value}`);
  for (const e of filter.evaluations ?? []) parts.push(`${quote(`eval:${e.evaluator_id}`)}=${e.outcome}`);
  return parts.join(' ');
}
