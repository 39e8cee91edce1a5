import { useCallback, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { keepPreviousData } from '@tanstack/react-query';
import type { CallMedia } from '../../../core/api/types';
import type { Turn, Verdict } from '../../../core/model/call';
import { useApiQuery } from '../query/api-query';
import { useCallReview } from './useCallReview';
import { formatDuration, formatInstant, instantTitle } from '../shared/format';
import { formatName } from '../../../core/present/import-formats';
import { Transcript } from './Transcript';
import { OverlapsPanel } from '../overlaps/OverlapsPanel';
import { useOverlapKeys } from '../overlaps/useOverlapKeys';
import type { Overlap } from '../overlaps/label';
import { MetricsPanel } from './MetricsPanel';
import { Waveform } from '../review/Waveform';
import { Controls } from '../review/Controls';
import { Notes } from '../review/Notes';
import { buildMarkers, timelineDurationMs } from '../review/markers';
import { useReviewKeys } from '../review/useReviewKeys';
import { useSkipSilence } from '../review/useSkipSilence';
import { VerdictButtons } from './VerdictButtons';
import { announceVerdict } from './verdict-given';
import { CallTags } from './CallTags';
import { platformLabel } from '../../../core/present/platform-label';
import { useSlowReplyMs } from '../settings/useSlowReplyMs';
import { PiiPanel } from '../review/PiiPanel';
import type { CallPii } from '../../../core/pii/call-findings';
import type { PiiType } from '../../../core/pii/types';
import { EvaluationsPanel } from '../evaluators/EvaluationsPanel';
import { usePlayer } from '../review/player';
import { maskSpans } from '../../../core/redaction/mask-spans';
import { usePiiAudio } from '../review/usePiiAudio';
import { ExportButton } from '../export/ExportButton';
import { CallDetails } from './CallDetails';
import { Tabs, type TabItem } from '../layout/Tabs';
import { useLayout, type CallTab } from '../layout/store';
import { outcomeOf } from '../evaluators/format';

const NO_TURNS: Turn[] = [];
const NO_SPANS: { start_ms: number; end_ms: number }[] = [];
const NO_OVERLAPS: Overlap[] = [];

/**
 * The review screen of one call: the verdict and tags, the player (waveform, markers, playback) on
 * top, then the transcript beside tabs for metrics, details, PII, evaluations and notes (the tab
 * chosen is kept for the next call), so the transcript starts above the fold.
 * Its reads come from the query cache, whose answers keep their identity until their content
 * changes: what the waveform draws is rebuilt only when it does (a verdict or a note never resets
 * the player).
 */
export function CallView({ callId }: { callId: number }) {
  const detailRead = useApiQuery('getCall', { id: callId });
  const metricsRead = useApiQuery('getCallMetrics', { id: callId });
  const [piiType, setPiiType] = useState<PiiType | null>(null);
  // a new type filter keeps the findings shown until its own arrive (the panel and its select stay put)
  const pii = useApiQuery('getCallPii', { id: callId, ...(piiType ? { types: [piiType] } : {}) }, { placeholderData: keepPreviousData }).data ?? null;
  const [redacted, setRedacted] = useState(false);
  const noteInput = useRef<HTMLInputElement>(null);
  const [evidenceTurn, setEvidenceTurn] = useState<number | null>(null);
  /** An evaluation's evidence chip: seek the waveform to the turn and mark it in the transcript. */
  const showEvidence = useCallback((turn: Turn) => {
    if (turn.start_ms !== null) usePlayer.getState().seek(turn.start_ms);
    setEvidenceTurn(turn.idx);
  }, []);

  const detail = detailRead.data;
  const metrics = metricsRead.data ?? null;
  const slowReplyMs = useSlowReplyMs();
  const markers = useMemo(() => buildMarkers(metrics, slowReplyMs), [metrics, slowReplyMs]);
  const silences = metrics?.silence.segments ?? NO_SPANS;
  const turns = detail?.turns ?? NO_TURNS;
  const media = detail?.media;
  const callDurationS = detail?.call.duration_s ?? null;
  const fallbackDurationMs = useMemo(() => timelineDurationMs(turns, callDurationS), [turns, callDurationS]);
  useSkipSilence(silences);
  const findings = pii?.findings;
  const mediaDurationMs = media?.duration_ms ?? Number.POSITIVE_INFINITY;
  const piiSpans = useMemo(() => maskSpans(findings ?? [], mediaDurationMs), [findings, mediaDurationMs]);
  const piiAudio = usePiiAudio(piiSpans);

  const { setVerdict, addNote, deleteNote } = useCallReview(callId);
  const [undo, setUndo] = useState<{ previous: Verdict | null } | null>(null);
  const verdict = detail?.call.verdict ?? null;
  /** A verdict change from a button or a key; the previous verdict stays one Undo away. */
  const changeVerdict = useCallback(
    (next: Verdict | null) => {
      setUndo({ previous: verdict });
      setVerdict(next, () => announceVerdict({ callId, previous: verdict, verdict: next }));
    },
    [callId, verdict, setVerdict],
  );
  const undoVerdict = useCallback(() => {
    if (undo) setVerdict(undo.previous);
    setUndo(null);
  }, [undo, setVerdict]);
  const expireUndo = useCallback(() => setUndo(null), []);
  const mark = useCallback((next: Verdict) => changeVerdict(verdict === next ? null : next), [verdict, changeVerdict]);
  const callTab = useLayout((s) => s.callTab);
  const setCallTab = useLayout((s) => s.setCallTab);
  // the note field is on the Notes tab: n opens it first (synchronously, so the field exists to focus)
  const focusNote = useCallback(() => {
    flushSync(() => useLayout.getState().setCallTab('notes'));
    noteInput.current?.focus();
  }, []);
  const evaluations = useApiQuery('getCallEvaluations', { id: callId }).data;
  const evaluationCount = evaluations?.length ?? 0;
  const evaluationFailed = evaluations?.some((result) => outcomeOf(result) === 'fail') ?? false;
  const tagInput = useRef<HTMLInputElement>(null);
  const focusTags = useCallback(() => tagInput.current?.focus(), []);
  useReviewKeys({ markers, mark, focusNote, focusTags });
  useOverlapKeys(callId, metrics?.overlaps ?? NO_OVERLAPS);

  // the call and its figures are shown together, as they were asked for
  const failure = detailRead.error ?? metricsRead.error;
  if (!failure && (!detail || !metricsRead.data)) return <section className="call-view muted" aria-busy="true">Loading call…</section>;
  if (!detail || !media || !metricsRead.data) {
    return (
      <section className="call-view">
        <p role="alert" className="error">Could not open this call: {failure ? failure.message : 'not found'}</p>
      </section>
    );
  }
  const { call } = detail;
  // a call whose payload names none (a bare transcript) is shown by the file it came from
  const sourceName = typeof call.extra?.source_name === 'string' ? call.extra.source_name : null;
  const panels: TabItem<CallTab>[] = [
    {
      id: 'metrics',
      label: 'Metrics',
      render: () => <MetricsPanel callId={call.id} metrics={metrics} hasRecording={Boolean(call.recording_path || call.recording_url || call.stereo_recording_url)} />,
    },
    {
      id: 'overlaps',
      label: 'Overlaps',
      ...(metrics && metrics.overlaps.length > 0 ? { badge: metrics.overlaps.length } : {}),
      render: () => <OverlapsPanel callId={call.id} overlaps={metrics?.overlaps ?? NO_OVERLAPS} />,
    },
    { id: 'details', label: 'Details', render: () => <CallDetails call={call} agentHistory={detail.agent_history} /> },
    {
      id: 'pii',
      label: 'PII',
      ...(pii && pii.findings.length > 0 ? { badge: pii.findings.length } : {}),
      render: () =>
        pii ? (
          <PiiPanel pii={pii} type={piiType} onType={setPiiType} redacted={redacted} onRedacted={setRedacted} actions={<ExportButton callIds={[call.id]} audioUnavailable={audioUnavailable(media, pii)} />} />
        ) : (
          <p className="muted small">Looking for personal data…</p>
        ),
    },
    {
      id: 'evaluations',
      label: 'Evaluations',
      ...(evaluationCount > 0 ? { badge: evaluationCount, alert: evaluationFailed } : {}),
      render: () => (
        <EvaluationsPanel callId={call.id} turns={turns} onEvidence={showEvidence} reported={call.provider_evaluations ? { provider: call.provider, evaluations: call.provider_evaluations } : null} />
      ),
    },
    {
      id: 'notes',
      label: 'Notes',
      ...(detail.notes.length > 0 ? { badge: detail.notes.length } : {}),
      render: () => (
        <>
          <Notes ref={noteInput} notes={detail.notes} onAdd={addNote} onDelete={deleteNote} />
          {detail.notes.length === 0 && <p className="muted small">No notes on this call yet. A note is kept at the playhead's time; click it later to go back there.</p>}
        </>
      ),
    },
  ];
  return (
    <section className="call-view" aria-label={`Call ${call.external_id}`}>
      <header className="call-header">
        <div className="call-title">
          <h2 className="mono ellipsis" title={call.external_id}>{sourceName ?? call.external_id}</h2>
          <div className="call-meta">
            <p className="muted">
              <span className="badge" title={call.provider !== call.platform ? `sent as ${call.provider}` : undefined}>{platformLabel(call.platform)}</span>{' '}
              {sourceName !== null && <span className="badge" title={call.source_format}>{formatName(call.source_format)}</span>}{' '}
              <span title={instantTitle(call.started_at)}>{formatInstant(call.started_at)}</span> · {formatDuration(call.duration_s)} · {turns.length} turns
              {call.reviewed_at && ` · reviewed ${formatInstant(call.reviewed_at)}`}
            </p>
            <CallTags ref={tagInput} callId={call.id} tags={detail.tags} />
          </div>
        </div>
        <VerdictButtons verdict={call.verdict} onChange={changeVerdict} canUndo={undo !== null} onUndo={undoVerdict} onUndoExpired={expireUndo} />
      </header>
      <div className="player-block" role="region" aria-label="Player" data-pii-audio={piiAudio === 'off' ? 'off' : 'on'} data-pii-masking={piiAudio}>
        <Waveform callId={call.id} media={media} turns={turns} markers={markers} silences={silences} fallbackDurationMs={fallbackDurationMs} />
        <Controls markers={markers} />
      </div>
      {/* the transcript beside the tabs: both scroll on their own under the player, which stays put */}
      <div className="call-body">
        <div className="transcript-column">
          <h3 className="section-title">
            Transcript
            {redacted && (
              <button type="button" className="badge redacted-badge" title="Show the words as said (PII tab: Redacted view)" onClick={() => setRedacted(false)}>
                redacted view ×
              </button>
            )}
          </h3>
          <Transcript
            turns={turns}
            markers={markers}
            stages={metrics?.latency_stages ?? null}
            evidenceTurn={evidenceTurn}
            pii={pii && pii.findings.length > 0 ? { findings: pii.findings, redactedText: redacted ? new Map(pii.redacted_turns.map((t) => [t.idx, t.text])) : null } : null}
          />
        </div>
        <div className="call-side">
          <Tabs label="Call panels" items={panels} selected={callTab} onSelect={setCallTab} />
        </div>
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
