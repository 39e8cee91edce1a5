import { useEffect, useRef, useState } from 'react';
import { useCallList } from './store';
import { isShortcutKey } from '../shortcuts/key-target';

/** Searches transcripts (full text) and call ids; `/` focuses it, Escape clears it. */
export function SearchBox() {
  const setFilter = useCallList((s) => s.setFilter);
  const filter = useCallList((s) => s.filter);
  const [text, setText] = useState(filter.q ?? '');
  const inputRef = useRef<HTMLInputElement>(null);

  // The filter may be cleared from elsewhere ("Clear filters"): the box follows it.
  const applied = filter.q ?? '';
  useEffect(() => setText((current) => (current.trim() === applied ? current : applied)), [applied]);

  useEffect(() => {
    const timer = setTimeout(() => {
      const q = text.trim();
      if ((filter.q ?? '') !== q) setFilter({ ...filter, q: q.length > 0 ? q : undefined });
    }, 200);
    return () => clearTimeout(timer);
  }, [text, filter, setFilter]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === '/' && isShortcutKey(event)) {
        event.preventDefault();
        inputRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <input
      ref={inputRef}
      type="search"
      className="search"
      placeholder="Search transcripts, call ids, numbers  ( / )"
      aria-label="Search calls"
      value={text}
      onChange={(event) => setText(event.target.value)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          setText('');
          event.currentTarget.blur();
        }
      }}
    />
  );
}
