import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { SavedView } from '../../../core/api/triage-contract';
import { useCallList } from '../calls/store';
import { useApiMutation, useApiQuery } from '../query/api-query';
import { useSeenWhileFlaggedShown, useWatchStatus } from '../watch/queries';
import { activeEntry, applyEntry, entryName, FLAGGED_FILTER, viewEntries, type ViewEntry } from './apply-view';
import { useSavedViews } from './store';
import { useViewKeys } from './useViewKeys';

/** Past this a view's count reads "10,000+": a sidebar of counts must not each visit a million calls. */
export const VIEW_COUNT_LIMIT = 10_000;
/** How long "Deleted … Undo" stays. */
const UNDO_MS = 15_000;
const NO_VIEWS: SavedView[] = [];

function useEntryCount(entry: ViewEntry): string | null {
  // "All calls" is the top bar's own count (one query for both); a view's count stops at a bound
  const filter = entry.kind === 'saved' ? entry.view.filter : FLAGGED_FILTER;
  const input = entry.kind === 'all' ? { filter: {} } : { filter, at_most: VIEW_COUNT_LIMIT };
  const count = useApiQuery('countCalls', input);
  if (!count.data) return null;
  return `${count.data.total.toLocaleString('en-US')}${count.data.exact ? '' : '+'}`;
}

const ENTRY_TITLES = { all: 'Every call, no filter', flagged: 'Calls a watch rule flagged (opening them marks the flags seen)' } as const;

/** `unseen`: the Flagged entry's badge, the flags not seen yet. */
function EntryButton({ entry, active, unseen = 0 }: { entry: ViewEntry; active: boolean; unseen?: number }) {
  const count = useEntryCount(entry);
  const name = entryName(entry);
  const label = count === null ? name : `${name} (${count} ${count === '1' ? 'call' : 'calls'}${unseen > 0 ? `, ${unseen} new` : ''})`;
  return (
    <button
      type="button"
      className="view-item"
      aria-current={active ? 'true' : undefined}
      aria-label={label}
      title={entry.kind === 'saved' ? `${name}: sorted by ${entry.view.sort.column.replaceAll('_', ' ')}, ${entry.view.sort.direction === 'asc' ? 'ascending' : 'descending'}` : ENTRY_TITLES[entry.kind]}
      onClick={() => applyEntry(entry)}
    >
      <span className="view-name">{name}</span>
      {unseen > 0 && (
        <span className="badge" aria-hidden="true" data-testid="flagged-badge">
          {unseen.toLocaleString('en-US')}
        </span>
      )}
      <span className="view-count muted" aria-hidden="true">
        {count ?? '…'}
      </span>
    </button>
  );
}

function UndoDelete({ view }: { view: SavedView }) {
  const client = useQueryClient();
  const setDeleted = useSavedViews((s) => s.setDeleted);
  const restore = useApiMutation('saveView', {
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['listViews'] });
      setDeleted(null);
    },
  });
  useEffect(() => {
    const timer = setTimeout(() => setDeleted(null), UNDO_MS);
    return () => clearTimeout(timer);
  }, [view, setDeleted]);
  return (
    <p className="view-undo small" role="status">
      Deleted “{view.name}”.{' '}
      <button type="button" className="link" disabled={restore.isPending} onClick={() => restore.mutate({ name: view.name, filter: view.filter, sort: view.sort })}>
        Undo
      </button>
      {restore.error && <span className="error"> Could not restore it: {restore.error.message}</span>}
    </p>
  );
}

/** The sidebar: "All calls" and the saved views with their counts; a click shows one (filter and sort), the one shown is marked. */
export function SavedViews() {
  const client = useQueryClient();
  const hidden = useSavedViews((s) => s.hidden);
  const deleted = useSavedViews((s) => s.deleted);
  const views = useApiQuery('listViews', {});
  const filter = useCallList((s) => s.filter);
  const sort = useCallList((s) => s.sort);
  const remove = useApiMutation('deleteView', {
    onSuccess: async ({ deleted: view }) => {
      useSavedViews.getState().setDeleted(view);
      await client.invalidateQueries({ queryKey: ['listViews'] });
    },
  });
  const saved = views.data ?? NO_VIEWS;
  const watch = useWatchStatus();
  useSeenWhileFlaggedShown(watch);
  // listed once there is something to show in it: a rule watching, or a call still flagged
  const withFlagged = (watch?.watched_rules ?? 0) > 0 || (watch?.flagged_calls ?? 0) > 0;
  useViewKeys(saved, withFlagged);

  if (hidden) {
    return (
      <nav aria-label="Saved views" className="views-strip">
        <button type="button" className="views-toggle" aria-label="Show saved views" title="Show saved views (v / Shift+V cycle them)" onClick={() => useSavedViews.getState().setHidden(false)}>
          »
        </button>
      </nav>
    );
  }

  const entries = viewEntries(saved, withFlagged);
  const active = activeEntry(entries, { filter, sort });
  return (
    <nav aria-label="Saved views" className="views-sidebar">
      <div className="views-head">
        <h2 className="views-title" title="v: next view, Shift+V: previous">
          Views
        </h2>
        <button type="button" className="views-toggle" aria-label="Hide saved views" title="Hide saved views" onClick={() => useSavedViews.getState().setHidden(true)}>
          «
        </button>
      </div>
      <ul className="view-list">
        {entries.map((entry, i) => (
          <li key={entry.kind === 'saved' ? entry.view.id : entry.kind} className={i === active ? 'view-row active' : 'view-row'}>
            <EntryButton entry={entry} active={i === active} unseen={entry.kind === 'flagged' ? watch?.unseen : 0} />
            {/* "All calls" and "Flagged" cannot go: an empty slot keeps their counts in line with the others */}
            {entry.kind !== 'saved' && <span className="view-delete" aria-hidden="true" />}
            {entry.kind === 'saved' && (
              <button
                type="button"
                className="view-delete"
                aria-label={`Delete view ${entry.view.name}`}
                title="Delete this view"
                disabled={remove.isPending}
                onClick={() => remove.mutate({ id: entry.view.id })}
              >
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      {deleted && <UndoDelete view={deleted} />}
      {views.error && (
        <p className="error small" role="alert">
          Could not read the saved views: {views.error.message}
        </p>
      )}
      {views.data && saved.length === 0 && !deleted && <p className="muted small views-empty">Set filters and a sort, then “Save view…” to keep them here.</p>}
    </nav>
  );
}
