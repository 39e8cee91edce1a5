import type { CallListFilter } from '../../../core/api/types';
import { platformLabel } from '../../../core/present/platform-label';
import { formatDuration } from '../shared/format';
import { describeLastDays, describeRange, filterToRange } from './date-range';
import { metricChipText } from './metric-labels';
import { outcomeLabel } from './outcomes';

/**
 * What the filter holds, one chip per condition ("Agent: agent-3"), each with the filter without
 * it. The search text is not a chip: it stays in the search box, where it was typed.
 */

export interface FilterChip {
  /** stable across renders (React key) */
  key: string;
  /** "Agent: agent-3": the chip's text, and after "Remove filter " its button's name */
  label: string;
  without(filter: CallListFilter): CallListFilter;
}

const verdictText = { success: 'success', failure: 'failure', unreviewed: 'unreviewed', reviewed: 'reviewed' } as const;

function durationText(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return `${formatDuration(min)} – ${formatDuration(max)}`;
  return min !== undefined ? `at least ${formatDuration(min)}` : `at most ${formatDuration(max ?? 0)}`;
}

/** Chips in a fixed order (who, how it ended, what was said about it, when, how long, figures). */
export function filterChips(filter: CallListFilter, evaluatorName: (id: string) => string): FilterChip[] {
  const chips: FilterChip[] = [];
  const single = (key: keyof CallListFilter, label: string) => chips.push({ key, label, without: (f) => ({ ...f, [key]: undefined }) });
  if (filter.flagged !== undefined) single('flagged', filter.flagged ? 'Flagged by a watch rule' : 'Not flagged');
  if (filter.verdict) single('verdict', `Verdict: ${verdictText[filter.verdict]}`);
  if (filter.agent_id) single('agent_id', `Agent: ${filter.agent_id}`);
  if (filter.end_reason) single('end_reason', `End reason: ${filter.end_reason}`);
  if (filter.platform) single('platform', `Platform: ${platformLabel(filter.platform)}`);
  for (const tag of filter.tags ?? []) {
    chips.push({
      key: `tag:${tag}`,
      label: `Tag: ${tag}`,
      without: (f) => {
        const tags = (f.tags ?? []).filter((t) => t !== tag);
        return { ...f, tags: tags.length > 0 ? tags : undefined };
      },
    });
  }
  if (filter.started_within_days !== undefined) {
    chips.push({ key: 'date', label: `Date: ${describeLastDays(filter.started_within_days)}`, without: (f) => ({ ...f, started_within_days: undefined }) });
  } else if (filter.started_after || filter.started_before) {
    chips.push({ key: 'date', label: `Date: ${describeRange(filterToRange(filter))}`, without: (f) => ({ ...f, started_after: undefined, started_before: undefined }) });
  }
  if (filter.min_duration_s !== undefined || filter.max_duration_s !== undefined) {
    chips.push({
      key: 'duration',
      label: `Duration: ${durationText(filter.min_duration_s, filter.max_duration_s)}`,
      without: (f) => ({ ...f, min_duration_s: undefined, max_duration_s: undefined }),
    });
  }
  if (filter.reply_latency_ms) {
    const { min, max } = filter.reply_latency_ms;
    chips.push({
      key: 'reply_latency_ms',
      label: `A reply: ${max === undefined ? `${min} ms or more` : `${min}–${max} ms`}`,
      without: (f) => ({ ...f, reply_latency_ms: undefined }),
    });
  }
  (filter.metrics ?? []).forEach((metric, i) => {
    chips.push({
      key: `metric:${i}:${metric.column}${metric.op}${metric.value}`,
      label: metricChipText(metric),
      without: (f) => {
        const metrics = (f.metrics ?? []).filter((_, at) => at !== i);
        return { ...f, metrics: metrics.length > 0 ? metrics : undefined };
      },
    });
  });
  for (const wanted of filter.evaluations ?? []) {
    chips.push({
      key: `evaluation:${wanted.evaluator_id}`,
      label: `${evaluatorName(wanted.evaluator_id)}: ${outcomeLabel(wanted.outcome)}`,
      without: (f) => {
        const evaluations = (f.evaluations ?? []).filter((e) => e.evaluator_id !== wanted.evaluator_id);
        return { ...f, evaluations: evaluations.length > 0 ? evaluations : undefined };
      },
    });
  }
  // set through the REST API or an old saved view: shown, so nothing narrows the list unseen
  if (filter.provider) single('provider', `Provider: ${filter.provider}`);
  if (filter.status) single('status', `Status: ${filter.status}`);
  if (filter.statuses && filter.statuses.length > 0) single('statuses', `Status: ${filter.statuses.join(' or ')}`);
  if (filter.customer_number) single('customer_number', `Customer: ${filter.customer_number}`);
  return chips;
}

/** The filter with every chip removed; the search stays (it has its own box, and its own way to clear). */
export function withoutChips(filter: CallListFilter): CallListFilter {
  return filter.q ? { q: filter.q } : {};
}
