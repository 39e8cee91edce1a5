import { runRule, type RuleInput } from '../../core/evaluators/rules';
import type { Rule } from '../../core/evaluators/definition';
import { lifecycleStage } from '../../core/model/lifecycle';
import type { Verdict } from '../../core/evaluators/verdict';
import type { EventBus } from '../api/events';
import { clearFlagOnPass, flagsById, raiseFlag } from '../store/call-flags';
import type { Db } from '../store/db';
import { findReusableResult, insertResult, type NewResult } from '../store/evaluation-results';
import { watchedEvaluators, type StoredEvaluator } from '../store/evaluators';
import type { IngestResult } from '../store/ingest';
import { callInputOf, loadCallInput, ruleInputKey, type CallInput } from './call-input';

/**
 * Watch rules: every rule evaluator marked `watch` runs on each arriving call once the call's
 * ingest transaction has committed (the listener's 2xx already went out, and nothing here can
 * fail it). Each result is stored as a normal evaluation result (the list's columns and filters
 * show it); a fail raises a flag, a pass clears one; "not applicable" (nothing to measure) does
 * neither. Calls gather for a moment and are judged a chunk at a time, each chunk in one
 * transaction that waits for no fsync, so ingestion keeps its pace (docs/DESIGN.md, watch rules).
 */
export interface Watcher {
  /** calls just stored or merged (their ingest results): they are judged on a later turn of the event loop. */
  arrived(calls: readonly IngestResult[]): void;
  /** resolves once every call queued so far has been judged (tests and the bench wait on it). */
  idle(): Promise<void>;
  /** judges every queued call now (before the store closes: `callscope import` exits right after). */
  flush(): void;
}

export interface WatcherDeps {
  db: Db;
  events: EventBus;
  now?: () => string;
  /** how a rule is judged (tests put in one that throws). */
  judge?: (rule: Rule, input: RuleInput) => Verdict;
}

/** Calls judged per transaction: large enough to share a commit, small enough to let requests through between chunks. */
const CHUNK = 256;
/**
 * How long arriving calls wait to be judged together: under load, many ingest batches share one
 * watch transaction and one event (a notification 50 ms later is not later to anyone).
 */
const GATHER_MS = 50;
/** Flags one `calls.flagged` event names (the count says how many there were). */
const EVENT_FLAGS = 20;

