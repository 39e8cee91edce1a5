import type { ApiParsedInput, CompareHandlers } from '../../core/api/contract';
import type { CompareResult, CompareSetInput } from '../../core/api/compare-contract';
import type { CallListFilter } from '../../core/api/types';
import { ApiError } from '../../core/api/errors';
import { buildCallSet } from '../../core/compare/figures';
import { startBootstrap } from '../../core/compare/bootstrap';
import { drivingCalls } from '../../core/compare/driving-calls';
import { replyDistribution } from '../../core/compare/distribution';
import { FilterTextError, formatFilterText, parseFilterText } from '../../core/compare/filter-text';
import type { Db } from '../store/db';
import { listViews } from '../store/saved-views';
import { readCallFacts } from '../store/compare-sets';

/** A set as given: its filter and what to call it. */
function resolveSet(db: Db, set: CompareSetInput, name: 'a' | 'b'): { label: string; filter: CallListFilter } {
  if (set.view_id !== undefined) {
    const view = listViews(db).find((v) => v.id === set.view_id);
    if (!view) throw new ApiError('not_found', `${name}: no saved view with id ${set.view_id}`);
    return { label: view.name, filter: view.filter };
  }
  if (set.text !== undefined) {
    try {
      const filter = parseFilterText(set.text);
      return { label: formatFilterText(filter) || 'all calls', filter };
    } catch (error) {
      if (error instanceof FilterTextError) throw new ApiError('bad_request', `${name}: ${error.message}`, [{ path: `${name}.text`, message: error.message }]);
      throw error;
    }
  }
  const filter = set.filter ?? {};
  return { label: formatFilterText(filter) || 'all calls', filter };
}

/** Resamples between yields: ~10-20 ms of work on 10k calls a side, so the listener answers meanwhile. */
const RESAMPLES_PER_TURN = 25;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Compares two sets on a store. The bootstrap runs in turns of a few resamples, yielding between
 * them, so the app's one thread keeps serving the listener and the UI while it runs (10k vs 10k
 * calls x 1,000 resamples is about a second of work).
 */
export async function compareOnStore(db: Db, input: ApiParsedInput<'compareSets'>, options: { yieldBetween?: boolean } = {}): Promise<CompareResult> {
  const started = performance.now();
  const a = resolveSet(db, input.a, 'a');
  const b = resolveSet(db, input.b, 'b');
  const setA = buildCallSet(readCallFacts(db, a.filter));
  const setB = buildCallSet(readCallFacts(db, b.filter));
  const run = startBootstrap(setA, setB, { resamples: input.resamples, seed: input.seed });
  while (!run.done()) {
    run.step(RESAMPLES_PER_TURN);
    if (options.yieldBetween !== false) await nextTurn();
  }
  const result = run.result();
  const filters = { a: a.filter, b: b.filter };
  return {
    a: { ...a, filter_text: formatFilterText(a.filter), figures: result.a },
    b: { ...b, filter_text: formatFilterText(b.filter), figures: result.b },
    resamples: input.resamples,
    seed: input.seed,
    differences: result.differences.map((d) => ({ ...d, driving: drivingCalls(d.figure, d.diff, filters) })),
    distribution: replyDistribution(setA, setB),
    elapsed_ms: Math.round(performance.now() - started),
  };
}

export function createCompareHandlers({ db }: { db: Db }): CompareHandlers {
  return { compareSets: (input) => compareOnStore(db, input) };
}
