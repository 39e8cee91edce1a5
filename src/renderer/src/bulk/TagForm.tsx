import { useEffect, useId, useRef, useState } from 'react';
import { useApiQuery } from '../query/api-query';

/**
 * The bar's tag field: a name (the names already used are offered), then Add tag or Remove tag.
 * Escape closes it; so does a change made.
 */
export function TagForm({ busy, onChange, onClose }: { busy: boolean; onChange(name: string, change: 'add' | 'remove'): void; onClose(): void }) {
  const [name, setName] = useState('');
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const known = useApiQuery('listTags', {});
  useEffect(() => input.current?.focus(), []);
  const submit = (change: 'add' | 'remove') => {
    const tag = name.trim();
    if (tag) onChange(tag, change);
  };
  return (
    <form
      className="bulk-tag-form"
      aria-label="Tag the ticked calls"
      onSubmit={(event) => {
        event.preventDefault();
        submit('add');
      }}
    >
      <input
        ref={input}
        aria-label="Tag name"
        placeholder="Tag name"
        list={listId}
        value={name}
        maxLength={60}
        onChange={(event) => setName(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            onClose();
          }
        }}
      />
      <datalist id={listId}>
        {(known.data ?? []).map((tag) => (
          <option key={tag.name} value={tag.name} />
        ))}
      </datalist>
      <button type="submit" className="button small" disabled={busy || name.trim() === ''}>
        Add tag
      </button>
      <button type="button" className="button small" disabled={busy || name.trim() === ''} onClick={() => submit('remove')}>
        Remove tag
      </button>
      <button type="button" className="link small" onClick={onClose}>
        Cancel
      </button>
    </form>
  );
}
