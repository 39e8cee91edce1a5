import { useEffect, useRef, useState } from 'react';
import { useCallList } from '../calls/store';
import { useCallListTotal } from '../calls/pages';
import { EvaluatorPicker } from './EvaluatorPicker';
import { startRun } from './runs';
import { errorText, useEvaluators } from './store';
import { useEvaluatorList } from './queries';
import { useTicks } from '../bulk/ticks';

type Scope = 'checked' | 'open' | 'filter';

/**
 * "Evaluate…": choose evaluators, then run them on the ticked calls, the open call, or every call
 * matching the list's current filter. The chosen evaluators' result columns are shown.
 */
export function EvaluateDialog({ onClose, onStarted }: { onClose(): void; onStarted(runId: string): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const { evaluators } = useEvaluatorList();
  const checked = useTicks((s) => s.ticked);
  const selectedId = useCallList((s) => s.selectedId);
  const { total } = useCallListTotal();
  const filter = useCallList((s) => s.filter);
  const [chosen, setChosen] = useState<string[]>([]);
  const [scope, setScope] = useState<Scope>(checked.size > 0 ? 'checked' : 'filter');
  const [force, setForce] = useState(false);
  const [status, setStatus] = useState<string | null>(null);

  useEffect(() => dialog.current?.showModal(), []);

  const run = async () => {
    const target = scope === 'filter' ? { filter } : { call_ids: scope === 'checked' ? [...checked] : selectedId === null ? [] : [selectedId] };
    try {
      const runId = await startRun({ evaluator_ids: chosen, force, ...target });
      const { shown, setShown } = useEvaluators.getState();
      setShown([...new Set([...shown, ...chosen])]);
      onStarted(runId);
      dialog.current?.close();
    } catch (error) {
      setStatus(`Not started: ${errorText(error)}`);
    }
  };

  return (
    <dialog ref={dialog} className="settings" aria-label="Evaluate calls" onClose={onClose}>
      <h2>Evaluate calls</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void run();
        }}
      >
        <EvaluatorPicker evaluators={evaluators} chosen={chosen} onChange={setChosen} />
        <fieldset>
          <legend>Calls</legend>
          <label className="picker-row">
            <input type="radio" name="scope" checked={scope === 'checked'} disabled={checked.size === 0} onChange={() => setScope('checked')} /> The {checked.size} ticked
            {checked.size === 1 ? ' call' : ' calls'}
          </label>
          <label className="picker-row">
            <input type="radio" name="scope" checked={scope === 'open'} disabled={selectedId === null} onChange={() => setScope('open')} /> The open call
          </label>
          <label className="picker-row">
            <input type="radio" name="scope" checked={scope === 'filter'} onChange={() => setScope('filter')} /> All {total ?? 0} calls matching the current filter
          </label>
        </fieldset>
        <label className="small">
          <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} /> Re-run where the evaluator and the call are unchanged
        </label>
        <div className="dialog-actions">
          {status && <span role="status">{status}</span>}
          <button type="submit" className="button" disabled={chosen.length === 0}>
            Run
          </button>
          <button type="button" className="button" onClick={() => dialog.current?.close()}>
            Close
          </button>
        </div>
      </form>
    </dialog>
  );
}
