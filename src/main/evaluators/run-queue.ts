import { setMaxListeners } from 'node:events';
import { runRule } from '../../core/evaluators/rules';
import type { Db } from '../store/db';
import type { EventBus } from '../api/events';
import { getEvaluatorVersion, type StoredEvaluator } from '../store/evaluators';
import { findReusableResult, insertResult, type NewResult } from '../store/evaluation-results';
import { createRun, finishRun, runCounts, setItemState, type RunRow } from '../store/evaluation-runs';
import { runProgress } from '../../core/evaluators/run-progress';
import { createBatchWriter } from './batch-writer';
import { loadCallInput, ruleInputKey, type CallInput } from './call-input';
import { readEvalSettings, type EvalSettings, type EvalSettingsSource } from './eval-settings';
import { judgeCall, JudgeCancelled } from './judge';
import { createLimiter } from './limiter';

/**
 * Evaluation runs (DESIGN §8): a queue over (call, evaluator version) items with a concurrency
 * limit, progress events, cancel, and reuse of an earlier result when neither the evaluator nor
 * the call changed (unless forced). Rules run inline; LLM judges go through `judgeCall`.
 */
export interface RunQueue {
  start(evaluators: readonly StoredEvaluator[], callIds: readonly number[], force: boolean): RunRow;
  cancel(runPublicId: string): boolean;
  /** resolves when the run has finished (tests and the bench wait on it). */
  finished(runPublicId: string): Promise<void>;
  /** judge requests in flight right now, and the most there ever were at once. */
  inFlight(): { now: number; max: number };
  /** on quit: stops every run (their unfinished items are cancelled at the next start). */
  cancelAll(): void;
}

interface Item {
  call_id: number;
  evaluator_version_id: number;
}

export interface RunQueueDeps extends EvalSettingsSource {
  db: Db;
  events: EventBus;
  now?: () => string;
}

