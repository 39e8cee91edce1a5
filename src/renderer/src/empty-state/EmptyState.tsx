import { useEffect, useState } from 'react';
import type { ListenerInfo } from '../../../core/api/types';
import { api } from '../api';
import { CopyButton } from '../shared/CopyButton';

/** What a new user sees: where to send calls, with the key and a command to paste. */
export function EmptyState() {
  const [info, setInfo] = useState<ListenerInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [showKey, setShowKey] = useState(false);

  useEffect(() => {
    api.getListenerInfo({}).then(setInfo, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);

  if (error) return <div className="empty-state" role="alert">Could not reach the backend: {error}</div>;
  if (!info) return <div className="empty-state muted">Loading…</div>;

  const masked = `${info.api_key.slice(0, 5)}${'•'.repeat(12)}`;
  return (
    <div className="empty-state" aria-label="No calls yet" role="region">
      <h2>No calls yet</h2>
      <p>Point a voice platform's webhook at the local listener, post a call yourself, or drop exported call files (.json, .jsonl) on this window. New calls appear here as they arrive.</p>
      {info.url ? (
        <dl className="facts">
          <div className="fact">
            <dt>Listener</dt>
            <dd className="mono" data-testid="listener-url">{`${info.url}${info.ingest_path}`}</dd>
            <CopyButton text={`${info.url}${info.ingest_path}`} label="Copy listener URL" />
          </div>
          <div className="fact">
            <dt>API key</dt>
            <dd className="mono" data-testid="api-key">{showKey ? info.api_key : masked}</dd>
            <button type="button" className="button small" onClick={() => setShowKey(!showKey)}>{showKey ? 'Hide' : 'Show'}</button>
            <CopyButton text={info.api_key} label="Copy API key" />
          </div>
        </dl>
      ) : (
        <p role="alert" className="error">The listener is not running: {info.error}</p>
      )}
      <div className="curl">
        <div className="curl-head">
          <span>Try it from a terminal</span>
          <CopyButton text={info.curl_example} label="Copy curl command" />
        </div>
        <pre className="mono" aria-label="curl command">{showKey ? info.curl_example : info.curl_example.replace(info.api_key, masked)}</pre>
      </div>
    </div>
  );
}
