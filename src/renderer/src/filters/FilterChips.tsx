import type { CallListFilter } from '../../../core/api/types';
import { useEvaluatorList } from '../evaluators/queries';
import { filterChips, withoutChips } from './chips';

/** The applied filters, one chip each with its × ("Remove filter Agent: agent-3"), and "Clear all". */
export function FilterChips({ filter, onChange }: { filter: CallListFilter; onChange(filter: CallListFilter): void }) {
  const { evaluators } = useEvaluatorList();
  const nameOf = (id: string) => evaluators.find((e) => e.id === id)?.spec.name ?? id;
  const chips = filterChips(filter, nameOf);
  if (chips.length === 0) return null;
  return (
    <div className="filter-chips">
      <span className="muted chips-label">Applied:</span>
      <ul className="chip-list" aria-label="Applied filters">
        {chips.map((chip) => (
          <li key={chip.key} className="chip applied-chip">
            <span className="chip-text">{chip.label}</span>
            <button type="button" aria-label={`Remove filter ${chip.label}`} title="Remove this filter" onClick={() => onChange(chip.without(filter))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      {chips.length > 1 && (
        <button type="button" className="link clear-all" title="Remove every filter (the search stays)" onClick={() => onChange(withoutChips(filter))}>
          Clear all
        </button>
      )}
    </div>
  );
}
