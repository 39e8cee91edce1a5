import { useCallList } from '../calls/store';
import { useApiQuery } from '../query/api-query';
import { fixed2, percent } from './format';
import { errorText } from './store';
import { usePage } from '../pages/store';

const SHOWN_DISAGREEMENTS = 12;

/** Opens a call from the Evaluators page: select it and go back to the calls. */
function openCall(id: number): void {
  useCallList.getState().select(id);
  usePage.getState().open('calls');
}

/** A disagreeing call, named by its external id. */
function CallLink({ id, name }: { id: number; name: string }) {
  return (
    <button type="button" className="link mono" onClick={() => openCall(id)}>
      {name}
    </button>
  );
}

/**
 * Each evaluator's agreement with the manual success/failure marks, over the calls that have
 * both: accuracy, precision and recall (failure is the positive class), Cohen's kappa, and the
 * disagreeing calls one click away. Read again when a run ends, a verdict changes (query/events.ts)
 * or an evaluator changes (queries.ts).
 */
export function AlignmentTable() {
  const { data: rows, error } = useApiQuery('getAlignment', {});

  return (
    <section className="alignment" aria-labelledby="alignment-title">
      <h3 id="alignment-title" className="section-title">
        Agreement with manual marks
      </h3>
      {error && <p className="error small">{errorText(error)}</p>}
      <table aria-label="Alignment" className="metrics-table alignment-table">
        <caption className="muted small">Over calls marked success or failure that the evaluator has a pass/fail reading on. Precision and recall treat a failure as the positive case.</caption>
        <thead>
          <tr>
            <th scope="col">Evaluator</th>
            <th scope="col">n</th>
            <th scope="col">Accuracy</th>
            <th scope="col">Precision</th>
            <th scope="col">Recall</th>
            <th scope="col">Kappa</th>
            <th scope="col" title="Marked calls the evaluator had nothing to measure on: left out of the figures">n/a</th>
            <th scope="col">Disagreeing calls</th>
          </tr>
        </thead>
        <tbody>
          {(rows ?? []).map(({ evaluator_id, evaluator_name, alignment, not_applicable: notApplicable, disagreeing_calls }) => (
            <tr key={evaluator_id} data-evaluator={evaluator_id}>
              <th scope="row">{evaluator_name}</th>
              <td>{alignment.n}</td>
              <td>{percent(alignment.accuracy)}</td>
              <td>{percent(alignment.precision)}</td>
              <td>{percent(alignment.recall)}</td>
              <td>{fixed2(alignment.kappa)}</td>
              <td>{notApplicable}</td>
              <td>
                {disagreeing_calls.length === 0 ? (
                  <span className="muted">none</span>
                ) : (
                  <ul className="inline-list" aria-label={`Calls where ${evaluator_name} disagrees`}>
                    {disagreeing_calls.slice(0, SHOWN_DISAGREEMENTS).map((call) => (
                      <li key={call.id}>
                        <CallLink id={call.id} name={call.external_id} />
                      </li>
                    ))}
                    {disagreeing_calls.length > SHOWN_DISAGREEMENTS && <li className="muted">and {disagreeing_calls.length - SHOWN_DISAGREEMENTS} more</li>}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows && rows.length === 0 && <p className="muted small">No evaluators yet.</p>}
    </section>
  );
}
