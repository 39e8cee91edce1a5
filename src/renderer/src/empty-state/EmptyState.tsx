import { useApiQuery } from '../query/api-query';
import { CopyButton } from '../shared/CopyButton';
import { MASKED_KEY, useApiKey } from '../shared/useApiKey';

/** What a new user sees: where to send calls, with the key (on Reveal) and a command to paste. */
export function EmptyState() {
  // no event tells of the listener moving: read where it is each time this is shown
  const { data: info, error } = useApiQuery('getListenerInfo', {}, { refetchOnMount: 'always' });
  const apiKey = useApiKey();

  if (error) return <div className="empty-state" role="alert">Could not reach the backend: {error.message}</div>;
  if (!info) return <div className="empty-state muted">Loading…</div>;

  const curlWith = (key: string) => info.curl_example.replace(info.api_key_placeholder, key);
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
            <dd className="mono" data-testid="api-key">{apiKey.key ?? MASKED_KEY}</dd>
            <button type="button" className="button small" onClick={() => void apiKey.toggle()}>{apiKey.key === null ? 'Reveal' : 'Hide'}</button>
            <CopyButton text={apiKey.read} label="Copy API key" />
          </div>
          {apiKey.error && <p role="alert" className="error">{apiKey.error}</p>}
        </dl>
      ) : (
        <p role="alert" className="error">The listener is not running: {info.error}</p>
      )}
      <div className="curl">
        <div className="curl-head">
          <span>Try it from a terminal</span>
          <CopyButton text={async () => curlWith(await apiKey.read())} label="Copy curl command" />
        </div>
        <pre className="mono" aria-label="curl command">{curlWith(apiKey.key ?? MASKED_KEY)}</pre>
      </div>
    </div>
  );
}
