import { useEffect, useRef, useState } from 'react';
import { useApiQuery } from '../query/api-query';
import { QueueList } from './QueueList';
import { useQueue } from './store';

const countOf = (queues: readonly unknown[]) => queues.length;

/**
 * The list pane's way into queues: "Start review queue…" (q) and "Queues", a popover listing the
 * kept queues to resume or delete. The popover closes on Escape, on a click outside, or on resuming.
 */
export function QueueTools() {
  const [open, setOpen] = useState(false);
  const kept = useApiQuery('listQueues', {}, { select: countOf }).data;
  const box = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      toggle.current?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (event.target instanceof Node && !box.current?.contains(event.target)) setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onPointer);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  return (
    <div className="filters queue-tools" role="group" aria-label="Queue tools">
      <button type="button" className="button small" title="Start a review queue from this view or a sample of it (q)" onClick={() => useQueue.getState().openDialog(true)}>
        Start review queue…
      </button>
      <div className="queue-menu" ref={box}>
        <button type="button" ref={toggle} className="button small" aria-expanded={open} aria-controls="queue-popover" onClick={() => setOpen(!open)}>
          Queues{kept ? ` (${kept})` : ''}
        </button>
        {open && (
          <div id="queue-popover" className="popover queue-popover" role="region" aria-label="Kept queues">
            <QueueList onOpened={() => setOpen(false)} />
          </div>
        )}
      </div>
    </div>
  );
}
