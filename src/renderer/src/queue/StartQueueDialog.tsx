import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { QueueSample } from '../../../core/api/triage-contract';
import { useCallList } from '../calls/store';
import { useCallListTotal } from '../calls/pages';
import { useQueryClient } from '@tanstack/react-query';
import { apiQuery, useApiMutation } from '../query/api-query';
import { errorText } from '../evaluators/store';
import { defaultQueueName, filterInWords, worstFigures } from './queue-name';
import { openQueue } from './navigation';

type Kind = QueueSample['kind'];
type Figure = (typeof worstFigures)[number]['column'];

/** The most calls a queue takes (the API's limit). */
const MOST = 10_000;

/**
 * "Start review queue…": the current view (its filter and sort), or a sample of it (n at random, n
 * per agent, the n worst by a figure), under a name that defaults to what was chosen. Start keeps
 * the queue (it is there tomorrow) and opens its first unreviewed call.
 */
export function StartQueueDialog({ onClose }: { onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const filter = useCallList((s) => s.filter);
  const sort = useCallList((s) => s.sort);
  const { total, totalExact } = useCallListTotal();
  const [kind, setKind] = useState<Kind>('random');
  const [count, setCount] = useState('20');
  const [figure, setFigure] = useState<Figure>('latency_p90_ms');
  const [nameEdit, setName] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const client = useQueryClient();
  // a new queue is no event: the kept queues' list is read again here
  const create = useApiMutation('createQueue', { onSuccess: () => void client.invalidateQueries({ queryKey: apiQuery('listQueues', {}).queryKey }) });

  const countField = useRef<HTMLInputElement>(null);
  // keyboard first: q, a number, Enter
  useEffect(() => {
    dialog.current?.showModal();
    countField.current?.select();
  }, []);

  const n = Math.max(1, Math.min(MOST, Math.floor(Number(count)) || 1));
  const whole = Math.max(1, Math.min(MOST, total ?? MOST));
  const sample: QueueSample =
    kind === 'view' ? { kind, n: whole, sort } : kind === 'worst' ? { kind, n, column: figure } : kind === 'per_agent' ? { kind, n: Math.min(n, 1_000) } : { kind, n };
  const name = nameEdit ?? defaultQueueName(filter, sample, totalExact ? total : null);
  const viewSize = total === null ? '' : ` (${total.toLocaleString('en-US')}${totalExact ? '' : '+'} ${total === 1 ? 'call' : 'calls'})`;

  const start = async () => {
    setStatus(null);
    try {
      // the sample's own order for the worst (worst first), else the view's sort
      const queue = await create.mutateAsync({ name: name.trim() || 'Review queue', filter, sample, ...(kind === 'worst' ? {} : { sort }) });
      dialog.current?.close();
      await openQueue(queue);
    } catch (error) {
      setStatus(`Not started: ${errorText(error)}`);
    }
  };

  const choice = (value: Kind, label: ReactNode) => (
    <label className="picker-row">
      <input type="radio" name="queue-sample" value={value} checked={kind === value} onChange={() => setKind(value)} /> {label}
    </label>
  );

  return (
    <dialog ref={dialog} className="settings queue-dialog" aria-label="Start review queue" onClose={onClose}>
      <h2>Start review queue</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void start();
        }}
      >
        <p className="muted">
          From the current view: <strong>{filterInWords(filter)}</strong>
          {viewSize}
        </p>
        <fieldset>
          <legend>Calls</legend>
          {choice('view', total !== null && total > MOST ? `The whole view: its first ${MOST.toLocaleString('en-US')} calls, in its order` : 'The whole view, in its order')}
          {choice('random', 'Calls at random')}
          {choice('per_agent', 'Calls per agent, at random')}
          {choice('worst', 'The worst calls by a figure')}
          <div className="queue-sample-size">
            <label>
              How many{' '}
              <input ref={countField} type="number" min={1} max={kind === 'per_agent' ? 1_000 : MOST} aria-label="How many calls" value={count} disabled={kind === 'view'} onChange={(e) => setCount(e.target.value)} />
            </label>
            <label>
              Worst by{' '}
              <select aria-label="Worst by" value={figure} disabled={kind !== 'worst'} onChange={(e) => setFigure(worstFigures.find((f) => f.column === e.target.value)?.column ?? figure)}>
                {worstFigures.map((f) => (
                  <option key={f.column} value={f.column}>
                    {f.label}
                  </option>
                ))}
              </select>
            </label>
          </div>
        </fieldset>
        <label className="queue-name">
          Name <input type="text" aria-label="Queue name" maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <p className="muted small">The queue is kept: leave it at any time and resume it from Queues, tomorrow too.</p>
        <div className="dialog-actions">
          {status && (
            <span role="alert" className="error">
              {status}
            </span>
          )}
          <button type="submit" className="button primary" disabled={create.isPending}>
            Start
          </button>
          <button type="button" className="button" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
