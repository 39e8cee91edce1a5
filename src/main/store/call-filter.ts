import { NOT_APPLICABLE } from '../../core/evaluators/verdict';
import type { CallListQuery, CallSortColumn, MetricFilter } from '../../core/api/types';
import { exactMatchExpression, ftsMatchExpression } from './fts-query';
import { NEWEST_RESULT } from './evaluation-results';
import { callsWithNumberSql } from './call-numbers';
import { callsTaggedSql } from './tags';
import { NOT_TRASHED } from './call-trash';
import { FLAGGED_CALLS_SQL } from './call-flags';
import { phoneKeys } from '../../core/search/phone-keys';

/** The list filter as SQL: each condition, and for the ones an index can find fast, how. */

export const sortColumns = {
  started_at: 'started_at',
  created_at: 'created_at',
  duration_s: 'duration_s',
  provider: 'provider',
  turn_count: 'turn_count',
  latency_p50_ms: 'latency_p50_ms',
  latency_p90_ms: 'latency_p90_ms',
  ttfw_ms: 'ttfw_ms',
  interruption_count: 'interruption_count',
  longest_silence_ms: 'longest_silence_ms',
  agent_snr_db: 'agent_snr_db',
  caller_snr_db: 'caller_snr_db',
  clipping_share: 'clipping_share',
  dead_air_ms: 'dead_air_ms',
} as const satisfies Record<CallSortColumn, string>;

const metricIndexes = {
  latency_p50_ms: 'calls_by_latency_p50',
  latency_p90_ms: 'calls_by_latency_p90',
  ttfw_ms: 'calls_by_ttfw',
  interruption_count: 'calls_by_interruptions',
  longest_silence_ms: 'calls_by_longest_silence',
  agent_snr_db: 'calls_by_agent_snr',
  caller_snr_db: 'calls_by_caller_snr',
  clipping_share: 'calls_by_clipping',
  dead_air_ms: 'calls_by_dead_air',
} as const satisfies Record<MetricFilter['column'], string>;

/**
 * Below these counts a query starts from the condition and sorts its few rows; above them it walks
 * the list order and checks each call. A search match costs ~1 µs to gather and ~20 µs to check
 * one by one, so gathering wins up to some 40,000 matches in a million calls.
 */
const RARE_ROWS = 2_000;
const RARE_MATCHES = 40_000;
/** The most calls a queue is sampled with (triage-contract.ts): a queue's calls are always few enough to gather. */
const QUEUE_ROWS = 10_000;

const metricOperatorSql = { '>': '>', '>=': '>=', '<': '<', '<=': '<=' } as const satisfies Record<MetricFilter['op'], string>;

/**
 * A way to reach a condition's calls without scanning the list order: an index to read
 * (`INDEXED BY`), or a query for the candidate ids (column `cid`).
 */
export type Driver = ({ index: string; condition: string } | { candidates: string }) & {
  /** the most rows for which starting from this driver beats scanning the list order */
  rare: number;
  /** the condition's position in `conditions`, and how to write it when it is not rare */
  at: number;
  whenCommon?: string;
};

export interface Where {
  conditions: string[];
  params: Record<string, unknown>;
  drivers: Driver[];
  /** whether the last condition is the one that hides trashed calls (the filter itself may have none). */
  trashHidden: boolean;
}

/** The most ids a filter may name (the ticked calls): a list that short is always gathered first. */
export const MAX_FILTER_IDS = 10_000;

/**
 * `WHERE ...` from the conditions. For a page (which stops at ~100 rows), conditions not driving
 * the query take their common-case form; a count visits every match, so it keeps the gathering form.
 */
export function whereSql(where: Where, driving: Driver | null, purpose: 'page' | 'count'): string {
  const conditions = where.conditions.map((condition, at) => {
    const driver = where.drivers.find((d) => d.at === at);
    return purpose === 'page' && driver && driver !== driving && driver.whenCommon ? driver.whenCommon : condition;
  });
  return conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
}

/** Local midnight starting the first of the last `days` calendar days (today is the last). */
export function firstOfLastDays(days: number, now: Date): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() - (days - 1));
}

/** The indexed words starting with a prefix (at most a few more than a check call by call can take). */
export type WordsWithPrefix = (prefix: string) => string[];

/**
 * The filter's conditions. `hideTrashed` (the caller says whether the trash holds anything) adds
 * the one condition every list, count, export, search, sample and view reads trashed calls out by;
 * with an empty trash it is left out, so the SQL and its plan are what they were before the trash.
 */
