import { useEffect, useRef, useState } from 'react';
import { exportUrl, type ExportLinkOptions } from '../api';
import { startDownload } from './download';

type Format = ExportLinkOptions['formats'][number];

const FORMAT_LABELS: [Format, string][] = [
  ['json', 'Redacted JSON'],
  ['txt', 'Transcript text'],
  ['wav', 'Audio (WAV)'],
];

interface Props {
  callIds: readonly number[];
  /** the PII panel's filter: empty for every type. */
  types: readonly string[];
  /** why the audio cannot be exported, when it cannot (no recording, findings without times). */
  audioUnavailable: string | null;
  onClose(): void;
}

/**
 * Which redacted files to download (several come as one zip), and what covers the personal data
 * in the audio. The types are those the PII panel shows.
 */
export function ExportDialog({ callIds, types, audioUnavailable, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [formats, setFormats] = useState<Set<Format>>(() => new Set(audioUnavailable ? ['json', 'txt'] : ['json', 'txt', 'wav']));
  const [mode, setMode] = useState<ExportLinkOptions['mode']>('tone');
  useEffect(() => dialog.current?.showModal(), []);

  const chosen = FORMAT_LABELS.map(([format]) => format).filter((format) => formats.has(format) && !(format === 'wav' && audioUnavailable));
  const toggle = (format: Format, on: boolean) =>
    setFormats((current) => {
      const next = new Set(current);
      if (on) next.add(format);
      else next.delete(format);
      return next;
    });
  const download = () => {
    startDownload(exportUrl(callIds, { formats: chosen, types, mode }));
    dialog.current?.close();
  };

  return (
    <dialog ref={dialog} className="settings export-dialog" aria-label="Export redacted" onClose={onClose}>
      <h2>Export redacted{callIds.length > 1 ? ` · ${callIds.length} calls` : ''}</h2>
      <fieldset>
        <legend>Files</legend>
        {FORMAT_LABELS.map(([format, label]) => (
          <label key={format}>
            <input type="checkbox" checked={formats.has(format) && !(format === 'wav' && audioUnavailable)} disabled={format === 'wav' && audioUnavailable !== null} onChange={(e) => toggle(format, e.target.checked)} /> {label}
          </label>
        ))}
        {audioUnavailable && <p className="muted small">{audioUnavailable}</p>}
      </fieldset>
      <fieldset disabled={!chosen.includes('wav')}>
        <legend>In the audio, cover personal data with</legend>
        <label>
          <input type="radio" name="export-mode" checked={mode === 'tone'} onChange={() => setMode('tone')} /> a tone
        </label>
        <label>
          <input type="radio" name="export-mode" checked={mode === 'silence'} onChange={() => setMode('silence')} /> silence
        </label>
      </fieldset>
      <p className="muted small">Types: {types.length > 0 ? types.join(', ') : 'all'} (the Personal data filter)</p>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={() => dialog.current?.close()}>
          Cancel
        </button>
        <button type="button" className="button primary" disabled={chosen.length === 0} onClick={download}>
          Download
        </button>
      </div>
    </dialog>
  );
}
