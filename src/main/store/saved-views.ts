import type { CallListQuery } from '../../core/api/types';
import type { Db } from './db';
import { stmt } from './statements';

/** Query module for saved views (migration 11): a named filter and sort. */

export interface SavedView {
  id: number;
  name: string;
  filter: CallListQuery['filter'];
  sort: CallListQuery['sort'];
  created_at: string;
}

interface ViewRow {
  id: number;
  name: string;
  filter: string;
  sort: string;
  created_at: string;
}

const fromRow = (row: ViewRow): SavedView => {
  const filter: CallListQuery['filter'] = JSON.parse(row.filter);
  const sort: CallListQuery['sort'] = JSON.parse(row.sort);
  return { id: row.id, name: row.name, filter, sort, created_at: row.created_at };
};

export function listViews(db: Db): SavedView[] {
  return stmt<[], ViewRow>(db, 'SELECT id, name, filter, sort, created_at FROM saved_views ORDER BY name COLLATE NOCASE').all().map(fromRow);
}

/** Saves a view under a name; the same name (whatever its case) is replaced. */
export function saveView(db: Db, name: string, filter: CallListQuery['filter'], sort: CallListQuery['sort'], now: string): SavedView {
  const row = stmt<[string, string, string, string], ViewRow>(
    db,
    `INSERT INTO saved_views (name, filter, sort, created_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET filter = excluded.filter, sort = excluded.sort
     RETURNING id, name, filter, sort, created_at`,
  ).get(name, JSON.stringify(filter), JSON.stringify(sort), now);
  if (!row) throw new Error(`view "${name}" was not saved`);
  return fromRow(row);
}

/** Deletes a view; answers it (what an undo saves again), or null when there was none. */
export function deleteView(db: Db, id: number): SavedView | null {
  const row = stmt<[number], ViewRow>(db, 'DELETE FROM saved_views WHERE id = ? RETURNING id, name, filter, sort, created_at').get(id);
  return row ? fromRow(row) : null;
}
