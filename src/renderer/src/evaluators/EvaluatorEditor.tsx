import { useState } from 'react';
import type { Evaluator, EvaluatorOutput, EvaluatorSpec } from '../../../core/evaluators/definition';
import { specKey } from '../../../core/evaluators/definition';
import { ListInput } from './ListInput';
import { RuleFields } from './RuleFields';
import { TestOnCall } from './TestOnCall';
import { errorText } from './store';
import { useEvaluatorChange } from './queries';
import { WatchToggle } from '../watch/WatchToggle';

const outputTypes: EvaluatorOutput['type'][] = ['pass_fail', 'score', 'labels'];

function defaultOutput(type: EvaluatorOutput['type']): EvaluatorOutput {
  if (type === 'score') return { type, pass_at: 4 };
  if (type === 'labels') return { type, labels: ['yes', 'no'], pass_labels: ['yes'] };
  return { type };
}

/**
 * The form for one evaluator: name and description, then a rubric and output type (LLM judge)
 * or a rule and its fields. Saving an edit makes a new version; "Test on open call" saves first.
 */
export function EvaluatorEditor({ evaluator, initial }: { evaluator: Evaluator | null; initial: EvaluatorSpec }) {
  const [draft, setDraft] = useState<EvaluatorSpec>(initial);
  const [saved, setSaved] = useState<Evaluator | null>(evaluator);
  const [status, setStatus] = useState<string | null>(null);
  const create = useEvaluatorChange('createEvaluator');
  const update = useEvaluatorChange('updateEvaluator');
  const dirty = saved === null || specKey(saved.spec) !== specKey(draft);

  /** Saves when changed; resolves with the stored evaluator (null when refused). */
  const save = async (): Promise<Evaluator | null> => {
    if (!dirty && saved) return saved;
    try {
      const result = saved ? await update.mutateAsync({ id: saved.id, spec: draft }) : await create.mutateAsync({ spec: draft });
      setStatus(saved && result.version === saved.version ? 'No change.' : `Saved as version ${result.version}.`);
      setSaved(result);
      setDraft(result.spec);
      return result;
    } catch (error) {
      setStatus(`Not saved: ${errorText(error)}`);
      return null;
    }
  };

  return (
    <form
      className="evaluator-editor"
      aria-label="Evaluator editor"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h3>{saved ? `${saved.spec.name} · version ${saved.version}` : 'New evaluator'}</h3>
      <label className="field">
        <span>Name</span>
        <input type="text" value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
      </label>
      <label className="field">
        <span>Description</span>
        <input type="text" value={draft.description} onChange={(e) => setDraft({ ...draft, description: e.target.value })} />
      </label>
      {draft.kind === 'llm' ? (
        <>
          <label className="field">
            <span>Rubric</span>
            <textarea rows={6} value={draft.rubric} onChange={(e) => setDraft({ ...draft, rubric: e.target.value })} />
          </label>
          <OutputFields key={draft.output.type} output={draft.output} onChange={(output) => setDraft({ ...draft, output })} />
        </>
      ) : (
        <>
          <RuleFields rule={draft.rule} onChange={(rule) => setDraft({ ...draft, rule })} />
          <WatchToggle evaluator={saved} prepare={save} onChange={setSaved} />
        </>
      )}
      <div className="dialog-actions">
        {status && <span role="status">{status}</span>}
        <button type="submit" className="button" disabled={!dirty}>
          Save
        </button>
      </div>
      <TestOnCall prepare={save} />
    </form>
  );
}

function OutputFields({ output, onChange }: { output: EvaluatorOutput; onChange(output: EvaluatorOutput): void }) {
  return (
    <>
      <label className="field">
        <span>Output</span>
        <select value={output.type} onChange={(e) => onChange(defaultOutput(outputTypes.find((t) => t === e.target.value) ?? output.type))}>
          <option value="pass_fail">pass / fail</option>
          <option value="score">score 1-5</option>
          <option value="labels">one of a set of labels</option>
        </select>
      </label>
      {output.type === 'score' && (
        <label className="field">
          <span>Passes at score</span>
          <input type="number" min={1} max={5} value={output.pass_at} onChange={(e) => onChange({ ...output, pass_at: Number(e.target.value) })} />
        </label>
      )}
      {output.type === 'labels' && (
        <>
          <ListInput label="Labels (comma-separated)" value={output.labels} onChange={(labels) => onChange({ ...output, labels })} />
          <ListInput label="Labels that pass" value={output.pass_labels} onChange={(pass_labels) => onChange({ ...output, pass_labels })} />
        </>
      )}
    </>
  );
}
