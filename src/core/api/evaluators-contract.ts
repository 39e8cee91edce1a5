import { z } from 'zod';
import { evaluatorSpecSchema, type Evaluator } from '../evaluators/definition';
import type { Alignment } from '../evaluators/alignment';
import type { EvaluatorTemplate } from '../evaluators/templates';
import type { Verdict } from '../evaluators/verdict';
import { callListFilterSchema } from './filter-schema';
import type { RunProgress } from '../evaluators/run-progress';
import { returns } from './returns';

/** Evaluator methods of the API contract (DESIGN §8), inputs and outputs; spread into `apiContract`. */

const evaluatorId = z.string().min(1).max(100);
const runId = z.string().min(1).max(100);
const nothing = z.object({}).default({});

export const evaluatorsContract = {
  listEvaluators: { input: nothing, output: returns<Evaluator[]>() },
  getEvaluator: { input: z.object({ id: evaluatorId }), output: returns<Evaluator>() },
  listEvaluatorTemplates: { input: nothing, output: returns<EvaluatorTemplate[]>() },
  createEvaluator: {
    // one object rather than a union, so a bad spec is reported at its own path (`spec.rule.max_ms`)
    input: z
      .object({ template: z.string().min(1).max(100).optional(), spec: evaluatorSpecSchema.optional() })
      .refine((v) => (v.template === undefined) !== (v.spec === undefined), { message: 'give either template or spec' }),
    output: returns<Evaluator>(),
  },
  updateEvaluator: { input: z.object({ id: evaluatorId, spec: evaluatorSpecSchema }), output: returns<Evaluator>() },
  deleteEvaluator: { input: z.object({ id: evaluatorId }), output: returns<{ deleted: true }>() },
  restoreEvaluator: { input: z.object({ id: evaluatorId }), output: returns<Evaluator>() },
  startEvaluationRun: {
    input: z
      .object({
        evaluator_ids: z.array(evaluatorId).min(1).max(50),
        // a call is named as on every {id} route: integer id, uuid, short id or the provider's call id
        call_ids: z.array(z.union([z.number().int().positive(), z.string().min(1).max(200)])).min(1).max(100_000).optional(),
        filter: callListFilterSchema.optional(),
        force: z.boolean().default(false),
      })
      .refine((v) => (v.call_ids === undefined) !== (v.filter === undefined), { message: 'give either call_ids or filter' }),
    output: returns<EvaluationRunView>(),
  },
  getEvaluationRun: { input: z.object({ run_id: runId, results: z.boolean().default(true) }), output: returns<EvaluationRunView>() },
  cancelEvaluationRun: { input: z.object({ run_id: runId }), output: returns<{ cancelled: boolean }>() },
  getCallEvaluations: { input: z.object({ id: z.number().int().positive() }), output: returns<EvaluationResultView[]>() },
  getAlignment: { input: z.object({ evaluator_id: evaluatorId.optional() }).default({}), output: returns<EvaluatorAlignment[]>() },
  getEvalSettings: { input: nothing, output: returns<EvalSettingsView>() },
  updateEvalSettings: {
    input: z.object({
      base_url: z.url().max(2000).nullable().optional(),
      model: z.string().max(200).nullable().optional(),
      /** a string sets the key, null or '' clears it. */
      api_key: z.string().max(2000).nullable().optional(),
      concurrency: z.number().int().min(1).max(64).optional(),
      timeout_ms: z.number().int().min(1000).max(600_000).optional(),
      max_retries: z.number().int().min(0).max(10).optional(),
    }),
    output: returns<EvalSettingsView>(),
  },
};

export interface EvaluationResultView extends Verdict {
  id: number;
  call_id: number;
  evaluator_id: string;
  evaluator_name: string;
  evaluator_version: number;
  status: 'done' | 'failed';
  error: string | null;
  model: string | null;
  prompt_tokens: number | null;
  completion_tokens: number | null;
  cost_usd: number | null;
  duration_ms: number;
  attempts: number;
  created_at: string;
}

export type { RunItemState, RunProgress } from '../evaluators/run-progress';

export interface EvaluationRunView {
  id: string;
  status: 'running' | 'completed' | 'cancelled';
  created_at: string;
  finished_at: string | null;
  force: boolean;
  progress: RunProgress;
  results: (EvaluationResultView & { reused: boolean })[];
}

export interface EvalSettingsView {
  base_url: string;
  model: string;
  api_key: { set: boolean; from_env: boolean; stored_in: 'os-keychain' | 'config-file' };
  concurrency: number;
  timeout_ms: number;
  max_retries: number;
}

export interface EvaluatorAlignment {
  evaluator_id: string;
  evaluator_name: string;
  alignment: Alignment;
  /** marked calls on which the evaluator had nothing to measure (a rule's "not applicable"): left out of the figures. */
  not_applicable: number;
  /** `alignment.disagreeing_call_ids` with each call's external id, to show and open them. */
  disagreeing_calls: { id: number; external_id: string }[];
}
