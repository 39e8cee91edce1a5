import { useState } from 'react';
import { metricColumns, metricOperators, type MetricColumn, type MetricFilter } from '../../../core/api/types';
import { useCallList } from './store';
import { useApiQuery } from '../query/api-query';
import { callsCsvUrl } from '../api';

export const metricLabels: Record<MetricColumn, string> = {
  latency_p50_ms: 'p50 latency',
  latency_p90_ms: 'p90 latency',
  ttfw_ms: 'TTFW',
  interruption_count: 'interruptions',
  longest_silence_ms: 'longest silence',
};

const verdicts = ['unreviewed', 'success', 'failure'] as const;

const unit = (column: MetricColumn) => (column === 'interruption_count' ? '' : ' ms');

/** Filters such as "p90 latency > 2000 ms" and the verdict, applied in SQL; each shows as a removable chip. */
export function MetricFilters() {
  const filter = useCallList((s) => s.filter);
  const sort = useCallList((s) => s.sort);
  const tags = useApiQuery('listTags', {});
  const setFilter = useCallList((s) => s.setFilter);
  const [column, setColumn] = useState<MetricColumn>('latency_p90_ms');
  const [op, setOp] = useState<MetricFilter['op']>('>');
  const [value, setValue] = useState('2000');
  const active = filter.metrics ?? [];

  const add = () => {
    const number = Number(value);
    if (!Number.isFinite(number)) return;
    setFilter({ ...filter, metrics: [...active, { column, op, value: number }] });
  };
  const remove = (index: number) => {
    const metrics = active.filter((_, i) => i !== index);
    setFilter({ ...filter, metrics: metrics.length > 0 ? metrics : undefined });
  };

  return (
    <div className="filters" role="group" aria-label="Filters">
      <select aria-label="Verdict filter" value={filter.verdict ?? ''} onChange={(e) => setFilter({ ...filter, verdict: verdicts.find((v) => v === e.target.value) })}>
        <option value="">any verdict</option>
        <option value="unreviewed">unreviewed</option>
        <option value="success">success</option>
        <option value="failure">failure</option>
      </select>
      <select
        aria-label="Tag filter"
        value={filter.tags?.[0] ?? ''}
        onChange={(e) => setFilter({ ...filter, tags: e.target.value ? [e.target.value] : undefined })}
      >
        <option value="">any tag</option>
        {(tags.data ?? []).map((t) => (
          <option key={t.name} value={t.name}>
            {t.name} ({t.calls.toLocaleString('en-US')})
          </option>
        ))}
      </select>
      <form
        className="metric-filter-form"
        onSubmit={(event) => {
          event.preventDefault();
          add();
        }}
      >
        <select aria-label="Metric" value={column} onChange={(e) => setColumn(metricColumns.find((c) => c === e.target.value) ?? column)}>
          {metricColumns.map((c) => (
            <option key={c} value={c}>
              {metricLabels[c]}
            </option>
          ))}
        </select>
        <select aria-label="Comparison" value={op} onChange={(e) => setOp(metricOperators.find((o) => o === e.target.value) ?? op)}>
          {metricOperators.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
        <input aria-label="Value" type="number" value={value} onChange={(e) => setValue(e.target.value)} className="metric-value" />
        <button type="submit" className="button small">
          Add filter
        </button>
      </form>
      <a className="button small" href={callsCsvUrl(filter, sort)} download title="Every call of this view with its figures, verdict, tags, notes count and evaluator outcomes">
        Export CSV
      </a>
      {active.map((m, i) => (
        <span key={`${m.column}-${i}`} className="chip">
          {metricLabels[m.column]} {m.op} {m.value}
          {unit(m.column)}
          <button type="button" aria-label={`Remove filter ${metricLabels[m.column]} ${m.op} ${m.value}`} onClick={() => remove(i)}>
            ×
          </button>
        </span>
      ))}
    </div>
  );
}
