import { useState } from 'react';
import type { Evaluator } from '../../../core/evaluators/definition';
import { errorText } from '../evaluators/store';
import { useEvaluatorChange } from '../evaluators/queries';

/**
 * "Watch arriving calls" on a rule evaluator: it then runs on every call the listener or an import
 * brings, and a failure is flagged. A switch on the evaluator, applied at once (not part of the
 * versioned spec); an unsaved rule is saved first.
 */
export function WatchToggle({ evaluator, prepare, onChange }: { evaluator: Evaluator | null; prepare(): Promise<Evaluator | null>; onChange(evaluator: Evaluator): void }) {
  const setWatch = useEvaluatorChange('setEvaluatorWatch');
  const [status, setStatus] = useState<string | null>(null);
  // the box follows the click at once; the answer (or a refusal) settles it
  const [asked, setAsked] = useState<boolean | null>(null);
  const toggle = async (watch: boolean) => {
    setAsked(watch);
    try {
      const target = await prepare();
      if (!target) return;
      const updated = await setWatch.mutateAsync({ id: target.id, watch });
      onChange(updated);
      setStatus(watch ? 'Watching arriving calls: a failure is flagged.' : 'No longer watching arriving calls.');
    } catch (error) {
      setStatus(`Not changed: ${errorText(error)}`);
    } finally {
      setAsked(null);
    }
  };
  return (
    <div className="evaluator-watch">
      <label>
        <input type="checkbox" checked={asked ?? evaluator?.watch ?? false} disabled={setWatch.isPending} onChange={(e) => void toggle(e.target.checked)} /> Watch arriving calls
      </label>
      {status && (
        <span className="small muted" role="status" aria-label="Watch status">
          {status}
        </span>
      )}
    </div>
  );
}
