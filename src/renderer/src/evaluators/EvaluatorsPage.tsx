import { useState } from 'react';
import type { Evaluator, EvaluatorSpec } from '../../../core/evaluators/definition';
import { AlignmentTable } from './AlignmentTable';
import { EvaluatorEditor } from './EvaluatorEditor';
import { outputLabel } from './format';
import { defaultRule } from './RuleFields';
import { errorText } from './store';
import { usePage } from '../pages/store';
import { useEvaluatorChange, useEvaluatorList, useTemplates } from './queries';

type Editing = { key: string; evaluator: Evaluator | null; spec: EvaluatorSpec } | null;

const blank: Record<EvaluatorSpec['kind'], EvaluatorSpec> = {
  llm: { kind: 'llm', name: 'New LLM judge', description: '', rubric: '', output: { type: 'pass_fail' } },
  rule: { kind: 'rule', name: 'New rule', description: '', rule: defaultRule('latency_p90_under'), output: { type: 'pass_fail' } },
};

/**
 * The Evaluators page: the evaluators (name, kind, output, version), new from a template or
 * blank, an editor per kind, delete with Undo, and each evaluator's agreement with manual marks.
 */
export function EvaluatorsPage() {
  const { evaluators, error: listError } = useEvaluatorList();
  const { templates, error: templatesError } = useTemplates();
  const loadError = listError ?? templatesError;
  const create = useEvaluatorChange('createEvaluator');
  const deleteEvaluator = useEvaluatorChange('deleteEvaluator');
  const restore = useEvaluatorChange('restoreEvaluator');
  const [template, setTemplate] = useState('');
  const [editing, setEditing] = useState<Editing>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<Evaluator | null>(null);

  const edit = (evaluator: Evaluator) => setEditing({ key: `${evaluator.id}:${evaluator.version}`, evaluator, spec: evaluator.spec });

  const createFromTemplate = async () => {
    const key = template || templates[0]?.key;
    if (!key) return;
    try {
      const created = await create.mutateAsync({ template: key });
      setStatus(`Created ${created.spec.name}.`);
      setDeleted(null);
      edit(created);
    } catch (error) {
      setStatus(`Not created: ${errorText(error)}`);
    }
  };

  const remove = async (evaluator: Evaluator) => {
    try {
      await deleteEvaluator.mutateAsync({ id: evaluator.id });
      if (editing?.evaluator?.id === evaluator.id) setEditing(null);
      setDeleted(evaluator);
      setStatus(`Deleted ${evaluator.spec.name}.`);
    } catch (error) {
      setStatus(`Not deleted: ${errorText(error)}`);
    }
  };

  const undoDelete = async () => {
    if (!deleted) return;
    try {
      const restored = await restore.mutateAsync({ id: deleted.id });
      setDeleted(null);
      setStatus(`Restored ${restored.spec.name}.`);
    } catch (error) {
      setStatus(`Not restored: ${errorText(error)}`);
    }
  };

  return (
    <main className="single evaluators-page">
      <div className="evaluators-content">
        <header className="evaluators-head">
          <h2>Evaluators</h2>
          <button type="button" className="button small" onClick={() => usePage.getState().open('calls')}>
            Back to calls
          </button>
        </header>
        <div className="evaluators-actions">
          <select aria-label="Template" value={template} onChange={(e) => setTemplate(e.target.value)}>
            {templates.map((t) => (
              <option key={t.key} value={t.key}>
                {t.spec.name} ({t.spec.kind === 'llm' ? 'LLM judge' : 'rule'})
              </option>
            ))}
          </select>
          <button type="button" className="button small" onClick={() => void createFromTemplate()}>
            New from template
          </button>
          <button type="button" className="button small" onClick={() => setEditing({ key: `new-llm-${Date.now()}`, evaluator: null, spec: blank.llm })}>
            New LLM judge
          </button>
          <button type="button" className="button small" onClick={() => setEditing({ key: `new-rule-${Date.now()}`, evaluator: null, spec: blank.rule })}>
            New rule
          </button>
          {status && (
            <span role="status" className="small">
              {status}{' '}
              {deleted && (
                <button type="button" className="button small" onClick={() => void undoDelete()}>
                  Undo
                </button>
              )}
            </span>
          )}
        </div>
        {loadError && <p className="error">{errorText(loadError)}</p>}
        <table aria-label="Evaluator list" className="metrics-table evaluator-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Kind</th>
              <th scope="col">Output</th>
              <th scope="col">Version</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {evaluators.map((evaluator) => (
              <tr key={evaluator.id} data-evaluator={evaluator.id} className={editing?.evaluator?.id === evaluator.id ? 'selected' : undefined}>
                <th scope="row">{evaluator.spec.name}</th>
                <td>{evaluator.spec.kind === 'llm' ? 'LLM judge' : evaluator.watch ? 'rule · watching' : 'rule'}</td>
                <td>{outputLabel(evaluator.spec.output)}</td>
                <td>v{evaluator.version}</td>
                <td>
                  <button type="button" className="button small" onClick={() => edit(evaluator)} aria-label={`Edit ${evaluator.spec.name}`}>
                    Edit
                  </button>{' '}
                  <button type="button" className="button small" onClick={() => void remove(evaluator)} aria-label={`Delete ${evaluator.spec.name}`}>
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {evaluators.length === 0 && <p className="muted">No evaluators yet: start from a template.</p>}
        {editing && (
          <EvaluatorEditor key={editing.key} evaluator={editing.evaluator} initial={editing.spec} />
        )}
        <AlignmentTable />
      </div>
    </main>
  );
}
