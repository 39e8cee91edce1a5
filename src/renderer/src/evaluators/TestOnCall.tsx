import { useState } from 'react';
import type { EvaluationResultView } from '../../../core/api/evaluators-contract';
import type { Evaluator } from '../../../core/evaluators/definition';
import { useCallList } from '../calls/store';
import { formatMs } from '../shared/format';
import { outcomeClass, outcomeOf, resultText } from './format';
import { finishedRun, startRun } from './runs';
import { errorText } from './store';

/** "Test on open call": runs the (saved) evaluator on the open call, forced, and shows the result here. */
export function TestOnCall({ prepare }: { prepare(): Promise<Evaluator | null> }) {
  const callId = useCallList((s) => s.selectedId);
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'running' } | { kind: 'error'; message: string } | { kind: 'done'; result: EvaluationResultView }>({ kind: 'idle' });
  if (callId === null) return <p className="muted small">Open a call to test this evaluator on it.</p>;

  const test = async () => {
    setState({ kind: 'running' });
    try {
      const evaluator = await prepare();
      if (!evaluator) return setState({ kind: 'idle' });
      const run = await finishedRun(await startRun({ evaluator_ids: [evaluator.id], call_ids: [callId], force: true }));
      const result = run.results.find((r) => r.evaluator_id === evaluator.id);
      setState(result ? { kind: 'done', result } : { kind: 'error', message: `the run ended ${run.status} without a result` });
    } catch (error) {
      setState({ kind: 'error', message: errorText(error) });
    }
  };

  return (
    <div className="test-on-call" role="group" aria-label="Test result">
      <button type="button" className="button small" disabled={state.kind === 'running'} onClick={() => void test()}>
        {state.kind === 'running' ? 'Testing…' : 'Test on open call'}
      </button>
      {state.kind === 'error' && <p className="error small">{state.message}</p>}
      {state.kind === 'done' && (
        <p className="small">
          <span className={outcomeClass(outcomeOf(state.result))}>
            {resultText(state.result, state.result.status === 'failed')}
          </span>{' '}
          {state.result.status === 'failed' ? state.result.error : state.result.reason}{' '}
          <span className="muted">
            ({state.result.model ?? 'rule'}, {formatMs(state.result.duration_ms)}
            {state.result.evidence.length > 0 ? `, evidence turns ${state.result.evidence.join(', ')}` : ''})
          </span>
        </p>
      )}
    </div>
  );
}
