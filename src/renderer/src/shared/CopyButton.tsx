import { useState } from 'react';

/**
 * Copies a text and says so for two seconds. The text may be fetched on the click (the API key is
 * read only when the user asks for it).
 */
export function CopyButton({ text, label }: { text: string | (() => Promise<string>); label: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(typeof text === 'string' ? text : await text());
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      setCopied(false);
    }
  };
  return (
    <button type="button" className="button small" onClick={copy} aria-label={label}>
      {copied ? 'Copied' : 'Copy'}
    </button>
  );
}
