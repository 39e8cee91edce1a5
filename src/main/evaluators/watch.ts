import { runRule } from '../../core/evaluators/rules';
import type { Rule } from '../../core/evaluators/definition';
import type { Verdict } from '../../core/evaluators/verdict';
import type { EventBus } from '../api/events';
import { clearFlagOnPass, flagCounts, flagsById, raiseFlag } from '../store/call-flags';
import type { Db } from '../store/db';
import { findReusableResult, insertResult, type NewResult } from '../store/evaluation-results';
import { watchedEvaluators, type StoredEvaluator } from '../store/evaluators';
import { loadCallInput, ruleInputKey } from './call-input';

/**
 * Watch rules: every rule evaluator marked `watch` runs on each arriving call once the call's
 * ingest transaction has committed (the listener's 2xx already went out, and nothing here can
 * fail it). Each result is stored as a normal evaluation result (the list's columns and filters
 * show it); a fail raises a flag, a pass clears one; "not applicable" (nothing to measure) does
 * neither. Calls queue up and are judged a chunk per turn of the event loop, each chunk in one
 * transaction (one fsync however many calls and rules), so ingestion keeps its pace.
 */
export interface Watcher {
  /** calls just stored or merged: they are judged on a later turn of the event loop. */
  arrived(callIds: readonly number[]): void;
  /** resolves once every call queued so far has been judged (tests and the bench wait on it). */
  idle(): Promise<void>;
}

export interface WatcherDeps {
  db: Db;
  events: EventBus;
  now?: () => string;
  /** how a rule is judged (tests put in one that throws). */
  judge?: (rule: Rule, input: Parameters<typeof runRule>[1]) => Verdict;
}

/** Calls judged per transaction: large enough to share a commit, small enough to let requests through between chunks. */
const CHUNK = 256;
/** Flags one `calls.flagged` event names (the count says how many there were). */
const EVENT_FLAGS = 20;

export function createWatcher({ db, events, now = () => new Date().toISOString(), judge = runRule }: WatcherDeps): Watcher {
  let pending: number[] = [];
  let scheduled = false;
  let waiting: (() => void)[] = [];

  const judgeOne = (evaluator: StoredEvaluator, rule: Rule, input: Parameters<typeof runRule>[1]): NewResult['outcome'] => {
    try {
      return { status: 'done', verdict: judge(rule, input) };
    } catch (error) {
      // a broken rule is an errored result on this call, never a failed ingest
      return { status: 'failed', error: `the rule ${evaluator.spec.name} failed: ${error instanceof Error ? error.message : String(error)}` };
    }
  };

  /** Judges one chunk of calls with every watched rule; answers the calls with new results and the flags raised. */
  function judgeChunk(callIds: readonly number[]): { judged: number[]; raised: number[] } {
    const judged: number[] = [];
    const raised: number[] = [];
    const rules = watchedEvaluators(db).flatMap((e) => (e.spec.kind === 'rule' ? [{ evaluator: e, rule: e.spec.rule }] : []));
    if (rules.length === 0) return { judged, raised };
    const at = now();
    db.transaction(() => {
      for (const callId of callIds) {
        const input = loadCallInput(db, callId);
        if (!input) continue; // deleted meanwhile
        const key = ruleInputKey(input);
        let changed = false;
        for (const { evaluator, rule } of rules) {
          // an unchanged call (a merge that changed nothing a rule reads) keeps its result and flag
          if (findReusableResult(db, evaluator.version_id, callId, key) !== null) continue;
          const started = performance.now();
          const outcome = judgeOne(evaluator, rule, input);
          const resultId = insertResult(db, {
            call_id: callId,
            evaluator_row_id: evaluator.row_id,
            evaluator_version_id: evaluator.version_id,
            input_key: key,
            outcome,
            usage: { model: null, prompt_tokens: null, completion_tokens: null, cost_usd: null, duration_ms: performance.now() - started, attempts: 1 },
            now: at,
          });
          changed = true;
          if (outcome.status !== 'done') continue;
          if (outcome.verdict.passed === false) {
            const flag = raiseFlag(db, { call_id: callId, evaluator_row_id: evaluator.row_id, result_id: resultId, reason: outcome.verdict.reason, now: at });
            if (flag !== null) raised.push(flag);
          } else if (outcome.verdict.passed === true) clearFlagOnPass(db, callId, evaluator.row_id, at);
        }
        if (changed) judged.push(callId);
      }
    })();
    return { judged, raised };
  }

  function drain(): void {
    scheduled = false;
    const chunk = pending.slice(0, CHUNK);
    pending = pending.slice(CHUNK);
    if (pending.length > 0) schedule();
    try {
      if (!db.open) return;
      const { judged, raised } = judgeChunk(chunk);
      if (judged.length > 0) events.emit('calls.changed', { ids: judged, change: 'reviewed' });
      if (raised.length > 0) {
        events.emit('calls.flagged', { flags: flagsById(db, raised.slice(-EVENT_FLAGS)), count: raised.length, unseen: flagCounts(db).unseen });
      }
    } catch (error) {
      // a full disk or a closing store: these calls go unjudged, ingestion goes on
      if (db.open) console.error('callscope: watch rules failed on arriving calls:', error instanceof Error ? error.message : error);
    } finally {
      if (pending.length === 0) {
        const done = waiting;
        waiting = [];
        done.forEach((resolve) => resolve());
      }
    }
  }

  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    setImmediate(drain);
  }

  return {
    arrived(callIds) {
      if (callIds.length === 0) return;
      pending.push(...callIds);
      schedule();
    },
    idle: () => (pending.length === 0 && !scheduled ? Promise.resolve() : new Promise((resolve) => waiting.push(resolve))),
  };
}
