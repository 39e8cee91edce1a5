import type { Turn } from '../model/call';
import { detectPiiInReply } from './detect';
import type { Finding, PiiType } from './types';
import { redactText } from './redact';
import { spanTime } from './times';

/** One finding in a call: where in which turn, the text, when it was spoken, and how sure. */
export interface CallFinding {
  type: PiiType;
  turn: number;
  start: number;
  end: number;
  text: string;
  start_ms: number | null;
  end_ms: number | null;
  score: number;
}

export interface CallPii {
  findings: CallFinding[];
  redacted_turns: { idx: number; text: string }[];
}

/** Every finding in the spoken turns (optionally only some types), and the turns redacted. */
export function detectCallPii(turns: readonly Turn[], types?: readonly PiiType[]): CallPii {
  const wanted = types && types.length > 0 ? new Set(types) : null;
  const findings: CallFinding[] = [];
  const redacted: { idx: number; text: string }[] = [];
  let previous: Turn | null = null;
  for (const turn of turns) {
    if (turn.role === 'tool') continue;
    // The other speaker's last words are this turn's context; a speaker's own previous turn is not a question to it.
    const context = previous && previous.role !== turn.role ? previous.text : null;
    const found: Finding[] = detectPiiInReply(turn.text, context, wanted);
    previous = turn;
    for (const f of found) {
      const time = spanTime(turn, f.start, f.end);
      findings.push({ type: f.type, turn: turn.idx, start: f.start, end: f.end, text: f.text, start_ms: time?.start_ms ?? null, end_ms: time?.end_ms ?? null, score: f.score });
    }
    redacted.push({ idx: turn.idx, text: found.length > 0 ? redactText(turn.text, found) : turn.text });
  }
  return { findings, redacted_turns: redacted };
}
