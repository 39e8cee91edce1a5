import { useEffect, useRef, useState } from 'react';
import type { CallPii } from '../../../core/pii/call-findings';
import { exportUrl, type ExportLinkOptions } from '../api';
import { useApiQuery } from '../query/api-query';
import { PII_TYPES, type PiiType } from '../../../core/pii/types';
import { startDownload } from './download';
import { RedactTypes, type DetectedType } from './RedactTypes';

type Format = ExportLinkOptions['formats'][number];

const FORMAT_LABELS: [Format, string][] = [
  ['json', 'Redacted JSON'],
  ['txt', 'Transcript text'],
  ['wav', 'Audio (WAV)'],
];

interface Props {
  callIds: readonly number[];
  /** why the audio cannot be exported, when it cannot (no recording, findings without times). */
  audioUnavailable: string | null;
  onClose(): void;
}

function typesFound(pii: CallPii): DetectedType[] {
  const counts = new Map<PiiType, number>();
  for (const f of pii.findings) counts.set(f.type, (counts.get(f.type) ?? 0) + 1);
  return PII_TYPES.flatMap((type) => (counts.has(type) ? [{ type, count: counts.get(type) ?? 0 }] : []));
}

/** Every type found in one call with how often; null for a selection (every type is listed). */
function useDetectedTypes(callIds: readonly number[]): DetectedType[] | null | 'loading' {
  const [only] = callIds;
  const one = callIds.length === 1 && only !== undefined;
  // the same read as the call view's Personal data panel (all types): usually already cached
  const { data, isPending, isError } = useApiQuery('getCallPii', { id: only ?? 0 }, { enabled: one, select: typesFound });
  if (!one || isError) return null;
  return isPending ? 'loading' : (data ?? null);
}

/**
 * Which redacted files to download (several come as one zip), what covers the personal data in the
 * audio, and which types to redact: every type, whatever the Personal data panel shows, unless the
 * user unticks some here, and then the dialog says in plain words what stays in clear.
 */
export function ExportDialog({ callIds, audioUnavailable, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [formats, setFormats] = useState<Set<Format>>(() => new Set(audioUnavailable ? ['json', 'txt'] : ['json', 'txt', 'wav']));
  const [mode, setMode] = useState<ExportLinkOptions['mode']>('tone');
  const [kept, setKept] = useState<ReadonlySet<PiiType>>(new Set());
  const detected = useDetectedTypes(callIds);
  useEffect(() => dialog.current?.showModal(), []);

  const chosen = FORMAT_LABELS.map(([format]) => format).filter((format) => formats.has(format) && !(format === 'wav' && audioUnavailable));
  const toggle = (format: Format, on: boolean) =>
    setFormats((current) => {
      const next = new Set(current);
      if (on) next.add(format);
      else next.delete(format);
      return next;
    });
  // An empty list means every type to the export routes; a deliberate choice names the rest.
  const types = kept.size === 0 ? [] : PII_TYPES.filter((type) => !kept.has(type));
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
      <RedactTypes detected={detected} kept={kept} onKept={setKept} />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={() => dialog.current?.close()}>
          Cancel
        </button>
        <button type="button" className="button primary" disabled={chosen.length === 0 || detected === 'loading'} onClick={download}>
          Download
        </button>
      </div>
    </dialog>
  );
}