export function createRunQueue({ db, config, env, sealer, events, now = () => new Date().toISOString() }: RunQueueDeps): RunQueue {
  const writer = createBatchWriter(db);
  const active = new Map<string, { controller: AbortController; done: Promise<void> }>();
  const requests = createLimiter();
  let maxInFlight = 0;

  const progress = (run: RunRow) => events.emit('evaluation.progress', { run_id: run.public_id, status: 'running', progress: runProgress(runCounts(db, run.id)) });

  /** What the evaluator saw: the call's content, and for a judge the model that read it. */
  const inputKey = (evaluator: StoredEvaluator, input: CallInput, settings: EvalSettings) =>
    evaluator.spec.kind === 'llm' ? `${input.key}:${settings.model}` : ruleInputKey(input);

  async function evaluate(run: RunRow, item: Item, evaluator: StoredEvaluator, input: CallInput, settings: EvalSettings, signal: AbortSignal): Promise<void> {
    const key = inputKey(evaluator, input, settings);
    if (!run.force) {
      const reused = findReusableResult(db, item.evaluator_version_id, item.call_id, key);
      if (reused !== null) return writer.write(() => setItemState(db, run.id, item, 'reused', reused));
    }
    let started = performance.now();
    const record = (outcome: NewResult['outcome'], usage: Omit<NewResult['usage'], 'duration_ms'>) => {
      const duration_ms = performance.now() - started;
      return writer.write(() => {
        const id = insertResult(db, {
          call_id: item.call_id,
          evaluator_row_id: evaluator.row_id,
          evaluator_version_id: item.evaluator_version_id,
          input_key: key,
          outcome,
          usage: { ...usage, duration_ms },
          now: now(),
        });
        setItemState(db, run.id, item, outcome.status, id);
      });
    };
    const spec = evaluator.spec;
    if (spec.kind === 'rule') {
      return record({ status: 'done', verdict: runRule(spec.rule, input) }, { model: null, prompt_tokens: null, completion_tokens: null, cost_usd: null, attempts: 1 });
    }
    if (!settings.api_key && /api\.openai\.com/.test(settings.base_url)) {
      return record({ status: 'failed', error: 'No API key for the LLM judge: set one in Settings or OPENAI_API_KEY.' }, { model: settings.model, prompt_tokens: null, completion_tokens: null, cost_usd: null, attempts: 0 });
    }
    let release: () => void;
    try {
      release = await requests.acquire(Math.max(1, Math.min(settings.concurrency, 64)), signal);
    } catch {
      throw new JudgeCancelled('cancelled');
    }
    maxInFlight = Math.max(maxInFlight, requests.active());
    try {
      // not awaited: the state shows in progress as soon as the batch commits; a failed commit fails the result write too
      writer.write(() => setItemState(db, run.id, item, 'running')).catch(() => undefined);
      // the duration is the judge's own time, not the wait for a free slot
      started = performance.now();
      const outcome = await judgeCall(spec.rubric, spec.output, input.turns, settings, signal);
      const usage = { model: outcome.model, prompt_tokens: outcome.prompt_tokens, completion_tokens: outcome.completion_tokens, cost_usd: outcome.cost_usd, attempts: outcome.attempts };
      return await record(outcome.verdict ? { status: 'done', verdict: outcome.verdict } : { status: 'failed', error: outcome.error ?? 'unknown failure' }, usage);
    } finally {
      release();
    }
  }

  async function execute(run: RunRow, items: readonly Item[], controller: AbortController): Promise<void> {
    const settings = readEvalSettings({ config, env, sealer });
    const evaluators = new Map<number, StoredEvaluator | null>();
    const evaluatorOf = (versionId: number) => {
      if (!evaluators.has(versionId)) evaluators.set(versionId, getEvaluatorVersion(db, versionId));
      return evaluators.get(versionId) ?? null;
    };
    // Items come grouped by call: each call is loaded once, and dropped once its items are done.
    const inputs = new Map<number, { input: CallInput | null; left: number }>();
    for (const item of items) {
      const entry = inputs.get(item.call_id);
      if (entry) entry.left++;
      else inputs.set(item.call_id, { input: null, left: 1 });
    }
    let next = 0;
    let lastProgress = 0;
    const worker = async () => {
      // Rule results are instant: their writes are not awaited one by one, so a whole slice of
      // them shares one commit (synchronous = FULL makes every commit an fsync).
      let writes: Promise<void>[] = [];
      const settle = async () => {
        const batch = writes;
        writes = [];
        await Promise.all(batch);
      };
      try {
        while (next < items.length && !controller.signal.aborted) {
          const item = items[next++];
          if (!item) break;
          const entry = inputs.get(item.call_id);
          if (entry && entry.input === null) entry.input = loadCallInput(db, item.call_id);
          const input = entry?.input ?? null;
          const evaluator = evaluatorOf(item.evaluator_version_id);
          if (!input || !evaluator) writes.push(writer.write(() => setItemState(db, run.id, item, 'cancelled')));
          else if (evaluator.spec.kind === 'rule') writes.push(evaluate(run, item, evaluator, input, settings, controller.signal));
          else {
            try {
              await evaluate(run, item, evaluator, input, settings, controller.signal);
            } catch (error) {
              if (!(error instanceof JudgeCancelled)) throw error;
            }
          }
          if (entry && --entry.left === 0) inputs.delete(item.call_id);
          // Let commits, events and HTTP requests through between slices of instant items.
          if (writes.length >= 64) {
            await settle();
            await new Promise((resolve) => setImmediate(resolve));
          }
          if (performance.now() - lastProgress > 100) {
            lastProgress = performance.now();
            progress(run);
          }
        }
        await settle();
      } catch (error) {
        controller.abort(); // the other workers stop too: the run is recorded as cancelled
        await Promise.allSettled(writes);
        throw error;
      }
    };
    const concurrency = Math.max(1, Math.min(settings.concurrency, 64));
    await Promise.all(Array.from({ length: concurrency }, worker));
    await writer.flush();
    const status = controller.signal.aborted ? 'cancelled' : 'completed';
    finishRun(db, run.id, status, now());
    events.emit('evaluation.progress', { run_id: run.public_id, status, progress: runProgress(runCounts(db, run.id)) });
    events.emit('evaluation.finished', { run_id: run.public_id, status, progress: runProgress(runCounts(db, run.id)) });
    events.emit('calls.changed', { ids: [...new Set(items.map((i) => i.call_id))], change: 'reviewed' });
  }

  return {
    start(evaluatorList, callIds, force) {
      // a call or evaluator named twice is evaluated once
      const versions = [...new Set(evaluatorList.map((e) => e.version_id))];
      const items = [...new Set(callIds)].flatMap((call_id) => versions.map((evaluator_version_id) => ({ call_id, evaluator_version_id })));
      const run = createRun(db, items, force, now());
      const controller = new AbortController();
      // every item waiting for a request slot, and every request in flight, listens for cancel
      setMaxListeners(0, controller.signal);
      const done = execute(run, items, controller)
        .catch((error: unknown) => {
          if (!db.open) return; // the app is closing
          console.error('callscope: evaluation run failed:', error instanceof Error ? error.message : error);
          try {
            finishRun(db, run.id, 'cancelled', now());
            events.emit('evaluation.finished', { run_id: run.public_id, status: 'cancelled', progress: runProgress(runCounts(db, run.id)) });
          } catch (inner) {
            console.error('callscope: could not record the failed run:', inner instanceof Error ? inner.message : inner);
          }
        })
        .finally(() => active.delete(run.public_id));
      active.set(run.public_id, { controller, done });
      return run;
    },
    cancel(runPublicId) {
      const entry = active.get(runPublicId);
      if (!entry) return false;
      entry.controller.abort();
      return true;
    },
    finished: (runPublicId) => active.get(runPublicId)?.done ?? Promise.resolve(),
    inFlight: () => ({ now: requests.active(), max: maxInFlight }),
    cancelAll() {
      for (const entry of active.values()) entry.controller.abort();
    },
  };
}
