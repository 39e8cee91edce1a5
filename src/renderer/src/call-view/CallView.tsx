import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CallDetail, CallMedia, CallNotes } from '../../../core/api/types';
import type { CallMetrics } from '../../../core/present/metrics-api';
import type { Turn, Verdict } from '../../../core/model/call';
import { api, onApiEvent } from '../api';
import { formatDuration, formatInstant } from '../shared/format';
import { formatName } from '../../../core/present/import-formats';
import { Transcript } from './Transcript';
import { MetricsPanel } from './MetricsPanel';
import { Waveform } from '../review/Waveform';
import { Controls } from '../review/Controls';
import { Notes } from '../review/Notes';
import { buildMarkers, timelineDurationMs, type Marker } from '../review/markers';
import { useReviewKeys } from '../review/useReviewKeys';
import { useSkipSilence } from '../review/useSkipSilence';
import { VerdictButtons } from './VerdictButtons';
import { useAppSettings } from '../settings/store';
import { PiiPanel } from '../review/PiiPanel';
import type { CallPii } from '../../../core/pii/call-findings';
import type { PiiType } from '../../../core/pii/types';
import { EvaluationsPanel } from '../evaluators/EvaluationsPanel';
import { usePlayer } from '../review/player';
import { maskSpans, type MaskSpan } from '../../../core/redaction/mask-spans';
import { usePiiAudio } from '../review/usePiiAudio';
import { ExportButton } from '../export/ExportButton';

type Load = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; detail: CallDetail };

