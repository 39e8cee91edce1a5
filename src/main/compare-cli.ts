import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ApiError } from '../core/api/errors';
import { DEFAULT_RESAMPLES, MAX_RESAMPLES, type CompareResult, type CompareSetInput } from '../core/api/compare-contract';
import { checkThreshold, parseThreshold, ThresholdError, type Threshold, type ThresholdCheck } from '../core/compare/fail-on';
import { FilterTextError, parseFilterText } from '../core/compare/filter-text';
import type { Figure } from '../core/compare/figures';
import { resolveDataDir } from './config';
import { openReadOnlyDb, type Db } from './store/db';
import { currentSchemaVersion, latestSchemaVersion } from './store/migrations';
import { listViews } from './store/saved-views';
import { compareOnStore } from './api/compare-handlers';

/**
 * `callscope compare`: two sets of calls' fleet figures and their differences with bootstrap
 * intervals, for CI gating. Exit 0 when no --fail-on threshold is crossed, 1 when one is, 2 for
 * bad usage (an unknown option or figure, a filter that does not parse, no store). Reads the store
 * on a read-only connection: a running app or `serve` keeps writing meanwhile (WAL).
 */

export class UsageError extends Error {}

/** The `--json` output: a stable shape (README "Compare two sets"). */
export interface CompareJson {
  a: { label: string; filter: CompareResult['a']['filter']; filter_text: string };
  b: { label: string; filter: CompareResult['b']['filter']; filter_text: string };
  resamples: number;
  seed: number;
  figures: { figure: Figure; a: number | null; b: number | null; diff: number | null; relative: number | null; interval: [number, number] | null; excludes_zero: boolean }[];
  thresholds: ThresholdCheck[];
  /** whether any threshold was crossed (the exit code is 1) */
  failed: boolean;
}

function setOf(db: Db, name: 'a' | 'b', text: string | undefined, view: string | undefined): CompareSetInput {
  if ((text === undefined) === (view === undefined)) throw new UsageError(`give either --${name} '<filter>' or --${name}-view '<saved view name>'`);
  if (view !== undefined) {
    const views = listViews(db);
    const found = views.find((v) => v.name.toLowerCase() === view.trim().toLowerCase());
    if (!found) throw new UsageError(`--${name}-view: no saved view "${view}" (views: ${views.map((v) => v.name).join(', ') || 'none'})`);
    return { view_id: found.id };
  }
  try {
    return { filter: parseFilterText(text ?? '') };
  } catch (error) {
    if (error instanceof FilterTextError) throw new UsageError(`--${name}: ${error.message}`);
    throw error;
  }
}

function whole(value: string | undefined, option: string, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${option} must be a whole number from ${min} to ${max}, not "${value}"`);
  return n;
}

const shown = (v: number | null, figure: Figure) =>
  v === null ? '-' : figure.endsWith('_ms') ? v.toFixed(0) : figure === 'calls' ? String(v) : v.toFixed(3);
const signed = (v: number | null, figure: Figure) => (v === null ? '-' : `${v > 0 ? '+' : ''}${shown(v, figure)}`);

function table(json: CompareJson): string {
  const rows = [['figure', 'A', 'B', 'B - A', '95% interval', 'relative']];
  for (const f of json.figures) {
    rows.push([
      f.figure,
      shown(f.a, f.figure),
      shown(f.b, f.figure),
      signed(f.diff, f.figure),
      f.interval ? `[${signed(f.interval[0], f.figure)}, ${signed(f.interval[1], f.figure)}]${f.excludes_zero ? ' *' : ''}` : '-',
      f.relative === null ? '-' : `${f.relative > 0 ? '+' : ''}${(f.relative * 100).toFixed(1)}%`,
    ]);
  }
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  const lines = rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  '));
  const checks = json.thresholds.map((t) => `${t.crossed ? 'CROSSED' : 'ok'}  ${t.threshold}  (observed ${t.observed === null ? 'nothing to measure' : t.observed.toFixed(2)})`);
  return [
    `A: ${json.a.label}`,
    `B: ${json.b.label}`,
    `${json.resamples} bootstrap resamples of calls, seed ${json.seed}; * the interval excludes 0`,
    '',
    ...lines,
    ...(checks.length > 0 ? ['', ...checks] : []),
    '',
  ].join('\n');
}

export async function runCompare(args: string[], env: NodeJS.ProcessEnv): Promise<{ output: string; exitCode: 0 | 1 }> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        'data-dir': { type: 'string' },
        a: { type: 'string' },
        b: { type: 'string' },
        'a-view': { type: 'string' },
        'b-view': { type: 'string' },
        'fail-on': { type: 'string', multiple: true },
        json: { type: 'boolean', default: false },
        resamples: { type: 'string' },
        seed: { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  let thresholds: Threshold[];
  try {
    thresholds = (values['fail-on'] ?? []).map(parseThreshold);
  } catch (error) {
    if (error instanceof ThresholdError) throw new UsageError(error.message);
    throw error;
  }
  const resamples = whole(values.resamples, '--resamples', 100, MAX_RESAMPLES, DEFAULT_RESAMPLES);
  const seed = whole(values.seed, '--seed', 0, 2 ** 32 - 1, 1);
  const dataDir = resolveDataDir(values['data-dir'], env);
  const file = join(dataDir, 'callscope.db');
  if (!existsSync(file)) throw new UsageError(`no Callscope store in ${dataDir} (no callscope.db)`);
  const db = openReadOnlyDb(file);
  try {
    const version = currentSchemaVersion(db);
    if (version < latestSchemaVersion) throw new UsageError(`the store in ${dataDir} is at version ${version}; open it once with this version of the app or "callscope serve" to upgrade it to ${latestSchemaVersion}`);
    const a = setOf(db, 'a', values.a, values['a-view']);
    const b = setOf(db, 'b', values.b, values['b-view']);
    let result: CompareResult;
    try {
      result = await compareOnStore(db, { a, b, resamples, seed }, { yieldBetween: false });
    } catch (error) {
      if (error instanceof ApiError && error.code !== 'internal') throw new UsageError(error.message);
      throw error;
    }
    const checks = thresholds.map((t) => checkThreshold(t, result.differences));
    const json: CompareJson = {
      a: { label: result.a.label, filter: result.a.filter, filter_text: result.a.filter_text },
      b: { label: result.b.label, filter: result.b.filter, filter_text: result.b.filter_text },
      resamples,
      seed,
      figures: result.differences.map(({ figure, a: va, b: vb, diff, relative, interval, excludes_zero: excludesZero }) => ({ figure, a: va, b: vb, diff, relative, interval, excludes_zero: excludesZero })),
      thresholds: checks,
      failed: checks.some((c) => c.crossed),
    };
    return { output: values.json ? `${JSON.stringify(json, null, 2)}\n` : table(json), exitCode: json.failed ? 1 : 0 };
  } finally {
    db.close();
  }
}
