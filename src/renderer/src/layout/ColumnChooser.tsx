import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { callColumns } from '../calls/columns';
import { useColumnChoices, type ColumnChoice } from '../evaluators/list-columns';

/**
 * "Columns": which of the list's columns show, and in which order (the evaluators' result
 * columns among them). Tick to show; ↑ / ↓, Alt+↑ / Alt+↓ on a tick box, or drag a row to move a
 * column. Remembered on this machine. A non-modal dialog, so the app's letter keys stay quiet in it.
 */
export function ColumnChooser() {
  const [open, setOpen] = useState(false);
  const popoverId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: MouseEvent) => {
      if (event.target instanceof Node && !root.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener('mousedown', closeOutside);
    return () => document.removeEventListener('mousedown', closeOutside);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  return (
    <div className="column-chooser" ref={root}>
      <button ref={button} type="button" className="button small" aria-expanded={open} aria-controls={popoverId} onClick={() => setOpen(!open)}>
        Columns
      </button>
      {open && (
        <dialog
          open
          id={popoverId}
          className="popover column-popover"
          aria-label="Columns"
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              close();
            }
          }}
        >
          <ColumnList />
        </dialog>
      )}
    </div>
  );
}

function ColumnList() {
  const { choices, setVisible, move, drop, reset } = useColumnChoices(callColumns);
  const [dragged, setDragged] = useState<string | null>(null);
  const boxes = useRef(new Map<string, HTMLInputElement>());
  // after a move by key, focus follows the column to its new place
  const [focusAfterMove, setFocusAfterMove] = useState<string | null>(null);
  useEffect(() => {
    if (focusAfterMove) boxes.current.get(focusAfterMove)?.focus();
  }, [focusAfterMove, choices]);

  const onBoxKey = (event: KeyboardEvent<HTMLInputElement>, choice: ColumnChoice) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    move(choice.id, event.key === 'ArrowUp' ? -1 : 1);
    setFocusAfterMove(choice.id);
  };

  return (
    <>
      <ol className="column-list" aria-label="Columns in order">
        {choices.map((choice, index) => (
          <li
            key={choice.id}
            draggable
            className={dragged === choice.id ? 'dragging' : undefined}
            onDragStart={(event) => {
              setDragged(choice.id);
              event.dataTransfer.effectAllowed = 'move';
              event.dataTransfer.setData('text/plain', choice.id);
            }}
            onDragOver={(event) => {
              if (dragged) event.preventDefault();
            }}
            onDrop={(event) => {
              event.preventDefault();
              if (dragged && dragged !== choice.id) drop(dragged, choice.id);
              setDragged(null);
            }}
            onDragEnd={() => setDragged(null)}
          >
            <span className="drag-handle" aria-hidden="true">
              ⋮⋮
            </span>
            <label>
              <input
                ref={(element) => {
                  if (element) boxes.current.set(choice.id, element);
                  else boxes.current.delete(choice.id);
                }}
                type="checkbox"
                checked={choice.visible}
                onChange={(event) => setVisible(choice.id, event.target.checked)}
                onKeyDown={(event) => onBoxKey(event, choice)}
              />{' '}
              {choice.label}
            </label>
            {choice.isResult && <span className="muted small">evaluator</span>}
            <span className="column-moves">
              <button type="button" className="link" aria-label={`Move ${choice.label} up`} disabled={index === 0} onClick={() => move(choice.id, -1)}>
                ↑
              </button>
              <button type="button" className="link" aria-label={`Move ${choice.label} down`} disabled={index === choices.length - 1} onClick={() => move(choice.id, 1)}>
                ↓
              </button>
            </span>
          </li>
        ))}
      </ol>
      <div className="column-actions">
        <span className="muted small">Drag, or Alt+↑ / ↓</span>
        <button type="button" className="button small" onClick={reset}>
          Reset columns
        </button>
      </div>
    </>
  );
}
