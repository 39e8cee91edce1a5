import { useQueryClient } from '@tanstack/react-query';
import type { Evaluator } from '../../../core/evaluators/definition';
import type { EvaluatorTemplate } from '../../../core/evaluators/templates';
import { useApiMutation, useApiQuery } from '../query/api-query';

const NONE: never[] = [];

/** The evaluators (read once; every change is made here, and re-read when it is). */
export function useEvaluatorList(): { evaluators: Evaluator[]; error: Error | null } {
  const { data, error } = useApiQuery('listEvaluators', {});
  return { evaluators: data ?? NONE, error };
}

/** The built-in templates (they never change while the app runs). */
export function useTemplates(): { templates: EvaluatorTemplate[]; error: Error | null } {
  const { data, error } = useApiQuery('listEvaluatorTemplates', {});
  return { templates: data ?? NONE, error };
}

/**
 * A change to the evaluators: resolves once the list shows it; the agreement table is read again
 * too (a new, edited or deleted evaluator changes its rows).
 */
export function useEvaluatorChange<M extends 'createEvaluator' | 'updateEvaluator' | 'deleteEvaluator' | 'restoreEvaluator' | 'setEvaluatorWatch'>(method: M) {
  const client = useQueryClient();
  return useApiMutation(method, {
    onSuccess: async () => {
      void client.invalidateQueries({ queryKey: ['getAlignment'] });
      // a rule watching (or deleted while it did) changes the watch counts and the Flagged view
      void client.invalidateQueries({ queryKey: ['getWatchStatus'] });
      await client.invalidateQueries({ queryKey: ['listEvaluators'] });
    },
  });
}
