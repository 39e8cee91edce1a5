import { NOT_APPLICABLE } from '../../core/evaluators/verdict';
import type { EvaluatorHandlers } from '../../core/api/contract';
import type { EvaluationRunView } from '../../core/api/evaluators-contract';
import { ApiError } from '../../core/api/errors';
import { alignment } from '../../core/evaluators/alignment';
import { evaluatorSpecSchema } from '../../core/evaluators/definition';
import { evaluatorTemplates } from '../../core/evaluators/templates';
import { viewEvalSettings, updateEvalSettings, type EvalSettingsSource } from '../evaluators/eval-settings';
import type { RunQueue } from '../evaluators/run-queue';
import { externalIds, findCallIdByRef, getCall, manualVerdicts } from '../store/calls';
import { callIdsMatching } from '../store/call-list';
import type { Db } from '../store/db';
import * as evaluators from '../store/evaluators';
import { latestResultsForCall, latestResultsForEvaluator, resultsForRun } from '../store/evaluation-results';
import { getRun, runCounts } from '../store/evaluation-runs';
import { runProgress } from '../../core/evaluators/run-progress';

export interface EvaluatorHandlerDeps extends EvalSettingsSource {
  db: Db;
  runs: RunQueue;
  now?: () => string;
}

/** A public view of a stored evaluator (without row ids). */
const publicEvaluator = ({ row_id: _row, version_id: _version, ...evaluator }: evaluators.StoredEvaluator) => evaluator;

function requireEvaluator(db: Db, id: string): evaluators.StoredEvaluator {
  const found = evaluators.getEvaluator(db, id);
  if (!found) throw new ApiError('not_found', `no evaluator with id ${id}`);
  return found;
}

export function runView(db: Db, publicId: string, withResults: boolean): EvaluationRunView {
  const run = getRun(db, publicId);
  if (!run) throw new ApiError('not_found', `no evaluation run with id ${publicId}`);
  return {
    id: run.public_id,
    status: run.status,
    created_at: run.created_at,
    finished_at: run.finished_at,
    force: run.force,
    progress: runProgress(runCounts(db, run.id)),
    results: withResults ? resultsForRun(db, run.id) : [],
  };
}

export function createEvaluatorHandlers({ db, runs, now = () => new Date().toISOString(), ...settings }: EvaluatorHandlerDeps): EvaluatorHandlers {
  return {
    listEvaluators: () => evaluators.listEvaluators(db).map(publicEvaluator),
    getEvaluator: ({ id }) => publicEvaluator(requireEvaluator(db, id)),
    listEvaluatorTemplates: () => [...evaluatorTemplates],
    createEvaluator: (input) => {
      if (input.spec) return publicEvaluator(evaluators.createEvaluator(db, input.spec, null, now()));
      const template = evaluatorTemplates.find((t) => t.key === input.template);
      if (!template) {
        throw new ApiError('invalid_payload', `no template named ${input.template ?? ''}; known: ${evaluatorTemplates.map((t) => t.key).join(', ')}`, [
          { path: 'template', message: 'unknown template' },
        ]);
      }
      return publicEvaluator(evaluators.createEvaluator(db, evaluatorSpecSchema.parse(template.spec), template.key, now()));
    },
    updateEvaluator: ({ id, spec }) => publicEvaluator(evaluators.updateEvaluator(db, requireEvaluator(db, id), spec, now())),
    deleteEvaluator: ({ id }) => {
      if (!evaluators.deleteEvaluator(db, id, now())) throw new ApiError('not_found', `no evaluator with id ${id}`);
      return { deleted: true };
    },
    restoreEvaluator: ({ id }) => {
      if (!evaluators.restoreEvaluator(db, id)) throw new ApiError('not_found', `no deleted evaluator with id ${id}`);
      return publicEvaluator(requireEvaluator(db, id));
    },
    startEvaluationRun: ({ evaluator_ids, call_ids, filter, force }) => {
      const chosen = [...new Set(evaluator_ids)].map((id) => requireEvaluator(db, id));
      const ids = call_ids ? resolveCallRefs(db, call_ids) : callIdsMatching(db, filter ?? {});
      if (ids.length === 0) throw new ApiError('invalid_payload', 'no calls match: nothing to evaluate');
      const run = runs.start(chosen, ids, force);
      return runView(db, run.public_id, false);
    },
    getEvaluationRun: ({ run_id, results }) => runView(db, run_id, results),
    cancelEvaluationRun: ({ run_id }) => {
      if (!getRun(db, run_id)) throw new ApiError('not_found', `no evaluation run with id ${run_id}`);
      return { cancelled: runs.cancel(run_id) };
    },
    getCallEvaluations: ({ id }) => {
      if (!getCall(db, id)) throw new ApiError('not_found', `no call with id ${id}`);
      return latestResultsForCall(db, id);
    },
    getAlignment: ({ evaluator_id }) => {
      const manual = manualVerdicts(db);
      const chosen = evaluator_id ? [requireEvaluator(db, evaluator_id)] : evaluators.listEvaluators(db);
      return chosen.map((evaluator) => {
        const marked = latestResultsForEvaluator(db, evaluator.row_id).filter((r) => manual.has(r.call_id) && r.status === 'done');
        const pairs = marked.flatMap((r) => {
          const mark = manual.get(r.call_id);
          return mark === undefined || r.passed === null ? [] : [{ call_id: r.call_id, manual: mark, evaluator: r.passed }];
        });
        const notApplicable = marked.filter((r) => r.verdict === NOT_APPLICABLE).length;
        const agreement = alignment(pairs);
        // named here, in one query, so the table need not fetch each call to show it
        const names = externalIds(db, agreement.disagreeing_call_ids);
        const disagreeing_calls = agreement.disagreeing_call_ids.map((id) => ({ id, external_id: names.get(id) ?? String(id) }));
        return { evaluator_id: evaluator.id, evaluator_name: evaluator.spec.name, alignment: agreement, not_applicable: notApplicable, disagreeing_calls };
      });
    },
    getEvalSettings: () => viewEvalSettings(settings),
    updateEvalSettings: (patch) => updateEvalSettings(settings, patch),
  };
}

/**
 * The calls a run names, each by any reference an `{id}` route takes: our integer id (a JSON
 * number), or a string that is a uuid, short id, integer id or the provider's call id. The first
 * one that names no call is a 404; the same call named twice is evaluated once.
 */
function resolveCallRefs(db: Db, refs: readonly (number | string)[]): number[] {
  const known = externalIds(db, refs.filter((ref): ref is number => typeof ref === 'number'));
  const ids = refs.map((ref) => {
    const id = typeof ref === 'number' ? (known.has(ref) ? ref : null) : findCallIdByRef(db, ref);
    if (id === null) throw new ApiError('not_found', `no call with id ${typeof ref === 'number' ? ref : JSON.stringify(ref)}`);
    return id;
  });
  return [...new Set(ids)];
}
