import { useState } from 'react';

/**
 * A comma-separated list in a text box. It keeps what is typed (so "a, " can become "a, b")
 * and reports the parsed list on every change.
 */
export function ListInput({ label, value, onChange }: { label: string; value: readonly string[]; onChange(list: string[]): void }) {
  const [text, setText] = useState(value.join(', '));
  return (
    <label className="field">
      <span>{label}</span>
      <input
        type="text"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          onChange(
            event.target.value
              .split(',')
              .map((part) => part.trim())
              .filter((part) => part.length > 0),
          );
        }}
      />
    </label>
  );
}
