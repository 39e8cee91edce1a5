import { forwardRef, useState } from 'react';
import type { CallNote } from '../../../core/model/call';
import { formatOffset } from '../shared/format';
import { usePlayer } from './player';

interface Props {
  notes: CallNote[];
  onAdd(atMs: number | null, text: string): Promise<void>;
  onDelete(noteId: number): Promise<void>;
}

/** Notes anchored to the playhead; clicking one seeks there. `n` focuses the input. */
export const Notes = forwardRef<HTMLInputElement, Props>(function Notes({ notes, onAdd, onDelete }, inputRef) {
  const [text, setText] = useState('');
  const currentMs = usePlayer((s) => s.currentMs);
  const seek = usePlayer((s) => s.seek);
  return (
    <section className="notes" aria-label="Notes">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (text.trim().length === 0) return;
          void onAdd(Math.round(usePlayer.getState().currentMs), text.trim()).then(() => setText(''));
        }}
      >
        <input
          ref={inputRef}
          className="note-input"
          aria-label="New note"
          placeholder={`Note at ${formatOffset(currentMs)} (n)`}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') e.currentTarget.blur();
          }}
        />
        <button type="submit" className="button small">
          Add note
        </button>
      </form>
      {notes.length > 0 && (
        <ul className="note-list" aria-label="Call notes">
          {notes.map((note) => (
            <li key={note.id}>
              <button type="button" className="link mono" onClick={() => note.at_ms !== null && seek(note.at_ms)} disabled={note.at_ms === null}>
                {formatOffset(note.at_ms)}
              </button>
              <span className="note-text">{note.text}</span>
              <button type="button" className="link muted" aria-label={`Delete note "${note.text}"`} onClick={() => void onDelete(note.id)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
});
