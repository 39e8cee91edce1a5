import type { ApiParsedInput, CompareHandlers } from '../../core/api/contract';
import type { CompareResult, CompareSetInput } from '../../core/api/compare-contract';
import type { CallListFilter } from '../../core/api/types';
import { ApiError } from '../../core/api/errors';
import { buildCallSet } from '../../core/compare/figures';
import { drivingCalls } from '../../core/compare/driving-calls';
import { replyDistribution } from '../../core/compare/distribution';
import { FilterTextError, formatFilterText, parseFilterText } from '../../core/compare/filter-text';
import type { Db } from '../store/db';
import { listViews } from '../store/saved-views';
import { readSet } from '../store/compare-sets';
import { startBootstrap, type BootstrapOptions } from '../../core/compare/bootstrap';
import type { CallSet } from '../../core/compare/figures';
import type { ReadRunner } from '../reads/read-runner';

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

/** Resamples between yields: ~10-20 ms of work on 10k calls a side. */
const RESAMPLES_PER_TURN = 25;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

async function bootstrap(a: CallSet, b: CallSet, options: BootstrapOptions, yieldBetween: boolean) {
  const run = startBootstrap(a, b, options);
  while (!run.done()) {
    run.step(RESAMPLES_PER_TURN);
    if (yieldBetween) await nextTurn();
  }
  return run.result();
}

/**
 * Compares two sets on a store. The app runs this in its read worker (reads/read-worker.ts); where
 * there is none (source under test) the bootstrap yields to the event loop every few resamples.
 */
export async function compareOnStore(db: Db, input: ApiParsedInput<'compareSets'>, options: { yieldBetween?: boolean } = {}): Promise<CompareResult> {
  const started = performance.now();
  const a = resolveSet(db, input.a, 'a');
  const b = resolveSet(db, input.b, 'b');
  const readA = readSet(db, a.filter);
  const readB = readSet(db, b.filter);
  const setA = buildCallSet(readA.calls);
  const setB = buildCallSet(readB.calls);
  const result = await bootstrap(setA, setB, { resamples: input.resamples, seed: input.seed }, options.yieldBetween !== false);
  const filters = { a: a.filter, b: b.filter };
  return {
    a: { ...a, filter_text: formatFilterText(a.filter), figures: result.a },
    b: { ...b, filter_text: formatFilterText(b.filter), figures: result.b },
    resamples: input.resamples,
    seed: input.seed,
    differences: result.differences.map((d) => ({ ...d, driving: drivingCalls(d.figure, d.diff, filters, { a: readA.evaluators, b: readB.evaluators }) })),
    distribution: replyDistribution(setA, setB),
    elapsed_ms: Math.round(performance.now() - started),
  };
}

/** compareSets in the read worker when the app has one, else here. */
export function createCompareHandlers({ db, runner }: { db: Db; runner?: ReadRunner | null }): CompareHandlers {
  return { compareSets: (input) => (runner ? runner.run('compareSets', input) : compareOnStore(db, input)) };
}
