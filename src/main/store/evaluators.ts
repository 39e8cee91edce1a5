import { randomUUID } from 'node:crypto';
import { evaluatorSpecSchema, specKey, type Evaluator, type EvaluatorSpec } from '../../core/evaluators/definition';
import type { Db } from './db';
import { stmt } from './statements';

/** Query module for `evaluators` and `evaluator_versions`. */

interface VersionRow {
  id: number;
  evaluator_id: number;
  public_id: string;
  template: string | null;
  version: number;
  spec: string;
  created_at: string;
  updated_at: string;
  watch: number;
}

export interface StoredEvaluator extends Evaluator {
  /** row ids, for results and runs. */
  row_id: number;
  version_id: number;
}

const LATEST = `
  SELECT v.id, v.evaluator_id, e.public_id, e.template, e.watch, v.version, v.spec, e.created_at, v.created_at AS updated_at
  FROM evaluators e JOIN evaluator_versions v ON v.evaluator_id = e.id
  WHERE e.deleted_at IS NULL AND v.version = (SELECT MAX(version) FROM evaluator_versions WHERE evaluator_id = e.id)`;

function fromRow(row: VersionRow): StoredEvaluator {
  return {
    id: row.public_id,
    version: row.version,
    // Specs were validated on write; parsing again fills defaults a newer schema added.
    spec: evaluatorSpecSchema.parse(JSON.parse(row.spec)),
    created_at: row.created_at,
    updated_at: row.updated_at,
    template: row.template,
    watch: row.watch === 1,
    row_id: row.evaluator_id,
    version_id: row.id,
  };
}

export function listEvaluators(db: Db): StoredEvaluator[] {
  return stmt<[], VersionRow>(db, `${LATEST} ORDER BY e.id`).all().map(fromRow);
}

export function getEvaluator(db: Db, publicId: string): StoredEvaluator | null {
  const row = stmt<[string], VersionRow>(db, `${LATEST} AND e.public_id = ?`).get(publicId);
  return row ? fromRow(row) : null;
}

export function getEvaluatorVersion(db: Db, versionId: number): StoredEvaluator | null {
  const row = stmt<[number], VersionRow>(
    db,
    `SELECT v.id, v.evaluator_id, e.public_id, e.template, e.watch, v.version, v.spec, e.created_at, v.created_at AS updated_at
     FROM evaluator_versions v JOIN evaluators e ON e.id = v.evaluator_id WHERE v.id = ?`,
  ).get(versionId);
  return row ? fromRow(row) : null;
}

function insertVersion(db: Db, evaluatorId: number, version: number, spec: EvaluatorSpec, now: string): void {
  stmt(db, 'INSERT INTO evaluator_versions (evaluator_id, version, spec, spec_key, created_at) VALUES (?, ?, ?, ?, ?)').run(
    evaluatorId,
    version,
    JSON.stringify(spec),
    specKey(spec),
    now,
  );
}

export function createEvaluator(db: Db, spec: EvaluatorSpec, template: string | null, now: string): StoredEvaluator {
  const publicId = randomUUID();
  db.transaction(() => {
    const id = Number(stmt(db, 'INSERT INTO evaluators (public_id, template, created_at) VALUES (?, ?, ?)').run(publicId, template, now).lastInsertRowid);
    insertVersion(db, id, 1, spec, now);
  })();
  const created = getEvaluator(db, publicId);
  if (!created) throw new Error('evaluator vanished after insert');
  return created;
}

/** An edit that changes the spec adds a version; saving the same spec again changes nothing. */
export function updateEvaluator(db: Db, current: StoredEvaluator, spec: EvaluatorSpec, now: string): StoredEvaluator {
  if (specKey(spec) === specKey(current.spec)) return current;
  insertVersion(db, current.row_id, current.version + 1, spec, now);
  return getEvaluator(db, current.id) ?? current;
}

/** Turns watching on or off (no new version: what the rule judges is unchanged). */
export function setEvaluatorWatch(db: Db, publicId: string, watch: boolean): boolean {
  return stmt(db, 'UPDATE evaluators SET watch = ? WHERE public_id = ? AND deleted_at IS NULL').run(Number(watch), publicId).changes > 0;
}

/** The live evaluators marked to watch arriving calls, newest version each (a few rows: the table is small). */
export function watchedEvaluators(db: Db): StoredEvaluator[] {
  return stmt<[], VersionRow>(db, `${LATEST} AND e.watch = 1 ORDER BY e.id`).all().map(fromRow);
}

/** Soft delete: results stay attached (and the delete can be undone). */
export function deleteEvaluator(db: Db, publicId: string, now: string): boolean {
  return stmt(db, 'UPDATE evaluators SET deleted_at = ? WHERE public_id = ? AND deleted_at IS NULL').run(now, publicId).changes > 0;
}

export function restoreEvaluator(db: Db, publicId: string): boolean {
  return stmt(db, 'UPDATE evaluators SET deleted_at = NULL WHERE public_id = ? AND deleted_at IS NOT NULL').run(publicId).changes > 0;
}
