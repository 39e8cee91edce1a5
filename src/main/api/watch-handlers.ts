import type { WatchHandlers } from '../../core/api/contract';
import type { WatchStatus } from '../../core/api/watch-contract';
import { ApiError } from '../../core/api/errors';
import { clearFlags, flagCounts, listFlags, markFlagsSeen } from '../store/call-flags';
import { countCalls } from '../store/call-list';
import type { Db } from '../store/db';
import { getEvaluator, setEvaluatorWatch } from '../store/evaluators';
import type { EventBus } from './events';

export interface WatchHandlerDeps {
  db: Db;
  events: EventBus;
  now?: () => string;
}

/** Watch rules' methods (watch-contract.ts): the switch on a rule, the flags and their counts. */
export function createWatchHandlers({ db, events, now = () => new Date().toISOString() }: WatchHandlerDeps): WatchHandlers {
  const status = (): WatchStatus => ({ ...flagCounts(db), flagged_calls: countCalls(db, { flagged: true }) });
  /** Other windows and tabs show the same badges: a change here is said to them too. */
  const announce = () => events.emit('calls.flagged', { flags: [], count: 0 });
  return {
    setEvaluatorWatch: ({ id, watch }) => {
      const evaluator = getEvaluator(db, id);
      if (!evaluator) throw new ApiError('not_found', `no evaluator with id ${id}`);
      if (watch && evaluator.spec.kind !== 'rule') {
        throw new ApiError('invalid_payload', `${evaluator.spec.name} is an LLM judge: only rule evaluators can watch arriving calls (a judge is neither instant nor free)`, [
          { path: 'watch', message: 'only a rule evaluator can watch' },
        ]);
      }
      setEvaluatorWatch(db, id, watch);
      const { row_id: _row, version_id: _version, ...updated } = getEvaluator(db, id) ?? evaluator;
      return updated;
    },
    listActivity: ({ before_id: beforeId, limit }) => {
      // one more than asked: whether an older page exists
      const rows = listFlags(db, beforeId ?? null, limit + 1);
      const entries = rows.slice(0, limit);
      return { entries, next_before_id: rows.length > limit ? (entries.at(-1)?.id ?? null) : null };
    },
    getWatchStatus: status,
    markFlagsSeen: ({ up_to_id: upToId }) => {
      if (markFlagsSeen(db, upToId ?? Number.MAX_SAFE_INTEGER, now()) > 0) announce();
      return status();
    },
    clearFlags: ({ ids }) => {
      const cleared = clearFlags(db, ids, now());
      if (cleared > 0) announce();
      return { cleared };
    },
  };
}
