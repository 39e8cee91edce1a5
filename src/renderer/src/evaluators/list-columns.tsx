import { useMemo } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import type { RowEvaluation } from '../../../core/api/types';
import type { Evaluator } from '../../../core/evaluators/definition';
import type { CallSlot } from '../calls/columns';
import { outcomeClass, resultText } from './format';
import { useEvaluators } from './store';
import { useEvaluatorList } from './queries';

const column = createColumnHelper<CallSlot>();

/** A tick box per row: the calls "Evaluate…" runs on. Clicking it does not open the call. */
function CheckCell({ slot }: { slot: CallSlot }) {
  const call = slot.call;
  const checked = useEvaluators((s) => (call ? s.checked.has(call.id) : false));
  if (!call) return null;
  return (
    <input
      type="checkbox"
      aria-label={`Select ${call.external_id}`}
      checked={checked}
      onClick={(event) => event.stopPropagation()}
      onChange={() => useEvaluators.getState().toggleChecked(call.id)}
    />
  );
}

function ResultBadge({ result }: { result: RowEvaluation | null }) {
  if (!result) return <span className="muted">—</span>;
  return <span className={outcomeClass(result.outcome)}>{resultText(result, result.outcome === 'error')}</span>;
}

const selectColumn = column.display({ id: 'select', header: () => <span className="visually-hidden">Select</span>, cell: (info) => <CheckCell slot={info.row.original} />, size: 40 });

const resultColumn = (evaluator: Evaluator) =>
  column.accessor((slot) => slot.call?.evaluations?.[evaluator.id] ?? null, {
    id: `evaluation:${evaluator.id}`,
    header: evaluator.spec.name,
    cell: (info) => <ResultBadge result={info.getValue()} />,
    size: 120,
    enableSorting: false,
  });

/**
 * The list's columns: a tick box first, then the base columns with one result column per
 * evaluator chosen to show placed after the manual verdict.
 */
export function useListColumns<C extends { id?: string | undefined }>(base: readonly C[]): (C | typeof selectColumn | ReturnType<typeof resultColumn>)[] {
  const { evaluators } = useEvaluatorList();
  const shown = useEvaluators((s) => s.shown);
  return useMemo(() => {
    const results = evaluators.filter((e) => shown.includes(e.id)).map(resultColumn);
    // Right after the call's name: the list pane is narrow, and a verdict column off-screen helps nobody.
    const at = base.findIndex((c) => c.id === 'call') + 1;
    return [selectColumn, ...base.slice(0, at), ...results, ...base.slice(at)];
  }, [base, evaluators, shown]);
}
