import { useState } from 'react';
import { metricColumns, metricOperators, type CallListFilter, type MetricColumn, type MetricFilter } from '../../../core/api/types';
import { metricLabels } from './metric-labels';

/** "p90 latency > 2000 ms": a threshold on a call's figures (several may hold at once). */
export function MetricThresholdForm({ filter, onChange }: { filter: CallListFilter; onChange(filter: CallListFilter): void }) {
  const [column, setColumn] = useState<MetricColumn>('latency_p90_ms');
  const [op, setOp] = useState<MetricFilter['op']>('>');
  const [value, setValue] = useState('2000');
  const active = filter.metrics ?? [];
  return (
    <form
      className="metric-filter-form"
      onSubmit={(event) => {
        event.preventDefault();
        const number = Number(value);
        if (value.trim() === '' || !Number.isFinite(number) || active.length >= 10) return;
        onChange({ ...filter, metrics: [...active, { column, op, value: number }] });
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
  );
}
