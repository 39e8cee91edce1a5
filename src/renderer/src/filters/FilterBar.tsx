import { useCallList } from '../calls/store';
import { callsCsvUrl } from '../api';
import { SaveViewButton } from '../views/SaveViewButton';
import { FacetSelect, TagSelect, VerdictSelect } from './ChoiceFilters';
import { DateRangePicker } from './DateRangePicker';
import { DurationRange } from './DurationRange';
import { EvaluatorOutcomeForm } from './EvaluatorOutcomeForm';
import { FilterChips } from './FilterChips';
import { MetricThresholdForm } from './MetricThresholdForm';

/**
 * The list's filters, applied in SQL and combined (every condition must hold): picked from lists,
 * a date range, a duration, figure thresholds and evaluator outcomes. What is applied shows as
 * chips under the controls; the view (filter and sort) can be saved or exported.
 */
export function FilterBar() {
  const filter = useCallList((s) => s.filter);
  const sort = useCallList((s) => s.sort);
  const setFilter = useCallList((s) => s.setFilter);
  const props = { filter, onChange: setFilter };
  return (
    <div className="filters filter-bar" role="group" aria-label="Filters">
      <div className="filter-controls">
        <VerdictSelect {...props} />
        <FacetSelect field="agent_id" {...props} />
        <FacetSelect field="end_reason" {...props} />
        <FacetSelect field="platform" {...props} />
        <TagSelect {...props} />
        <DateRangePicker {...props} />
        <DurationRange {...props} />
      </div>
      <div className="filter-controls">
        <MetricThresholdForm {...props} />
        <EvaluatorOutcomeForm {...props} />
        <span className="filter-actions">
          <SaveViewButton />
          <a className="button small" href={callsCsvUrl(filter, sort)} download title="Every call of this view with its figures, verdict, tags, notes count and evaluator outcomes">
            Export CSV
          </a>
        </span>
      </div>
      <FilterChips {...props} />
    </div>
  );
}