export function whereClause(filter: CallListQuery['filter'], wordsWithPrefix: WordsWithPrefix = () => [], hideTrashed = false): Where {
  const clauses: string[] = [];
  const params: Record<string, unknown> = {};
  const drivers: Driver[] = [];
  const add = (sql: string, values: Record<string, unknown> = {}) => {
    clauses.push(sql);
    Object.assign(params, values);
  };
  if (filter.ids) {
    // the ticked calls (a CSV of them, how many are in this view): a short list, read id by id
    add('id IN (SELECT value FROM json_each(@ids))', { ids: JSON.stringify(filter.ids) });
    drivers.push({ candidates: 'SELECT DISTINCT value AS cid FROM json_each(@ids)', rare: MAX_FILTER_IDS, at: clauses.length - 1 });
  }
  if (filter.provider) add('provider = @provider', { provider: filter.provider });
  if (filter.status) add('status = @status', { status: filter.status });
  if (filter.statuses && filter.statuses.length > 0) {
    const names = filter.statuses.map((_, i) => `status_${i}`);
    add(`status IN (${names.map((n) => `@${n}`).join(', ')})`, Object.fromEntries(names.map((n, i) => [n, filter.statuses?.[i]])));
  }
  // agent, verdict and status have (value, started_at) indexes: the default order reads them directly.
  if (filter.agent_id) add('agent_id = @agent_id', { agent_id: filter.agent_id });
  if (filter.customer_number) add('customer_number = @customer_number', { customer_number: filter.customer_number });
  if (filter.platform) {
    add('platform = @platform', { platform: filter.platform });
    drivers.push({ index: 'calls_by_platform', condition: 'platform = @platform', rare: RARE_ROWS, at: clauses.length - 1 });
  }
  if (filter.end_reason) {
    add('end_reason = @end_reason', { end_reason: filter.end_reason });
    drivers.push({ index: 'calls_by_end_reason', condition: 'end_reason = @end_reason', rare: RARE_ROWS, at: clauses.length - 1 });
  }
  if (filter.queue_id !== undefined) {
    // a queue holds at most a few thousand calls: the query always starts from them
    const candidates = 'SELECT call_id AS cid FROM review_queue_items WHERE queue_id = @queue_id';
    add(`id IN (${candidates})`, { queue_id: filter.queue_id });
    drivers.push({ candidates, rare: QUEUE_ROWS, at: clauses.length - 1 });
  }
  if (filter.flagged === true) {
    // flags are few (a failing watch rule on a share of the calls): gathered from their own index
    add(`id IN (${FLAGGED_CALLS_SQL})`);
    drivers.push({ candidates: FLAGGED_CALLS_SQL, rare: RARE_ROWS, at: clauses.length - 1 });
  } else if (filter.flagged === false) add(`id NOT IN (${FLAGGED_CALLS_SQL})`);
  (filter.tags ?? []).forEach((tag, i) => {
    const candidates = callsTaggedSql(`tag_${i}`);
    add(`id IN (${candidates})`, { [`tag_${i}`]: tag });
    drivers.push({ candidates, rare: RARE_ROWS, at: clauses.length - 1 });
  });
  if (filter.min_duration_s !== undefined) {
    add('duration_s >= @min_duration_s', { min_duration_s: filter.min_duration_s });
    drivers.push({ index: 'calls_by_duration', condition: 'duration_s >= @min_duration_s', rare: RARE_ROWS, at: clauses.length - 1 });
  }
  if (filter.max_duration_s !== undefined) {
    add('duration_s <= @max_duration_s', { max_duration_s: filter.max_duration_s });
    drivers.push({ index: 'calls_by_duration', condition: 'duration_s <= @max_duration_s', rare: RARE_ROWS, at: clauses.length - 1 });
  }
  if (filter.verdict === 'unreviewed') add('verdict IS NULL');
  else if (filter.verdict === 'reviewed') {
    // two verdict values, so (verdict, started_at) cannot give the list order: while few calls are
    // reviewed (a new store), start from them rather than walk the whole list past unreviewed ones
    add('verdict IS NOT NULL');
    drivers.push({ index: 'calls_by_verdict', condition: 'verdict IS NOT NULL', rare: RARE_ROWS, at: clauses.length - 1 });
  } else if (filter.verdict) add('verdict = @verdict', { verdict: filter.verdict });
  if (filter.started_after) add('started_at >= @started_after', { started_after: new Date(filter.started_after).toISOString() });
  if (filter.started_before) add('started_at < @started_before', { started_before: new Date(filter.started_before).toISOString() });
  if (filter.started_within_days !== undefined) add('started_at >= @started_within', { started_within: firstOfLastDays(filter.started_within_days, new Date()).toISOString() });
  (filter.metrics ?? []).forEach((metric, i) => {
    // Column and operator come from closed lists (validated by the contract); only the value is bound.
    const condition = `${sortColumns[metric.column]} ${metricOperatorSql[metric.op]} @metric_${i}`;
    add(condition, { [`metric_${i}`]: metric.value });
    drivers.push({ index: metricIndexes[metric.column], condition, rare: RARE_ROWS, at: clauses.length - 1 });
  });
  if (filter.reply_latency_ms) {
    // a histogram bar's calls: at least one reply in the bar's range (the call's replies by primary key)
    const { min, max } = filter.reply_latency_ms;
    const range = `rl.ms >= @rl_min${max === undefined ? '' : ' AND rl.ms < @rl_max'}`;
    add(`EXISTS (SELECT 1 FROM reply_latencies rl WHERE rl.call_id = calls.id AND ${range})`, { rl_min: min, ...(max === undefined ? {} : { rl_max: max }) });
  }
  (filter.evaluations ?? []).forEach((wanted, i) => {
    const latest = `SELECT r.call_id, r.status, r.passed, r.verdict FROM evaluation_results r JOIN evaluators e ON e.id = r.evaluator_id
      WHERE e.public_id = @eval_${i} AND ${NEWEST_RESULT}`;
    const condition = {
      pass: "status = 'done' AND passed = 1",
      fail: "status = 'done' AND passed = 0",
      error: "status = 'failed'",
      not_applicable: `status = 'done' AND verdict = '${NOT_APPLICABLE}'`,
      none: '',
    }[wanted.outcome];
    if (wanted.outcome === 'none') {
      add(`id NOT IN (SELECT call_id FROM (${latest}))`, { [`eval_${i}`]: wanted.evaluator_id });
    } else {
      const candidates = `SELECT call_id AS cid FROM (${latest}) WHERE ${condition}`;
      add(`id IN (${candidates})`, { [`eval_${i}`]: wanted.evaluator_id });
      drivers.push({ candidates, rare: RARE_ROWS, at: clauses.length - 1 });
    }
  });
  if (filter.q) {
    // Each way a search can match is its own indexed lookup; one OR over them all would scan every call.
    const match = ftsMatchExpression(filter.q);
    // a phone number in any written form ("4155551000" finds "+1 415-555-1000")
    const numberKeys = phoneKeys(filter.q);
    const candidates = [
      'SELECT id AS cid FROM calls WHERE external_id = @q',
      'SELECT id FROM calls WHERE short_id = @q',
      'SELECT id FROM calls WHERE agent_id = @q',
      'SELECT id FROM calls WHERE end_reason = @q',
      'SELECT id FROM calls WHERE from_number = @q',
      'SELECT id FROM calls WHERE to_number = @q',
      ...(numberKeys.length > 0 ? [callsWithNumberSql(numberKeys.length)] : []),
      ...(match ? ['SELECT rowid FROM call_text_fts WHERE call_text_fts MATCH @match'] : []),
    ].join(' UNION ');
    const keyParams = Object.fromEntries(numberKeys.map((key, i) => [`number_key_${i}`, key]));
    add(`id IN (${candidates})`, { q: filter.q.trim(), ...keyParams, ...(match ? { match } : {}) });
    // A common word: check each call in list order against the index (a page needs ~100 checks)
    // rather than gathering every match first (half a million rowids for "subscription").
    const exact = match ? exactMatchExpression(filter.q, wordsWithPrefix) : null;
    const whenCommon = exact
      ? `(external_id = @q OR short_id = @q OR agent_id = @q OR end_reason = @q OR from_number = @q OR to_number = @q${numberKeys.length > 0 ? ` OR id IN (${callsWithNumberSql(numberKeys.length)})` : ''} OR EXISTS (SELECT 1 FROM call_text_fts WHERE call_text_fts MATCH @exact_match AND rowid = calls.id))`
      : undefined;
    if (exact) params.exact_match = exact;
    drivers.push({ candidates, rare: RARE_MATCHES, at: clauses.length - 1, ...(whenCommon ? { whenCommon } : {}) });
  }
  // last, so the drivers' positions above stay as they are
  if (hideTrashed) clauses.push(NOT_TRASHED);
  return { conditions: clauses, params, drivers, trashHidden: hideTrashed };
}
