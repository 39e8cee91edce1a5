import { useEffect } from 'react';
import { api, onApiEvent } from '../api';
import { useImport } from './store';
import { formatsInWords } from '../../../core/present/import-formats';

/** Live progress of an import (bar, counts, cancel), then its summary with every failure and its reason. */
export function ImportPanel() {
  const { importId, running, progress, summary, dismiss } = useImport();

  useEffect(() => {
    const offProgress = onApiEvent('import.progress', ({ import_id: id, ...rest }) => useImport.getState().update(id, rest));
    const offFinished = onApiEvent('import.finished', ({ import_id: id, ...rest }) => useImport.getState().finish(id, rest));
    return () => {
      offProgress();
      offFinished();
    };
  }, []);

  if (!progress && !summary) return null;
  const fraction = progress
    ? progress.bytes_total > 0
      ? progress.bytes_done / progress.bytes_total
      : progress.files_total > 0
        ? progress.files_done / progress.files_total
        : 0
    : 1;
  const percent = Math.round(Math.min(1, running ? fraction : 1) * 100);
  const counts = summary ?? progress;

  return (
    <section className="import-panel" role="region" aria-label="Import">
      <div className="import-head">
        <strong>{running ? 'Importing…' : summary?.cancelled ? 'Import cancelled' : 'Import finished'}</strong>
        {running && importId ? (
          <button type="button" className="button small" onClick={() => void api.cancelImport({ import_id: importId })}>
            Cancel
          </button>
        ) : (
          <button type="button" className="button small" onClick={dismiss}>
            Dismiss
          </button>
        )}
      </div>
      <div className="progress" role="progressbar" aria-label="Import progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      {counts && (
        <p className="import-counts" aria-live="polite">
          {progress && running ? `files ${progress.files_done}/${progress.files_total} · ` : ''}
          imported {counts.imported} · merged {counts.merged} · duplicates {counts.duplicates} · failed {counts.failed}
          {summary && summary.attached > 0 ? ` · recordings attached ${summary.attached}` : ''}
        </p>
      )}
      {summary && Object.keys(summary.formats).length > 0 && <p className="import-formats muted">read as: {formatsInWords(summary.formats)}</p>}
      {summary && summary.failures.length > 0 && (
        <ul className="import-failures" aria-label="Import failures">
          {summary.failures.slice(0, 200).map((failure, i) => (
            <li key={`${failure.source}-${i}`}>
              <span className="mono">{failure.source}</span>: {failure.message}
            </li>
          ))}
          {summary.failures.length > 200 && <li className="muted">…and {summary.failures.length - 200} more</li>}
        </ul>
      )}
    </section>
  );
}
