import type { Turn } from '../../core/model/call';
import type { StringRedactor } from './redact-values';

/** `[mm:ss]` from the call's start (minutes run past 59 on long calls); `[--:--]` without a time. */
export function clockLabel(ms: number | null): string {
  if (ms === null) return '[--:--]';
  const seconds = Math.floor(Math.max(0, ms) / 1000);
  return `[${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}]`;
}

/** One line per turn, `[mm:ss] ROLE: text`, redacted. */
export function redactedTranscriptText(turns: readonly Turn[], redactedText: ReadonlyMap<number, string>, redact: StringRedactor): string {
  const lines = turns.map((turn) => {
    const text = redact(turn.role === 'tool' ? turn.text : (redactedText.get(turn.idx) ?? turn.text));
    const speaker = turn.role === 'other' ? (turn.raw_role ?? 'other') : turn.role;
    return `${clockLabel(turn.start_ms)} ${speaker.toUpperCase()}: ${text.replace(/\s*\n\s*/g, ' ')}`;
  });
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
