import { useMemo } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import type { RowEvaluation } from '../../../core/api/types';
import type { Evaluator } from '../../../core/evaluators/definition';
import type { CallSlot } from '../calls/columns';
import { outcomeClass, resultText } from './format';
import { useEvaluators } from './store';
import { useEvaluatorList } from './queries';
import { tickColumn } from '../bulk/tick-column';

const column = createColumnHelper<CallSlot>();

function ResultBadge({ result }: { result: RowEvaluation | null }) {
  if (!result) return <span className="muted">—</span>;
  return <span className={outcomeClass(result.outcome)}>{resultText(result, result.outcome === 'error')}</span>;
}

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
export function useListColumns<C extends { id?: string | undefined }>(base: readonly C[]): (C | typeof tickColumn | ReturnType<typeof resultColumn>)[] {
  const { evaluators } = useEvaluatorList();
  const shown = useEvaluators((s) => s.shown);
  return useMemo(() => {
    const results = evaluators.filter((e) => shown.includes(e.id)).map(resultColumn);
    // Right after the call's name: the list pane is narrow, and a verdict column off-screen helps nobody.
    const at = base.findIndex((c) => c.id === 'call') + 1;
    return [tickColumn, ...base.slice(0, at), ...results, ...base.slice(at)];
  }, [base, evaluators, shown]);
}
