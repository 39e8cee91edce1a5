import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import type { Turn } from '../../../core/model/call';
import { formatBytes, formatOffset, speakerOf } from '../shared/format';
import { activeTurnIndex, timedTurns, type Marker } from '../review/markers';
import { addDisagreementBadges, problemBadges } from '../review/problems';
import type { CallMetrics } from '../../../core/present/metrics-api';
import { disagreementText } from '../../../core/metrics/stage-agreement';
import { usePlayer } from '../review/player';

/**
 * The transcript as a list named "Transcript": one item per turn with its speaker and time. The
 * turn under the playhead has aria-current="true" and scrolls into view; clicking a turn seeks to
 * its start; words light up as they play where the payload has word timings.
 */
/** PII to show in the transcript: findings highlighted, or (redacted view) each turn's redacted text. */
export interface TranscriptPii {
  findings: { turn: number; start: number; end: number; type: string }[];
  redactedText: Map<number, string> | null;
}

/** `evidenceTurn`: the turn idx an evaluation's evidence chip points at, outlined and scrolled to. */
export function Transcript({
  turns,
  pii = null,
  evidenceTurn = null,
  markers = [],
  stages = null,
}: {
  turns: Turn[];
  pii?: TranscriptPii | null;
  evidenceTurn?: number | null;
  markers?: readonly Marker[];
  /** the platform's stage figures: a reply they disagree about gets a badge. */
  stages?: CallMetrics['latency_stages'];
}) {
  const timed = useMemo(() => timedTurns(turns), [turns]);
  const badges = useMemo(() => {
    const heard = stages?.heard_source ?? 'transcript';
    const rows = (stages?.replies ?? []).map((row) => ({ ...row, text: disagreementText(row, heard) }));
    return addDisagreementBadges(problemBadges(turns, markers), turns, rows);
  }, [turns, markers, stages]);
  const currentMs = usePlayer((s) => s.currentMs);
  const seek = usePlayer((s) => s.seek);
  const active = activeTurnIndex(timed, currentMs);
  const activeItem = useRef<HTMLLIElement | null>(null);

  useEffect(() => {
    activeItem.current?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  // An evidence turn the playhead could not move to (no times) still scrolls into view.
  const evidenceItem = useRef<HTMLLIElement | null>(null);
  useEffect(() => {
    evidenceItem.current?.scrollIntoView({ block: 'nearest' });
  }, [evidenceTurn]);

  if (turns.length === 0) {
    return <p className="muted empty-transcript">This call has no transcript.</p>;
  }
  return (
    <ol aria-label="Transcript" className="transcript">
      {turns.map((turn, index) => {
        const isActive = index === active;
        return (
          <li
            key={turn.idx}
            ref={isActive ? activeItem : turn.idx === evidenceTurn ? evidenceItem : undefined}
            className={`turn ${turn.role}${isActive ? ' active' : ''}${turn.idx === evidenceTurn ? ' evidence' : ''}`}
            data-role={turn.role}
            data-evidence={turn.idx === evidenceTurn ? 'true' : undefined}
            aria-current={isActive ? 'true' : undefined}
            onClick={() => turn.start_ms !== null && seek(turn.start_ms)}
          >
            {badges.has(turn.idx) && (
              <div className="problem-badges">
                {badges.get(turn.idx)?.map((badge) => (
                  <button
                    key={`${badge.kind}-${badge.at_ms}`}
                    type="button"
                    className={`problem-badge ${badge.kind}`}
                    title="Play from here"
                    onClick={(event) => {
                      event.stopPropagation();
                      seek(badge.at_ms);
                    }}
                  >
                    {badge.text}
                  </button>
                ))}
              </div>
            )}
            <div className="turn-meta">
              <span className="turn-role" title={turn.role === 'other' ? 'a role Callscope does not know, as the payload names it' : undefined}>
                {speakerOf(turn)}
              </span>
              {turn.role === 'other' && <span className="muted">(unknown role)</span>}
              {turn.agent_name && <span className="muted"> · {turn.agent_name}</span>}
              <time className="turn-time mono" title={turn.end_ms !== null ? `until ${formatOffset(turn.end_ms)}` : undefined}>
                {formatOffset(turn.start_ms)}
              </time>
              {turn.interrupted && <span className="flag">interrupted</span>}
              {turn.original_bytes !== undefined && (
                <span className="flag" title="The whole turn is kept in the call's stored payload.">
                  truncated: first 64 KiB of {formatBytes(turn.original_bytes)}
                </span>
              )}
            </div>
            {turn.tool ? (
              <ToolCall tool={turn.tool} />
            ) : pii?.redactedText ? (
              <p className="turn-text">{pii.redactedText.get(turn.idx) ?? turn.text}</p>
            ) : pii && pii.findings.some((f) => f.turn === turn.idx) ? (
              <MarkedText text={turn.text} findings={pii.findings.filter((f) => f.turn === turn.idx)} />
            ) : (
              <TurnText turn={turn} currentMs={isActive ? currentMs : null} />
            )}
          </li>
        );
      })}
    </ol>
  );
}

function TurnText({ turn, currentMs }: { turn: Turn; currentMs: number | null }) {
  if (!turn.words || turn.words.length === 0 || currentMs === null) return <p className="turn-text">{turn.text}</p>;
  return (
    <p className="turn-text">
      {turn.words.map((word, i) => (
        <span key={i} className={word.start_ms <= currentMs && currentMs < word.end_ms ? 'word active-word' : 'word'}>
          {word.text}{' '}
        </span>
      ))}
    </p>
  );
}

function ToolCall({ tool }: { tool: NonNullable<Turn['tool']> }) {
  return (
    <details className="tool-call" onClick={(e) => e.stopPropagation()}>
      <summary>
        <span className="mono">{tool.name}</span>
      </summary>
      <pre className="mono">{JSON.stringify({ arguments: tool.arguments, result: tool.result }, null, 2)}</pre>
    </details>
  );
}

/** The turn's text with each finding marked and labelled with its type. */
function MarkedText({ text, findings }: { text: string; findings: TranscriptPii['findings'] }) {
  const parts: ReactNode[] = [];
  let cursor = 0;
  for (const f of [...findings].sort((a, b) => a.start - b.start)) {
    if (f.start < cursor) continue;
    parts.push(text.slice(cursor, f.start));
    parts.push(
      <mark key={f.start} className="pii-mark" title={f.type} data-type={f.type}>
        {text.slice(f.start, f.end)}
      </mark>,
    );
    cursor = f.end;
  }
  parts.push(text.slice(cursor));
  return <p className="turn-text">{parts}</p>;
}