export function createWatcher({ db, events, now = () => new Date().toISOString(), judge = runRule }: WatcherDeps): Watcher {
  let pending: IngestResult[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  let scheduled = false;
  let waiting: (() => void)[] = [];

  const judgeOne = (evaluator: StoredEvaluator, rule: Rule, input: RuleInput): NewResult['outcome'] => {
    try {
      return { status: 'done', verdict: judge(rule, input) };
    } catch (error) {
      // a broken rule is an errored result on this call, never a failed ingest
      return { status: 'failed', error: `the rule ${evaluator.spec.name} failed: ${error instanceof Error ? error.message : String(error)}` };
    }
  };

  /** A created call is judged from what ingest had in hand; a merged one is read back (it may have more than this payload). */
  const inputOf = (arrived: IngestResult): CallInput | null =>
    arrived.outcome === 'created' && arrived.fresh
      ? callInputOf(arrived.call, arrived.fresh.turns, arrived.fresh.turns.length > 0 ? arrived.fresh.transcript : null, 'transcript')
      : loadCallInput(db, arrived.call.id);

  type Watched = { evaluator: StoredEvaluator; rule: Rule };

  /** Judges one call with every watched rule; answers whether a result was added, and pushes the flags it raised. */
  function judgeCall(arrived: IngestResult, rules: readonly Watched[], at: string, raised: number[]): boolean {
    // a call still ringing or going on (Retell's call_started) has nothing to measure yet: it is
    // judged when its end arrives, rather than flagged for what it has not said so far
    const stage = lifecycleStage(arrived.call);
    if (stage === 'registered' || stage === 'ongoing') return false;
    const callId = arrived.call.id;
    const input = inputOf(arrived);
    if (!input) return false; // deleted meanwhile
    const isNew = arrived.outcome === 'created';
    const key = ruleInputKey(input);
    let changed = false;
    for (const { evaluator, rule } of rules) {
      // an unchanged call (a merge that changed nothing a rule reads) keeps its result and flag
      if (!isNew && findReusableResult(db, evaluator.version_id, callId, key) !== null) continue;
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
        const flag = raiseFlag(db, { new_call: isNew, call_id: callId, evaluator_row_id: evaluator.row_id, result_id: resultId, reason: outcome.verdict.reason, now: at });
        if (flag !== null) raised.push(flag);
      } else if (outcome.verdict.passed === true && !isNew) clearFlagOnPass(db, callId, evaluator.row_id, at);
    }
    return changed;
  }

  /** judgeCall in a savepoint of its own (wrapped once: better-sqlite3 makes a function per wrap). */
  const inSavepoint = db.transaction(judgeCall);

  /** Every call of the chunk in one transaction; throws (nothing kept) if one call fails. */
  const judgeAll = db.transaction((arrivals: readonly IngestResult[], rules: readonly Watched[], at: string, judged: number[], raised: number[]) => {
    for (const arrived of arrivals) if (judgeCall(arrived, rules, at, raised)) judged.push(arrived.call.id);
  });

  /** Again, each call in a savepoint of its own: the one that fails (deleted meanwhile, its results refused) spoils only itself. */
  const judgeEach = db.transaction((arrivals: readonly IngestResult[], rules: readonly Watched[], at: string, judged: number[], raised: number[]) => {
    for (const arrived of arrivals) {
      try {
        const itsFlags: number[] = [];
        if (inSavepoint(arrived, rules, at, itsFlags)) judged.push(arrived.call.id);
        raised.push(...itsFlags);
      } catch (error) {
        if (!db.open) throw error;
        console.error(`callscope: watch rules could not judge call ${arrived.call.id}:`, error instanceof Error ? error.message : error);
      }
    }
  });

  /** Judges one chunk of calls with every watched rule; answers the calls with new results and the flags raised. */
  function judgeChunk(arrivals: readonly IngestResult[]): { judged: number[]; raised: number[] } {
    let judged: number[] = [];
    let raised: number[] = [];
    const rules = watchedEvaluators(db).flatMap((e) => (e.spec.kind === 'rule' ? [{ evaluator: e, rule: e.spec.rule }] : []));
    if (rules.length === 0) return { judged, raised };
    const at = now();
    // Results are derived data: their commit need not wait for the disk (synchronous = NORMAL, in
    // WAL mode no fsync). The next ingest commit's fsync writes them down with it; a power cut
    // before that loses only judgements, never a call, whose 2xx was given at a FULL commit.
    db.pragma('synchronous = NORMAL');
    try {
      try {
        // the common case in one go: a savepoint per call would cost each call two statements more
        judgeAll(arrivals, rules, at, judged, raised);
      } catch (error) {
        if (!db.open) throw error;
        judged = [];
        raised = [];
        judgeEach(arrivals, rules, at, judged, raised);
      }
    } finally {
      if (db.open) db.pragma('synchronous = FULL');
    }
    return { judged, raised };
  }

  function drain(): void {
    scheduled = false;
    if (timer) clearTimeout(timer);
    timer = null;
    const chunk = pending.slice(0, CHUNK);
    pending = pending.slice(CHUNK);
    if (pending.length > 0) schedule();
    try {
      if (!db.open || chunk.length === 0) return;
      const { judged, raised } = judgeChunk(chunk);
      if (judged.length > 0) events.emit('calls.changed', { ids: judged, change: 'reviewed' });
      if (raised.length > 0) {
        events.emit('calls.flagged', { flags: flagsById(db, raised.slice(-EVENT_FLAGS)), count: raised.length });
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

  /** A full chunk goes at once; fewer calls wait a little for company. */
  function schedule(): void {
    if (timer && pending.length >= CHUNK) {
      clearTimeout(timer);
      timer = null;
      scheduled = false;
    }
    if (scheduled) return;
    scheduled = true;
    if (pending.length >= CHUNK) setImmediate(drain);
    else timer = setTimeout(drain, GATHER_MS);
  }

  return {
    arrived(calls) {
      if (calls.length === 0) return;
      pending.push(...calls);
      schedule();
    },
    idle: () => (pending.length === 0 && !scheduled ? Promise.resolve() : new Promise((resolve) => waiting.push(resolve))),
    flush() {
      while (pending.length > 0) drain();
    },
  };
}
