import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useCallList } from '../calls/store';
import { useApiMutation, useApiQuery } from '../query/api-query';
import { useEvaluatorList } from '../evaluators/queries';
import { filterChips } from '../filters/chips';
import { Popover } from '../filters/Popover';
import { toast } from '../shared/toast';

/** A name for the view from what it filters on ("Agent: agent-3, Verdict: failure"), for the user to keep or change. */
function suggestedName(chips: string[], q: string | undefined): string {
  const parts = [...(q ? [`“${q}”`] : []), ...chips];
  return (parts.length > 0 ? parts.join(', ') : 'All calls').slice(0, 100);
}

/** "Save view…": names the list's current filter and sort; the view then lists in the sidebar. */
export function SaveViewButton() {
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const views = useApiQuery('listViews', {});
  const { evaluators } = useEvaluatorList();
  const save = useApiMutation('saveView', {
    onSuccess: async (view) => {
      await client.invalidateQueries({ queryKey: ['listViews'] });
      setOpen(false);
      toast(`Saved view “${view.name}”.`);
    },
  });
  const trimmed = name.trim();
  const replaces = views.data?.find((v) => v.name.toLowerCase() === trimmed.toLowerCase());

  return (
    <Popover
      label="Save view…"
      buttonText="Save view…"
      align="right"
      open={open}
      onOpenChange={(next) => {
        if (next) {
          const { filter } = useCallList.getState();
          const chips = filterChips(filter, (id) => evaluators.find((e) => e.id === id)?.spec.name ?? id).map((c) => c.label);
          setName(suggestedName(chips, filter.q));
          save.reset();
        }
        setOpen(next);
      }}
    >
      <form
        className="range-form save-view-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!trimmed) return;
          const { filter, sort } = useCallList.getState();
          save.mutate({ name: trimmed, filter, sort });
        }}
      >
        <label className="stacked">
          Name of the view
          <input type="text" aria-label="View name" maxLength={100} value={name} onChange={(e) => setName(e.target.value)} onFocus={(e) => e.currentTarget.select()} />
        </label>
        <p className="muted small">Keeps the filters, the search and the sort.{replaces ? ` Replaces the saved view “${replaces.name}”.` : ''}</p>
        {save.error && (
          <p className="error small" role="alert">
            Could not save the view: {save.error.message}
          </p>
        )}
        <div className="popover-actions">
          <button type="submit" className="button small primary" disabled={!trimmed || save.isPending}>
            {replaces ? 'Replace' : 'Save'}
          </button>
        </div>
      </form>
    </Popover>
  );
}
