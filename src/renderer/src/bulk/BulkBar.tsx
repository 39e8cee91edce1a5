import { useState, type KeyboardEvent } from 'react';
import { keepPreviousData } from '@tanstack/react-query';
import type { Verdict } from '../../../core/model/call';
import { callsCsvUrl } from '../api';
import { useCallList } from '../calls/store';
import { useApiQuery } from '../query/api-query';
import { ExportButton } from '../export/ExportButton';
import { useEvaluators } from '../evaluators/store';
import { attempt, callsText, changeTag, setVerdicts, trash } from './actions';
import { TagForm } from './TagForm';
import { useTicks } from './ticks';

/** "3 ticked", and how many of them the current filter leaves out (ticks outlive a filter change). */
function TickedCount({ ids }: { ids: readonly number[] }) {
  const filter = useCallList((s) => s.filter);
  const inView = useApiQuery('countCalls', { filter: { ...filter, ids: [...ids] } }, { placeholderData: keepPreviousData, select: (answer) => answer.total });
  const outside = inView.data === undefined ? 0 : Math.max(0, ids.length - inView.data);
  return (
    <span className="bulk-count" aria-live="polite">
      {ids.length.toLocaleString('en-US')} ticked
      {outside > 0 && <span className="muted"> ({outside.toLocaleString('en-US')} not in this view)</span>}
    </span>
  );
}

/** Arrow keys move between the bar's controls (a toolbar is one tab stop's worth of buttons). */
function moveFocus(event: KeyboardEvent<HTMLDivElement>) {
  if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
  if (event.target instanceof HTMLInputElement) return;
  const controls = [...event.currentTarget.querySelectorAll<HTMLElement>('button:not(:disabled), a[href]')];
  const at = controls.indexOf(document.activeElement as HTMLElement);
  const next = controls[(at + (event.key === 'ArrowRight' ? 1 : -1) + controls.length) % controls.length];
  if (next) {
    event.preventDefault();
    next.focus();
  }
}

/**
 * The ticked calls' bar, over the list while anything is ticked: verdict, tags, evaluate, export and
 * delete on every ticked call, each change with Undo in the message it leaves.
 */
export function BulkBar() {
  const ticked = useTicks((s) => s.ticked);
  const sort = useCallList((s) => s.sort);
  const [busy, setBusy] = useState(false);
  const [tagging, setTagging] = useState(false);
  if (ticked.size === 0) return null;
  const ids = [...ticked];
  const run = (what: string, write: () => Promise<void>) => {
    setBusy(true);
    void attempt(what, write).finally(() => setBusy(false));
  };
  const verdict = (next: Verdict | null) => run('Setting the verdict', () => setVerdicts(ids, next));

  return (
    <div className="bulk-bar" role="toolbar" aria-label="Ticked calls" aria-busy={busy} onKeyDown={moveFocus}>
      <TickedCount ids={ids} />
      <div className="bulk-group">
        <button type="button" className="button small" disabled={busy} onClick={() => verdict('success')}>
          Mark success
        </button>
        <button type="button" className="button small" disabled={busy} onClick={() => verdict('failure')}>
          Mark failure
        </button>
        <button type="button" className="button small" disabled={busy} onClick={() => verdict(null)}>
          Clear verdict
        </button>
      </div>
      <div className="bulk-group">
        {tagging ? (
          <TagForm
            busy={busy}
            onClose={() => setTagging(false)}
            onChange={(name, change) => {
              setTagging(false);
              run(change === 'add' ? 'Tagging' : 'Taking the tag off', () => changeTag(ids, name, change));
            }}
          />
        ) : (
          <button type="button" className="button small" disabled={busy} onClick={() => setTagging(true)}>
            Tag…
          </button>
        )}
      </div>
      <div className="bulk-group">
        <button type="button" className="button small" disabled={busy} onClick={() => useEvaluators.getState().setEvaluating(true)}>
          Evaluate…
        </button>
        <a className="button small" href={callsCsvUrl({ ids }, sort)} download title={`The ${callsText(ids.length)} ticked as CSV: figures, verdict, tags, notes count, evaluator outcomes`}>
          Export CSV
        </a>
        {/* the ticked calls' redacted copies: a zip, with a note where a call has no audio */}
        <ExportButton callIds={ids} audioUnavailable={null} />
      </div>
      <button type="button" className="button small danger" disabled={busy} onClick={() => run('Deleting', () => trash(ids))}>
        Delete
      </button>
      <button type="button" className="link small bulk-clear" aria-label="Clear ticks (Esc)" title="Clear ticks (Esc)" onClick={() => useTicks.getState().clear()}>
        ×
      </button>
    </div>
  );
}
