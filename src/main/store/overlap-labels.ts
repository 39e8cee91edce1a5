import type { TimingMetrics } from '../../core/metrics/compute';
import { classCounts, overlapKey, type OverlapClassCounts, type OverlapLabelPair } from '../../core/metrics/overlap-review';
import { fromJsonColumn } from './json-columns';
import type { OverlapClass } from '../../core/metrics/overlap-verdicts';
import type { Db } from './db';
import { stmt } from './statements';

/** Query module for `overlap_labels` and `calls.overlap_counts` (migration 16). */

/** The call's overlaps by class as the list shows them; null when no speech could be placed in time. */
export function overlapCountsJson(best: TimingMetrics | null, confirmed: ReadonlyMap<number, OverlapClass> = new Map()): string | null {
  return best?.interruptions ? JSON.stringify(classCounts(best.overlaps ?? [], confirmed)) : null;
}

export function confirmedLabels(db: Db, callId: number): Map<number, OverlapClass> {
  const rows = stmt<[number], { at_ms: number; class: OverlapClass }>(db, 'SELECT at_ms, class FROM overlap_labels WHERE call_id = ?').all(callId);
  return new Map(rows.map((row) => [row.at_ms, row.class]));
}

/** Stores a reviewer's class for the overlap at `atMs` (null takes the label away). */
export function setOverlapLabel(db: Db, callId: number, atMs: number, label: OverlapClass | null, automatic: OverlapClass, now: string): void {
  if (label === null) {
    stmt(db, 'DELETE FROM overlap_labels WHERE call_id = ? AND at_ms = ?').run(callId, overlapKey(atMs));
    return;
  }
  stmt(
    db,
    'INSERT INTO overlap_labels (call_id, at_ms, class, automatic_class, labelled_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (call_id, at_ms) DO UPDATE SET class = excluded.class, automatic_class = excluded.automatic_class, labelled_at = excluded.labelled_at',
  ).run(callId, overlapKey(atMs), label, automatic, now);
}

export function saveOverlapCounts(db: Db, callId: number, best: TimingMetrics | null): void {
  stmt(db, 'UPDATE calls SET overlap_counts = ? WHERE id = ?').run(overlapCountsJson(best, confirmedLabels(db, callId)), callId);
}

/** Every label with the automatic class it was given: what the agreement figures compare. */
export function labelPairs(db: Db): OverlapLabelPair[] {
  return stmt<[], { automatic: OverlapClass; confirmed: OverlapClass }>(db, 'SELECT automatic_class AS automatic, class AS confirmed FROM overlap_labels').all();
}

/** A page's overlaps by class (the list's Overlaps column), one query per page. */
export function overlapCountsFor(db: Db, callIds: readonly number[]): Map<number, OverlapClassCounts | null> {
  const rows = stmt<[string], { id: number; overlap_counts: string | null }>(db, 'SELECT id, overlap_counts FROM calls WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(callIds));
  return new Map(rows.map((row) => [row.id, fromJsonColumn<OverlapClassCounts>(row.overlap_counts)]));
}
