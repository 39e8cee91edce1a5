import { useMemo } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import type { RowEvaluation } from '../../../core/api/types';
import type { Evaluator } from '../../../core/evaluators/definition';
import type { CallSlot } from '../calls/columns';
import { outcomeClass, resultText } from './format';
import { useEvaluators } from './store';
import { useEvaluatorList } from './queries';
import { useLayout } from '../layout/store';
import { arrangeColumns, dropColumn, moveColumn } from '../layout/column-order';
import { tickColumn } from '../bulk/tick-column';

const column = createColumnHelper<CallSlot>();

function ResultBadge({ result }: { result: RowEvaluation | null }) {
  if (!result) return <span className="muted">—</span>;
  return <span className={outcomeClass(result.outcome)}>{resultText(result, result.outcome === 'error')}</span>;
}

const RESULT_PREFIX = 'evaluation:';
const resultColumn = (evaluator: Evaluator) =>
  column.accessor((slot) => slot.call?.evaluations?.[evaluator.id] ?? null, {
    id: `${RESULT_PREFIX}${evaluator.id}`,
    header: evaluator.spec.name,
    cell: (info) => <ResultBadge result={info.getValue()} />,
    size: 120,
    enableSorting: false,
  });

/**
 * Result columns go after this one by default: the essentials (Duration, latency, Verdict, End
 * reason) come first, so a few evaluators shown never push them out of a narrow list pane.
 */
const RESULTS_AFTER = 'end_reason';

interface BaseColumn {
  id?: string | undefined;
  header?: unknown;
}

/** A column as the column chooser lists it. */
export interface ColumnChoice {
  id: string;
  label: string;
  visible: boolean;
  /** an evaluator's results (shown or hidden with the evaluator's choice, kept across restarts). */
  isResult: boolean;
}

const evaluatorOf = (id: string): string | null => (id.startsWith(RESULT_PREFIX) ? id.slice(RESULT_PREFIX.length) : null);

/** Every column the list can show, in the user's order, each with whether it is shown. */
function useArrangedColumns<C extends BaseColumn>(base: readonly C[]) {
  const { evaluators } = useEvaluatorList();
  const shown = useEvaluators((s) => s.shown);
  const prefs = useLayout((s) => s.columns);
  return useMemo(() => {
    const results = evaluators.map(resultColumn);
    const at = base.findIndex((c) => c.id === RESULTS_AFTER) + 1 || base.length;
    const all: (C | ReturnType<typeof resultColumn>)[] = [...base.slice(0, at), ...results, ...base.slice(at)];
    const byId = new Map(all.map((c) => [c.id ?? '', c]));
    return arrangeColumns([...byId.keys()], prefs.order).flatMap((id) => {
      const def = byId.get(id);
      if (!def) return [];
      const evaluatorId = evaluatorOf(id);
      const visible = evaluatorId !== null ? shown.includes(evaluatorId) : !prefs.hidden.includes(id);
      return [{ id, def, visible, label: typeof def.header === 'string' ? def.header : id, isResult: evaluatorId !== null }];
    });
  }, [base, evaluators, shown, prefs]);
}

/** The list's columns: the tick box first (it is not the chooser's), then the shown columns in the user's order. */
export function useListColumns<C extends BaseColumn>(base: readonly C[]): (C | typeof tickColumn | ReturnType<typeof resultColumn>)[] {
  const arranged = useArrangedColumns(base);
  return useMemo(() => [tickColumn, ...arranged.filter((c) => c.visible).map((c) => c.def)], [arranged]);
}

/** What the column chooser shows and does: show or hide a column, move it, go back to the defaults. */
export function useColumnChoices<C extends BaseColumn>(base: readonly C[]) {
  const arranged = useArrangedColumns(base);
  const choices: ColumnChoice[] = useMemo(() => arranged.map(({ id, label, visible, isResult }) => ({ id, label, visible, isResult })), [arranged]);
  const order = choices.map((c) => c.id);
  const setOrder = (next: string[]) => {
    const layout = useLayout.getState();
    layout.setColumns({ ...layout.columns, order: next });
  };
  return {
    choices,
    setVisible(id: string, visible: boolean) {
      const evaluatorId = evaluatorOf(id);
      if (evaluatorId !== null) {
        const { shown, setShown } = useEvaluators.getState();
        setShown(visible ? [...new Set([...shown, evaluatorId])] : shown.filter((e) => e !== evaluatorId));
        return;
      }
      const layout = useLayout.getState();
      const hidden = layout.columns.hidden.filter((h) => h !== id);
      layout.setColumns({ ...layout.columns, hidden: visible ? hidden : [...hidden, id] });
    },
    move: (id: string, by: number) => setOrder(moveColumn(order, id, by)),
    drop: (id: string, target: string) => setOrder(dropColumn(order, id, target)),
    /** the default order and every base column shown (the evaluators' result columns stay as chosen). */
    reset: () => useLayout.getState().setColumns({ order: [], hidden: [] }),
  };
}
