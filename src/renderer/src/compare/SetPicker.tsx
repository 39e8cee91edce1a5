import { useId } from 'react';
import { formatFilterText, parseFilterText } from '../../../core/compare/filter-text';
import type { CallListFilter } from '../../../core/api/types';
import type { SavedView } from '../../../core/api/triage-contract';
import { useCallList } from '../calls/store';
import { useCompare, type SetSource } from './store';

/** A set as the API takes it, or why it cannot be read (shown under the text). */
export type ResolvedSet = { ok: true; input: { filter: CallListFilter } | { view_id: number } } | { ok: false; error: string };

export function resolveSet(source: SetSource, listFilter: CallListFilter): ResolvedSet {
  if (source.kind === 'list') return { ok: true, input: { filter: listFilter } };
  if (source.kind === 'view') return source.id === null ? { ok: false, error: 'Choose a saved view.' } : { ok: true, input: { view_id: source.id } };
  try {
    return { ok: true, input: { filter: parseFilterText(source.text) } };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** One set's choice: filter text (parsed as it is typed, its error shown), the Calls list's filter, or a saved view. */
export function SetPicker({ side, views }: { side: 'a' | 'b'; views: readonly SavedView[] }) {
  const source = useCompare((s) => s[side]);
  const listFilter = useCallList((s) => s.filter);
  const id = useId();
  const name = `Set ${side.toUpperCase()}`;
  const resolved = resolveSet(source, listFilter);
  const set = (next: SetSource) => useCompare.getState().setSource(side, next);
  const listText = formatFilterText(listFilter);
  return (
    <fieldset className={`compare-set set-${side}`}>
      <legend>{name}</legend>
      <label className="compare-source">
        <span>Source</span>
        <select
          aria-label={`${name} source`}
          value={source.kind}
          onChange={(e) => {
            const kind = e.target.value;
            if (kind === 'list') set({ kind: 'list' });
            else if (kind === 'view') set({ kind: 'view', id: views[0]?.id ?? null });
            // starting from the list's filter: typing usually narrows what is there
            else set({ kind: 'text', text: source.kind === 'list' ? listText : '' });
          }}
        >
          <option value="text">Filter text</option>
          <option value="list">The Calls list's filter</option>
          <option value="view" disabled={views.length === 0}>
            A saved view
          </option>
        </select>
      </label>
      {source.kind === 'text' && (
        <label className="compare-text">
          <span>Filter</span>
          <input
            type="text"
            aria-label={`${name} filter`}
            aria-invalid={!resolved.ok}
            aria-describedby={`${id}-help`}
            spellCheck={false}
            placeholder="agent=sales-v2 since=2026-11-01 p90>2000 (empty: every call)"
            value={source.text}
            onChange={(e) => set({ kind: 'text', text: e.target.value })}
          />
        </label>
      )}
      {source.kind === 'view' && (
        <label className="compare-view">
          <span>View</span>
          <select aria-label={`${name} view`} value={source.id ?? ''} onChange={(e) => set({ kind: 'view', id: Number(e.target.value) })}>
            {views.map((view) => (
              <option key={view.id} value={view.id}>
                {view.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <p id={`${id}-help`} className={resolved.ok ? 'muted small compare-help' : 'error small compare-help'} role={resolved.ok ? undefined : 'alert'}>
        {!resolved.ok
          ? resolved.error
          : source.kind === 'list'
            ? `The Calls list's filter: ${listText || 'every call'}`
            : source.kind === 'view'
              ? `Filter: ${formatFilterText(views.find((v) => v.id === source.id)?.filter ?? {}) || 'every call'}`
              : source.text.trim() === ''
                ? 'Every call.'
                : 'Keys: agent, tag, verdict, since, until, within, platform, end_reason, q, p50, p90, ttfw, duration, eval:<id>.'}
      </p>
    </fieldset>
  );
}
