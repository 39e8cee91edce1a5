import { describe, expect, it } from 'vitest';
import type { Db } from '../../../src/main/store/db';
import { LATEST_FOR_CALL_SQL, LATEST_FOR_EVALUATOR_SQL, OUTCOMES_FOR_CALLS_SQL, REUSE_SQL } from '../../../src/main/store/evaluation-results';
import { freshStores } from '../../support/fresh-store';

/** The evaluator queries run on every run item and every call opened: they must search indexes. */
const stores = freshStores();
const freshDb = (): Db => stores.db();

const plan = (db: Db, sql: string, ...params: unknown[]) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail).join('\n');

describe('evaluator query plans', () => {
  it('the reuse lookup is one search of the reuse index, with no sort', () => {
    const db = freshDb();
    const detail = plan(db, REUSE_SQL, 1, 1, 'key');
    expect(detail).toMatch(/SEARCH evaluation_results USING COVERING INDEX evaluation_results_reuse \(evaluator_version_id=\? AND call_id=\? AND input_key=\? AND status=\?\)/);
    expect(detail).not.toMatch(/SCAN|TEMP B-TREE/);
    db.close();
  });

  it('the newest result per evaluator on a call searches by call, and the newest-id subquery by (evaluator, call)', () => {
    const db = freshDb();
    const detail = plan(db, LATEST_FOR_CALL_SQL, 1);
    expect(detail).toMatch(/SEARCH r USING INDEX evaluation_results_by_call \(call_id=\?\)/);
    expect(detail).toMatch(/SEARCH x USING COVERING INDEX evaluation_results_by_\w+ \((evaluator_id=\? AND call_id=\?|call_id=\? AND evaluator_id=\?)\)/);
    expect(detail).not.toMatch(/SCAN/);
    db.close();
  });

  it('the newest result per call of one evaluator (alignment) searches by evaluator', () => {
    const db = freshDb();
    const detail = plan(db, LATEST_FOR_EVALUATOR_SQL, 1);
    expect(detail).toMatch(/SEARCH r USING INDEX evaluation_results_by_evaluator \(evaluator_id=\?\)/);
    expect(detail).not.toMatch(/SCAN|TEMP B-TREE/);
    db.close();
  });

  it("the list's result columns search each listed call's results by call, not the whole table", () => {
    const db = freshDb();
    const detail = plan(db, OUTCOMES_FOR_CALLS_SQL, '[1,2,3]');
    expect(detail).toMatch(/SEARCH r USING INDEX evaluation_results_by_call \(call_id=\?\)/);
    expect(detail).not.toMatch(/SCAN r\b|SCAN evaluation_results/);
    db.close();
  });
});