/** The review screen of one call: waveform and markers, playback, verdict and notes, metrics, transcript. */
export function CallView({ callId }: { callId: number }) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [metrics, setMetrics] = useState<CallMetrics | null>(null);
  const [pii, setPii] = useState<CallPii | null>(null);
  const [piiType, setPiiType] = useState<PiiType | null>(null);
  const [redacted, setRedacted] = useState(false);
  const noteInput = useRef<HTMLInputElement>(null);
  const [evidenceTurn, setEvidenceTurn] = useState<number | null>(null);
  /** An evaluation's evidence chip: seek the waveform to the turn and mark it in the transcript. */
  const showEvidence = useCallback((turn: Turn) => {
    if (turn.start_ms !== null) usePlayer.getState().seek(turn.start_ms);
    setEvidenceTurn(turn.idx);
  }, []);

  const fetchDetail = useCallback(async () => {
    try {
      const [detail, figures] = await Promise.all([api.getCall({ id: callId }), api.getCallMetrics({ id: callId })]);
      setLoad({ state: 'ready', detail });
      setMetrics(figures);
    } catch (error) {
      setLoad({ state: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }, [callId]);

  useEffect(() => {
    api.getCallPii({ id: callId, ...(piiType ? { types: [piiType] } : {}) }).then(setPii, () => setPii(null));
  }, [callId, piiType, load.state]);

  useEffect(() => {
    setLoad({ state: 'loading' });
    void fetchDetail();
    const offCalls = onApiEvent('calls.changed', ({ ids }) => {
      if (ids.includes(callId)) void fetchDetail();
    });
    const offAudio = onApiEvent('audio.changed', ({ ids }) => {
      if (ids.includes(callId)) void fetchDetail();
    });
    const offResync = onApiEvent('resync', () => void fetchDetail());
    return () => {
      offCalls();
      offAudio();
      offResync();
    };
  }, [callId, fetchDetail]);

  const detail = load.state === 'ready' ? load.detail : null;
  const slowReplyMs = useAppSettings((s) => s.slowReplyMs);
  // The waveform is rebuilt only when what it draws changes: a verdict or a note refetches the
  // call, but must not reset the player. Identity follows content, not the fetch.
  const markersKey = JSON.stringify(buildMarkers(metrics, slowReplyMs));
  const markers = useMemo((): Marker[] => JSON.parse(markersKey), [markersKey]);
  const silencesKey = JSON.stringify(metrics?.silence.segments ?? []);
  const silences = useMemo((): { start_ms: number; end_ms: number }[] => JSON.parse(silencesKey), [silencesKey]);
  const turnsKey = JSON.stringify(detail?.turns ?? []);
  const turns = useMemo((): Turn[] => JSON.parse(turnsKey), [turnsKey]);
  // Rebuild the waveform only when what it draws changes (not on every verdict or note).
  const mediaKey = detail ? JSON.stringify(detail.media) : '';
  const media = useMemo((): CallMedia | undefined => (mediaKey ? JSON.parse(mediaKey) : undefined), [mediaKey]);
  const callDurationS = detail?.call.duration_s ?? null;
  const fallbackDurationMs = useMemo(() => timelineDurationMs(turns, callDurationS), [turns, callDurationS]);
  useSkipSilence(silences);
  const piiSpansKey = JSON.stringify(maskSpans(pii?.findings ?? [], media?.duration_ms ?? Number.POSITIVE_INFINITY));
  const piiSpans = useMemo((): MaskSpan[] => JSON.parse(piiSpansKey), [piiSpansKey]);
  const piiAudio = usePiiAudio(piiSpans);

  const showNotes = useCallback(({ notes }: CallNotes) => setLoad((now) => (now.state === 'ready' ? { state: 'ready', detail: { ...now.detail, notes } } : now)), []);
  const [undo, setUndo] = useState<{ previous: Verdict | null } | null>(null);
  const setVerdict = useCallback(
    async (verdict: Verdict | null) => {
      const review = await api.setVerdict({ id: callId, verdict });
      setLoad((now) => (now.state === 'ready' ? { state: 'ready', detail: { ...now.detail, call: { ...now.detail.call, verdict: review.verdict, reviewed_at: review.reviewed_at } } } : now));
    },
    [callId],
  );
  /** A verdict change from a button or a key; the previous verdict stays one Undo away. */
  const changeVerdict = useCallback(
    (next: Verdict | null) => {
      setUndo({ previous: detail?.call.verdict ?? null });
      void setVerdict(next);
    },
    [detail, setVerdict],
  );
  const undoVerdict = useCallback(() => {
    if (undo) void setVerdict(undo.previous);
    setUndo(null);
  }, [undo, setVerdict]);
  const expireUndo = useCallback(() => setUndo(null), []);
  const mark = useCallback((verdict: Verdict) => changeVerdict(detail?.call.verdict === verdict ? null : verdict), [detail, changeVerdict]);
  const focusNote = useCallback(() => noteInput.current?.focus(), []);
  useReviewKeys({ markers, mark, focusNote });

  if (load.state === 'loading') return <section className="call-view muted" aria-busy="true">Loading call…</section>;
  if (load.state === 'error' || !detail || !media) {
    return (
      <section className="call-view">
        <p role="alert" className="error">Could not open this call: {load.state === 'error' ? load.message : 'not found'}</p>
      </section>
    );
  }
  const { call } = detail;
  // a call whose payload names none (a bare transcript) is shown by the file it came from
  const sourceName = typeof call.extra?.source_name === 'string' ? call.extra.source_name : null;
  return (
    <section className="call-view" aria-label={`Call ${call.external_id}`}>
      <header className="call-header">
        <div>
          <h2 className="mono ellipsis" title={call.external_id}>{sourceName ?? call.external_id}</h2>
          <p className="muted">
            <span className="badge">{call.provider}</span> {call.platform !== call.provider && <span className="badge">{call.platform}</span>}{' '}
            {sourceName !== null && <span className="badge" title={call.source_format}>{formatName(call.source_format)}</span>}{' '}
            {formatInstant(call.started_at)} · {formatDuration(call.duration_s)} · {turns.length} turns
            {call.reviewed_at && ` · reviewed ${formatInstant(call.reviewed_at)}`}
          </p>
        </div>
        <VerdictButtons verdict={call.verdict} onChange={changeVerdict} canUndo={undo !== null} onUndo={undoVerdict} onUndoExpired={expireUndo} />
      </header>
      <div className="player-block" role="region" aria-label="Player" data-pii-audio={piiAudio === 'off' ? 'off' : 'on'} data-pii-masking={piiAudio}>
        <Waveform callId={call.id} media={media} turns={turns} markers={markers} silences={silences} fallbackDurationMs={fallbackDurationMs} />
        <Controls markers={markers} />
      </div>
      <Notes
        ref={noteInput}
        notes={detail.notes}
        onAdd={async (atMs, text) => showNotes(await api.addNote({ id: callId, at_ms: atMs, text }))}
        onDelete={async (noteId) => showNotes(await api.deleteNote({ id: callId, note_id: noteId }))}
      />
      <details className="metrics-details" open>
        <summary className="section-title">Metrics</summary>
        <MetricsPanel callId={call.id} metrics={metrics} hasRecording={Boolean(call.recording_path || call.recording_url || call.stereo_recording_url)} />
      </details>
      <dl className="facts">
        <Fact label="From" value={call.from_number} mono />
        <Fact label="To" value={call.to_number} mono />
        <Fact label="Agent" value={call.agent_id} mono />
        <Fact label="End reason" value={call.end_reason} />
        <Fact label="Status" value={call.status} />
        <Fact label="Short id" value={call.short_id} mono />
      </dl>
      <PiiPanel
        pii={pii}
        type={piiType}
        onType={setPiiType}
        redacted={redacted}
        onRedacted={setRedacted}
        actions={<ExportButton callIds={[call.id]} audioUnavailable={audioUnavailable(media, pii)} />}
      />
      <div className="transcript-and-evaluations">
        <div className="transcript-column">
          <h3 className="section-title">Transcript</h3>
          <Transcript
            turns={turns}
            evidenceTurn={evidenceTurn}
            pii={pii && pii.findings.length > 0 ? { findings: pii.findings, redactedText: redacted ? new Map(pii.redacted_turns.map((t) => [t.idx, t.text])) : null } : null}
          />
        </div>
        <EvaluationsPanel
          callId={call.id}
          turns={turns}
          onEvidence={showEvidence}
          reported={call.provider_evaluations ? { provider: call.provider, evaluations: call.provider_evaluations } : null}
        />
      </div>
    </section>
  );
}

/** Why the redacted audio of this call cannot be exported, or null when it can. */
function audioUnavailable(media: CallMedia, pii: CallPii | null): string | null {
  if (!media.audio) return 'This call has no recording on this machine: only the text can be exported.';
  if (pii?.findings.some((f) => f.start_ms === null)) return 'Some findings have no time in the call (its turns carry none), so the audio cannot be redacted.';
  return null;
}

function Fact({ label, value, mono = false }: { label: string; value: string | null; mono?: boolean }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd className={mono ? 'mono' : undefined}>{value ?? '—'}</dd>
    </div>
  );
}
